import { errorEventClass } from '../../core/error-event';
import type { InstallContext, Surface } from '../../install/types';

/**
 * mediacapture-2015-02-12 / -2015-04-14 `[Constructor(DOMString type, MediaStreamErrorEventInit eventInitDict)]
 * interface MediaStreamErrorEvent : Event { readonly attribute MediaStreamError? error; }`. No engine fired
 * it; apps constructed it to pass a getUserMedia error on.
 */
export const mediaStreamErrorEvent: Surface = {
  id: 'mediacapture-2015-02-12/media-stream-error-event',
  drafts: ['2015-02-10'],
  collides: false,
  members: [{ name: 'MediaStreamErrorEvent', replacement: "new ErrorEvent('error', { error })" }],
  detect: (win) => typeof win.Event === 'function' && !('MediaStreamErrorEvent' in win),
  install(ctx: InstallContext) {
    ctx.define(ctx.win, 'window', 'MediaStreamErrorEvent', { value: errorEventClass(ctx.win, 'MediaStreamErrorEvent'), writable: true, enumerable: false });
  },
};
