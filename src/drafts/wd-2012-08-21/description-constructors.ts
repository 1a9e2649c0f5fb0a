import { brandCheck } from '../../core/widen';
import { widenConstructor } from '../../core/webidl';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

type Ctor = new (...args: unknown[]) => object;
type Name = 'RTCSessionDescription' | 'RTCIceCandidate';

/** Own, writable members of an object the widened constructor made: 2012-08 WD attributes are not readonly. */
function own(target: object, values: Record<string, unknown>, json: readonly string[]): void {
  for (const [k, value] of Object.entries(values)) Object.defineProperty(target, k, { value, writable: true, enumerable: false, configurable: true });
  // 2013-09 WD `serializer = {attribute}`: the JSON of what the page reads, nulls included.
  Object.defineProperty(target, 'toJSON', {
    value: function toJSON(this: Record<string, unknown>) {
      return Object.fromEntries(json.map((k) => [k, this[k]]));
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

const isDict = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * For each interface: whether today's constructor rejects an init the 2012-08/2013-09 drafts took (`[Constructor
 * (optional …Init)]`, every member optional), and how to make that object over a native one.
 */
const LEGACY: Record<Name, { rejects(win: LegacyWindow): boolean; takes(init: unknown): boolean; make(Native: Ctor, init: Record<string, unknown>, nt: Function): object }> = {
  // Firefox 153 requires the argument and its `type` (measured); Chromium 156 takes both absent (type null, sdp "").
  RTCSessionDescription: {
    rejects: (win) => throws(() => new win.RTCSessionDescription(undefined as unknown as RTCSessionDescriptionInit)),
    takes: (init) => init === undefined || init === null || (isDict(init) && init['type'] === undefined),
    make(Native, init, nt) {
      const desc = Reflect.construct(Native, [{ type: 'offer', sdp: init['sdp'] ?? '' }], nt) as RTCSessionDescription;
      // type: null until the page sets it, as Chromium's own constructor gives.
      own(desc, { type: null }, ['type', 'sdp']);
      return desc;
    },
  },
  // Both engines throw TypeError when sdpMid and sdpMLineIndex are both null (measured, Chromium 156, Firefox 153).
  RTCIceCandidate: {
    rejects: (win) => throws(() => new win.RTCIceCandidate({})),
    takes: (init) => init === undefined || init === null || (isDict(init) && init['sdpMid'] == null && init['sdpMLineIndex'] == null),
    make(Native, init, nt) {
      const c = Reflect.construct(Native, [{ candidate: init['candidate'] ?? '', sdpMid: '' }], nt) as RTCIceCandidate;
      own(c, { candidate: c.candidate, sdpMid: null, sdpMLineIndex: null }, ['candidate', 'sdpMid', 'sdpMLineIndex']);
      return c;
    },
  },
};

function throws(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch {
    return true;
  }
}

const NAMES = Object.keys(LEGACY) as Name[];
const needed = (win: LegacyWindow) => NAMES.filter((n) => typeof win[n] === 'function' && LEGACY[n].rejects(win));

/**
 * 2012-08 WD §4.2.1/§4.8.1 (and 2013-09): `new RTCSessionDescription()` and `new RTCIceCandidate({})`,
 * every init member optional, as apps of the time built them and filled them in afterwards. Only where
 * today's constructor throws (principle 1): any other call is the native constructor with the same
 * arguments. The object made is the engine's own, of the native prototype; the members it was given no
 * value for read null and are writable as the draft's attributes were (own properties of that object
 * only), and `addIceCandidate` / `setLocalDescription`, which read those members as a dictionary, see
 * what the page set. The interface object keeps the native `.name`, `.length`, statics and prototype.
 */
export const descriptionConstructors: Surface = {
  id: 'wd-2012-08-21/description-constructors',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  // web-platform-tests (RTCIceCandidate-constructor.html, RTCSessionDescription-constructor.html) checks
  // today's TypeError for these inits, and it must see the same with `auto` (issue 12): the drafts'
  // meaning comes with their era.
  collides: true,
  members: [
    { name: 'new RTCSessionDescription()', replacement: "new RTCSessionDescription({ type: 'offer', sdp })", note: 'or a plain { type, sdp } object' },
    { name: 'new RTCIceCandidate({})', replacement: 'new RTCIceCandidate({ candidate, sdpMid, sdpMLineIndex })', note: 'sdpMid or sdpMLineIndex is required today' },
  ],
  detect: (win) => needed(win).length > 0,
  install(ctx: InstallContext) {
    const { win } = ctx;
    for (const name of needed(win)) {
      const Native = win[name] as unknown as Ctor;
      const legacy = LEGACY[name];
      widenConstructor(ctx, name, Native, (args, newTarget) => {
        try {
          return Reflect.construct(Native, args, newTarget);
        } catch (e) {
          if (!(e instanceof win.TypeError) || !legacy.takes(args[0])) throw e;
          ctx.used(name === 'RTCIceCandidate' ? 'new RTCIceCandidate({})' : 'new RTCSessionDescription()');
          return legacy.make(Native, (args[0] ?? {}) as Record<string, unknown>, newTarget);
        }
      });
    }
  },
};

/**
 * 2012-08 WD `stringifier DOMString ()` on RTCSessionDescription and RTCIceCandidate. Our sources give
 * the IDL line without prose; the 2013-09 WD replaced it with `serializer = {attribute}`, so the string
 * is that serialization's JSON. `String(desc)` is "[object RTCSessionDescription]" today, a live
 * meaning, so this comes only with the era '2012-08-21' (principle 1).
 */
export const descriptionStringifiers: Surface = {
  id: 'wd-2012-08-21/description-stringifiers',
  drafts: ['2012-08-21'],
  collides: true,
  members: NAMES.map((n) => ({ name: `${n}.prototype.toString`, replacement: `JSON.stringify(${n === 'RTCIceCandidate' ? 'candidate' : 'desc'})` })),
  detect: (win) => NAMES.some((n) => typeof win[n] === 'function' && !Object.prototype.hasOwnProperty.call(win[n].prototype, 'toString')),
  install(ctx: InstallContext) {
    const { win } = ctx;
    for (const name of NAMES) {
      const proto = win[name]?.prototype as object | undefined;
      if (!proto || Object.prototype.hasOwnProperty.call(proto, 'toString')) continue;
      const check = brandCheck(win, proto, name === 'RTCIceCandidate' ? 'candidate' : 'sdp', name);
      ctx.define(proto, `${name}.prototype`, 'toString', {
        value: {
          toString(this: object): string {
            check(this, 'toString');
            return JSON.stringify(this);
          },
        }.toString,
        writable: true,
        enumerable: true,
      });
    }
  },
};
