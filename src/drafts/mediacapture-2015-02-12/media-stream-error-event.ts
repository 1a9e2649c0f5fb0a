import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

/** mediacapture-2015-02-12 / -2015-04-14 `dictionary MediaStreamErrorEventInit : EventInit { MediaStreamError? error = null; }`. */
export interface MediaStreamErrorEventInit extends EventInit {
  error?: object | null;
}

const errors = new WeakMap<Event, object | null>();

function ownClass(win: LegacyWindow) {
  /**
   * `[Constructor(DOMString type, MediaStreamErrorEventInit eventInitDict)] interface MediaStreamErrorEvent : Event`.
   * `MediaStreamError` is `[NoInterfaceObject]` (name, message, constraintName): what the error callbacks
   * receive today (a DOMException, an OverconstrainedError) is that object, so any object is taken.
   */
  class MediaStreamErrorEvent extends win.Event {
    constructor(type: string, eventInitDict: MediaStreamErrorEventInit) {
      if (arguments.length < 2) throw new win.TypeError(`Failed to construct 'MediaStreamErrorEvent': 2 arguments required, but only ${arguments.length} present.`);
      if (eventInitDict !== undefined && eventInitDict !== null && typeof eventInitDict !== 'object') {
        throw new win.TypeError("Failed to construct 'MediaStreamErrorEvent': parameter 2 is not an object.");
      }
      super(type, eventInitDict ?? {});
      const error = eventInitDict?.error ?? null;
      if (error !== null && typeof error !== 'object') throw new win.TypeError("Failed to construct 'MediaStreamErrorEvent': error is not a MediaStreamError.");
      errors.set(this, error);
    }

    get error(): object | null {
      if (!errors.has(this)) throw new win.TypeError('Illegal invocation');
      return errors.get(this) ?? null;
    }
  }
  Object.defineProperty(MediaStreamErrorEvent.prototype, 'error', { enumerable: true });
  Object.defineProperty(MediaStreamErrorEvent.prototype, Symbol.toStringTag, { value: 'MediaStreamErrorEvent', configurable: true });
  return MediaStreamErrorEvent;
}

export const mediaStreamErrorEvent: Surface = {
  id: 'mediacapture-2015-02-12/media-stream-error-event',
  drafts: ['2015-02-10'],
  collides: false,
  members: [{ name: 'MediaStreamErrorEvent', replacement: "new ErrorEvent('error', { error })", note: 'No engine fired it; apps constructed it to pass getUserMedia errors on.' }],
  detect: (win) => typeof win.Event === 'function' && !('MediaStreamErrorEvent' in win),
  install(ctx: InstallContext) {
    ctx.define(ctx.win, 'window', 'MediaStreamErrorEvent', { value: ownClass(ctx.win), writable: true, enumerable: false });
  },
};
