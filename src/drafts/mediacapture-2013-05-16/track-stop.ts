import { tracksStopped } from '../../core/stream-state';
import { queueTask } from '../../core/task';
import { liveWindows } from '../../install/live';
import type { InstallContext, Surface } from '../../install/types';

/** The behaviour flag: a track ended by its own stop() fires `ended` (see trackStop). */
export const TRACK_ENDED_ON_STOP = 'mediacapture-2013-05-16/track-ended-on-stop';

/**
 * mediacapture-2013-05-16 §4.3.1 stop(): "the track is ended … fire a simple event named ended". Today
 * (mediacapture-main since 2016) stop() fires nothing: a live name with another behaviour, so the event
 * comes only with an explicit era of those drafts.
 */
export const trackEndedOnStop: Surface = {
  id: TRACK_ENDED_ON_STOP,
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: true,
  members: [{ name: "MediaStreamTrack 'ended' event on its own stop() (2012–2015 eras)", replacement: 'track.stop(); /* then run what onended ran */', note: 'Since 2016 a track ended by its own stop() fires no event.' }],
  detect: () => true,
  install() {},
};

/**
 * MediaStreamTrack.prototype.stop, widened: the native one runs with the same arguments and result;
 * then the streams holding the track learn it ended (Firefox fires nothing when an app stops every
 * track, so `stream.ended`/`onended` would never come), and under the flag above the track fires `ended`.
 */
export const trackStop: Surface = {
  id: 'mediacapture-2013-05-16/track-stop',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [{ name: "MediaStreamTrack 'ended' after stop()", replacement: "track.stop(); /* then do what onended did */" }],
  detect: (win) => typeof win.MediaStreamTrack?.prototype.stop === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.MediaStreamTrack.prototype;
    const current = proto.stop;
    const stop = {
      stop(this: MediaStreamTrack, ...args: unknown[]): void {
        const wasLive = this instanceof win.MediaStreamTrack && this.readyState === 'live';
        Reflect.apply(current, this, args);
        if (!wasLive || !liveWindows.has(win)) return;
        if (ctx.active(TRACK_ENDED_ON_STOP)) queueTask(win, () => this.dispatchEvent(new win.Event('ended')));
        tracksStopped([this]);
      },
    }.stop;
    Object.defineProperty(stop, 'length', { value: current.length });
    ctx.define(proto, 'MediaStreamTrack.prototype', 'stop', { value: stop, writable: true, enumerable: true });
  },
};
