import { ENDED, stopStream, streamRecord } from '../../core/stream-state';
import { brandOf, operation } from '../../core/webidl';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

function has(win: LegacyWindow, name: string): boolean {
  return !!win.MediaStream && name in win.MediaStream.prototype;
}

/**
 * mediacapture-2012-06-28 LocalMediaStream `stop()`, which Chrome kept on every MediaStream (2012–2015),
 * and `ended` (2012-06 to 2014: true once the stream finished). Pure additions today: neither name
 * exists on a modern stream. `label` and `onended` come from the 2011 surface (wd-2011-10-27/media-stream).
 */
export const mediaStreamStop: Surface = {
  id: 'mediacapture-2012-06-28/media-stream-stop',
  drafts: ['2012-03-18', '2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [
    { name: 'MediaStream.prototype.stop', replacement: 'stream.getTracks().forEach((t) => t.stop())' },
    { name: 'MediaStream.prototype.ended', replacement: '!stream.active' },
  ],
  detect: (win) => !!win.MediaStream && (!has(win, 'stop') || !has(win, 'ended')),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.MediaStream.prototype;
    const brand = brandOf(proto, 'id');
    if (!has(win, 'stop')) {
      const stop = operation(win, { iface: 'MediaStream', name: 'stop', length: 0, required: 0, brand }, function (this: MediaStream) {
        ctx.deprecated('MediaStream.prototype.stop', 'stream.getTracks().forEach((t) => t.stop())');
        stopStream(win, this);
      });
      ctx.define(proto, 'MediaStream.prototype', 'stop', { value: stop, writable: true, enumerable: true });
    }
    if (!has(win, 'ended')) {
      ctx.define(proto, 'MediaStream.prototype', 'ended', {
        enumerable: true,
        get(this: MediaStream) {
          if (!brand(this)) throw new win.TypeError("'ended' getter called on an object that is not a MediaStream.");
          return streamRecord(win, this).readyState === ENDED;
        },
      });
    }
  },
};
