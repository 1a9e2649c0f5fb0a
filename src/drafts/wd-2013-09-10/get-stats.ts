import { asOperation } from '../../core/webidl';
import { queueTask } from '../../core/task';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { complain } from '../../install/warnings';
import { legacyReports, type LegacyReportData, type ModernStat } from './legacy-stats-names';

type NativeGetStats = (this: RTCPeerConnection, ...args: unknown[]) => Promise<RTCStatsReport>;
type Callback = (value: unknown) => void;

/** The 2013 RTCStatsElement: one side's values of a report (`local` is the report itself). */
class LegacyStatsElement {
  readonly #timestamp: number;
  readonly #stats: ReadonlyArray<readonly [string, string]>;
  constructor(timestamp: number, stats: ReadonlyArray<readonly [string, string]>) {
    this.#timestamp = timestamp;
    this.#stats = stats;
  }
  /** A Date, as Chromium's legacy reports gave it: apps subtracted two of them for a rate. */
  get timestamp(): Date {
    return new Date(this.#timestamp);
  }
  names(): string[] {
    return this.#stats.map(([name]) => name);
  }
  /** "" for a name the report lacks, as libjingle's reports answered. */
  stat(name: string): string {
    const key = String(name);
    for (const [n, v] of this.#stats) if (n === key) return v;
    return '';
  }
}

/**
 * 2013-09 WD §8.2 RTCStatsReport as Chromium shipped it for the callback form: `id`, `type`,
 * `timestamp`, `names()`, `stat(name)`, and (2013) `local` / `remote`.
 */
class LegacyStatsReport extends LegacyStatsElement {
  readonly id: string;
  readonly type: string;
  readonly #remote: LegacyStatsElement | null;
  constructor(data: LegacyReportData) {
    super(data.timestamp, data.stats);
    this.id = data.id;
    this.type = data.type;
    this.#remote = data.remote && new LegacyStatsElement(data.remote.timestamp, data.remote.stats);
  }
  get local(): LegacyStatsElement {
    return this;
  }
  get remote(): LegacyStatsElement | null {
    return this.#remote;
  }
}

/** What the success callback receives: Chromium's RTCStatsResponse (`result()`, `namedItem(id)`, `response[id]`). */
class LegacyStatsResponse {
  readonly #reports: LegacyStatsReport[];
  constructor(reports: LegacyStatsReport[]) {
    this.#reports = reports;
    // The named getter: response[id], not enumerable, as Chromium's [NotEnumerable] getter.
    for (const r of reports) Object.defineProperty(this, r.id, { value: r, configurable: true });
  }
  result(): LegacyStatsReport[] {
    return this.#reports.slice();
  }
  namedItem(id: string): LegacyStatsReport | null {
    return this.#reports.find((r) => r.id === String(id)) ?? null;
  }
}

/**
 * Today's stats (a report's values, read once as any app reads them) → the response a 2013 app reads
 * (the table and its engine: legacy-stats-names.ts).
 */
export function legacyStatsResponse(stats: readonly ModernStat[]): LegacyStatsResponse {
  return new LegacyStatsResponse(legacyReports(stats).map((d) => new LegacyStatsReport(d)));
}

interface LegacyCall {
  selector: unknown;
  success: Callback;
  failure: Callback | undefined;
}

/**
 * Which calls are the callback form: the draft's `getStats(selector, success, failure)` (2013-09 WD
 * §8.2) and Chromium's `getStats(success, selector)` / `getStats(success, failure)` of the apps.
 * Today's getStats rejects a function as its selector, and ignores a second and third argument: a
 * function in either of the first two places means the callback form; every other call is modern.
 */
function legacyCall(args: ArrayLike<unknown>): LegacyCall | null {
  const [a, b, c] = [args[0], args[1], args[2]];
  if (typeof a === 'function') {
    return typeof b === 'function' ? { selector: null, success: a as Callback, failure: b as Callback } : { selector: b, success: a as Callback, failure: undefined };
  }
  if (typeof b === 'function') return { selector: a, success: b as Callback, failure: typeof c === 'function' ? (c as Callback) : undefined };
  return null;
}

function isTrack(win: LegacyWindow, kindGetter: (this: MediaStreamTrack) => string, x: unknown): boolean {
  if (x instanceof win.MediaStreamTrack) return true;
  if (typeof x !== 'object' || x === null) return false;
  try {
    kindGetter.call(x as MediaStreamTrack);
    return true;
  } catch {
    return false;
  }
}

/**
 * 2013-09 WD §8.2 `getStats(selector, successCallback, failureCallback)` and Chromium's callback
 * form, over today's promise getStats(): the native method is called with the selector alone, its
 * report translated by the legacy-stats-names table, and the app's callback invoked from a task.
 * Every other call goes to the native method with the same arguments and returns its promise.
 */
export const getStats: Surface = {
  id: 'wd-2013-09-10/get-stats',
  drafts: ['2013-09-10', '2015-02-10', '2016-01-28', '2016-05-31', '2016-11-24'],
  collides: false,
  members: [
    {
      name: 'RTCPeerConnection.prototype.getStats',
      replacement: 'const report = await pc.getStats(track); for (const s of report.values()) if (s.type === "inbound-rtp") use(s.bytesReceived);',
      note: 'the callback forms getStats(success, failure), getStats(success, selector), getStats(selector, success, failure); each legacy name\'s modern member: LEGACY_STATS in legacy-stats-names.ts',
    },
  ],
  detect: (win) => typeof win.RTCPeerConnection === 'function' && typeof win.RTCPeerConnection.prototype.getStats === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.RTCPeerConnection.prototype;
    // Captured now, so a wrapper installed before this one (or after) chains (BRIEF: style).
    const native = proto.getStats as unknown as NativeGetStats;
    const brand = Object.getOwnPropertyDescriptor(proto, 'signalingState')!.get!;
    const kind = Object.getOwnPropertyDescriptor(win.MediaStreamTrack.prototype, 'kind')!.get! as (this: MediaStreamTrack) => string;

    const wrapper = function getStats(this: RTCPeerConnection): Promise<unknown> {
      const call = legacyCall(arguments);
      if (!call) return native.apply(this, arguments as unknown as unknown[]);
      // A void operation of 2013: a wrong `this` throws, as WebIDL does.
      brand.call(this);
      ctx.deprecated('RTCPeerConnection.prototype.getStats', 'pc.getStats().then((report) => …)');
      const pc = this;
      const fail = (error: unknown) => {
        if (call.failure) queueTask(win, () => call.failure!.call(pc, error));
      };
      const { selector } = call;
      if (selector !== null && selector !== undefined && !isTrack(win, kind, selector)) {
        // 2013-09 WD §8.2: a selector is a MediaStreamTrack or null; WebIDL's conversion (then) and the
        // 2016 WD's step 2 (later) both give a TypeError.
        complain(`getStats(): the selector ${String(selector)} is not a MediaStreamTrack; the error callback gets a TypeError`);
        fail(new win.TypeError("Failed to execute 'getStats' on 'RTCPeerConnection': the selector is not of type 'MediaStreamTrack'."));
        return win.Promise.resolve(undefined);
      }
      const pending = selector === null || selector === undefined ? native.call(pc) : native.call(pc, selector);
      pending.then(
        (report) => {
          let response: LegacyStatsResponse;
          try {
            response = legacyStatsResponse([...report.values()] as ModernStat[]);
          } catch (e) {
            complain(`getStats(): today's report could not be read as a legacy one (${String(e)})`);
            return fail(e);
          }
          queueTask(win, () => call.success.call(pc, response));
        },
        (error) => {
          complain(`getStats(): ${String(error)}${call.failure ? '' : ' (no error callback was given)'}`);
          fail(error);
        },
      );
      // 2016-05 WD: the callback form returns a promise resolved with undefined (2013: void).
      return win.Promise.resolve(undefined);
    };
    Object.defineProperty(wrapper, 'length', { value: native.length });
    // A method, as the native operation it widens (idlharness: no [[Construct]], no own prototype).
    ctx.define(proto, 'RTCPeerConnection.prototype', 'getStats', { value: asOperation(wrapper), writable: true, enumerable: true });
  },
};
