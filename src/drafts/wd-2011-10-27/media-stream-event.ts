import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { InternalSlots } from '../../core/internal-slots';
import { used } from '../../install/usage';

export interface MediaStreamEventInit extends EventInit {
  stream?: MediaStream | null;
}
export interface MediaStreamEvent extends Event {
  readonly stream: MediaStream | null;
  initMediaStreamEvent(type: string, canBubble?: boolean, cancelable?: boolean, stream?: MediaStream | null): void;
}
export type MediaStreamEventConstructor = {
  prototype: MediaStreamEvent;
  new (type: string, eventInitDict?: MediaStreamEventInit): MediaStreamEvent;
};

/** `stream` of the shim's own events, and of native ones re-initialized by initMediaStreamEvent. */
const streams = new InternalSlots<Event, MediaStream | null>();
const classes = new WeakMap<LegacyWindow, MediaStreamEventConstructor>();

/** WebIDL `MediaStream?`: a MediaStream of any realm (the native brand check), null or undefined. */
function toStream(win: LegacyWindow, value: unknown, where: string): MediaStream | null {
  if (value === null || value === undefined) return null;
  try {
    win.MediaStream.prototype.getTracks.call(value);
    return value as MediaStream;
  } catch {
    throw new win.TypeError(`${where}: stream is not a MediaStream`);
  }
}

/**
 * 2011 WD §7.1.2: "initialize the event in a manner analogous to" DOM's initEvent, which does
 * nothing while the event is being dispatched.
 */
function initMediaStreamEventOf(win: LegacyWindow, cls: () => MediaStreamEventConstructor) {
  return function initMediaStreamEvent(this: Event, type: string, canBubble?: boolean, cancelable?: boolean, stream?: MediaStream | null): void {
    if (!(this instanceof cls())) throw new win.TypeError('Illegal invocation');
    if (arguments.length < 1) throw new win.TypeError('initMediaStreamEvent: at least 1 argument required');
    used(win, 'MediaStreamEvent.prototype.initMediaStreamEvent');
    const s = toStream(win, stream, 'initMediaStreamEvent');
    if (this.eventPhase !== win.Event.NONE) return;
    this.initEvent(type, !!canBubble, !!cancelable);
    // A native event keeps its stream in an internal slot the page cannot write: shadow the getter.
    if (streams.has(this)) streams.set(this, s);
    else Object.defineProperty(this, 'stream', { value: s, enumerable: true, configurable: true });
  };
}

function ownClass(win: LegacyWindow): MediaStreamEventConstructor {
  class MediaStreamEvent extends win.Event {
    constructor(type: string, eventInitDict: MediaStreamEventInit = {}) {
      if (arguments.length < 1) throw new win.TypeError("Failed to construct 'MediaStreamEvent': 1 argument required");
      super(type, eventInitDict);
      streams.set(this, toStream(win, eventInitDict?.stream, "Failed to construct 'MediaStreamEvent'"));
    }

    /** §7.1.1 */
    get stream(): MediaStream | null {
      return streams.of(win, this);
    }
  }
  const proto = MediaStreamEvent.prototype;
  Object.defineProperty(proto, 'stream', { enumerable: true });
  Object.defineProperty(proto, 'initMediaStreamEvent', {
    value: initMediaStreamEventOf(win, () => MediaStreamEvent as unknown as MediaStreamEventConstructor),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(proto, Symbol.toStringTag, { value: 'MediaStreamEvent', configurable: true });
  return MediaStreamEvent as unknown as MediaStreamEventConstructor;
}

/**
 * The MediaStreamEvent of this window, for the 2011 PeerConnection's addstream/removestream (§7.1
 * "firing a stream event"): the browser's own where it has one (Chromium and Firefox do, without
 * initMediaStreamEvent), else the shim's, a subclass of the window's Event. Construct it as
 * `new (mediaStreamEventClass(win))(type, { stream })`.
 */
export function mediaStreamEventClass(win: LegacyWindow): MediaStreamEventConstructor {
  let cls = classes.get(win);
  if (!cls) {
    const native = (win as { MediaStreamEvent?: unknown }).MediaStreamEvent;
    cls = typeof native === 'function' ? (native as MediaStreamEventConstructor) : ownClass(win);
    classes.set(win, cls);
  }
  return cls;
}

/**
 * 2011 WD §7.1 MediaStreamEvent and initMediaStreamEvent, each only where missing.
 * `document.createEvent('MediaStreamEvent')` stays unsupported: that would mean patching createEvent
 * for every page, and the draft never names createEvent.
 */
export const mediaStreamEvent: Surface = {
  id: 'wd-2011-10-27/media-stream-event',
  drafts: ['2011-10-27'],
  collides: false,
  members: [
    {
      name: 'MediaStreamEvent.prototype.initMediaStreamEvent',
      replacement: "new MediaStreamEvent(type, { stream })",
      note: 'Streams arrive as RTCTrackEvent today: pc.ontrack = (e) => e.streams[0].',
      pattern: '*#initMediaStreamEvent()',
    },
  ],
  detect: (win) => {
    const native = (win as { MediaStreamEvent?: unknown }).MediaStreamEvent;
    return typeof native !== 'function' || !('initMediaStreamEvent' in (native as MediaStreamEventConstructor).prototype);
  },
  install(ctx: InstallContext) {
    const { win } = ctx;
    const cls = mediaStreamEventClass(win);
    if ((win as { MediaStreamEvent?: unknown }).MediaStreamEvent !== cls) {
      ctx.define(win, 'window', 'MediaStreamEvent', { value: cls, writable: true, enumerable: false });
    }
    if (!('initMediaStreamEvent' in cls.prototype)) {
      ctx.define(cls.prototype, 'MediaStreamEvent.prototype', 'initMediaStreamEvent', {
        value: initMediaStreamEventOf(win, () => cls),
        writable: true,
        enumerable: true,
      });
    }
  },
};
