import { defineEventHandler } from '../../core/event-handler';
import { ENDED, streamRecord } from '../../core/stream-state';
import type { InstallContext, Surface } from '../../install/types';

/**
 * `oninactive` as Chrome 42–… had it (mediacapture-2015-02-12 `active`/`oninactive`); `active` is native
 * in both engines, the handler only in Chromium. Where it is missing, the handler runs when the stream
 * ends (the same native-derived end as `ended`).
 */
export const mediaStreamInactive: Surface = {
  id: 'mediacapture-2015-02-12/media-stream-oninactive',
  drafts: ['2015-02-10', '2016-01-28'],
  collides: false,
  members: [{ name: 'MediaStream.prototype.oninactive', replacement: "stream.getTracks().forEach((t) => t.addEventListener('ended', check))" }],
  detect: (win) => !!win.MediaStream && !('oninactive' in win.MediaStream.prototype),
  install(ctx: InstallContext) {
    const { win } = ctx;
    defineEventHandler(ctx, win.MediaStream.prototype, 'MediaStream.prototype', 'inactive', (target) => {
      const stream = target as MediaStream;
      const rec = streamRecord(win, stream);
      if (rec.readyState === ENDED) return;
      stream.addEventListener('ended', () => stream.dispatchEvent(new win.Event('inactive')), { once: true });
    });
  },
};
