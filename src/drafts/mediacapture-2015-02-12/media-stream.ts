import { defineEventHandler } from '../../core/event-handler';
import { ENDED, streamRecord } from '../../core/stream-state';
import { queueTask } from '../../core/task';
import { widenMethod } from '../../core/widen';
import { liveWindows } from '../../install/live';
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

/** Streams whose `onactive` the page used: only they get the event (as `oninactive` above). */
const heardActive = new WeakSet<EventTarget>();

/**
 * `onactive` (mediacapture-2015-02-12 §4.2: "fire a simple event named active" when a stream that was
 * inactive becomes active), native in Chromium, missing in Firefox. A stream becomes active again only
 * through `addTrack` of a live track, so the native addTrack is widened (same length, arguments and
 * result): when the native `active` went from false to true, `active` is fired in a task.
 */
export const mediaStreamActive: Surface = {
  id: 'mediacapture-2015-02-12/media-stream-onactive',
  drafts: ['2015-02-10', '2016-01-28'],
  collides: false,
  members: [{ name: 'MediaStream.prototype.onactive', replacement: 'stream.addTrack(track); if (stream.active) { /* what onactive did */ }' }],
  detect: (win) => !!win.MediaStream && !('onactive' in win.MediaStream.prototype) && 'active' in win.MediaStream.prototype,
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.MediaStream.prototype;
    const active = Object.getOwnPropertyDescriptor(proto, 'active')!.get!;
    defineEventHandler(ctx, proto, 'MediaStream.prototype', 'active', (target) => heardActive.add(target));
    widenMethod<(this: MediaStream, track: MediaStreamTrack) => void>(ctx, proto, 'MediaStream.prototype', 'addTrack', (current) =>
      function addTrack(this: MediaStream) {
        const watched = heardActive.has(this);
        const was = watched && active.call(this);
        const result = Reflect.apply(current, this, arguments);
        if (watched && !was && active.call(this) && liveWindows.has(win)) queueTask(win, () => this.dispatchEvent(new win.Event('active')));
        return result;
      },
    );
  },
};
