import { defineEventHandler } from '../../core/event-handler';
import type { InstallContext, Surface } from '../../install/types';

const HANDLERS = ['started', 'overconstrained'] as const;

/**
 * mediacapture-2013-05-16 / -2013-09-03 MediaStreamTrack `onstarted` and `onoverconstrained`. Today's
 * engines hand out tracks already started and drop constraints silently rather than fire
 * `overconstrained`, so neither event comes: the attributes are there for apps that assign them.
 */
export const trackHandlers: Surface = {
  id: 'mediacapture-2013-05-16/media-stream-track-handlers',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [
    { name: 'MediaStreamTrack.prototype.onstarted', replacement: "/* a track from getUserMedia is live: track.readyState === 'live' */" },
    { name: 'MediaStreamTrack.prototype.onoverconstrained', replacement: 'track.applyConstraints(c).catch((e) => /* OverconstrainedError */ e)' },
  ],
  detect: (win) => !!win.MediaStreamTrack && HANDLERS.some((h) => !(`on${h}` in win.MediaStreamTrack.prototype)),
  install(ctx: InstallContext) {
    const proto = ctx.win.MediaStreamTrack.prototype;
    for (const type of HANDLERS) if (!(`on${type}` in proto)) defineEventHandler(ctx, proto, 'MediaStreamTrack.prototype', type);
  },
};

/**
 * `HTMLMediaElement.mozSrcObject` (Firefox 18–57): the same attribute as today's `srcObject`. Only where
 * the engine is of the moz family, or with `prefixes: 'all'` (principle 2).
 */
export const mozSrcObject: Surface = {
  id: 'mediacapture-2013-05-16/moz-src-object',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [{ name: 'HTMLMediaElement.prototype.mozSrcObject', replacement: 'video.srcObject = stream' }],
  detect: (win) => !!win.HTMLMediaElement && 'srcObject' in win.HTMLMediaElement.prototype && !('mozSrcObject' in win.HTMLMediaElement.prototype),
  install(ctx: InstallContext) {
    if (!ctx.prefixes.moz) return;
    const proto = ctx.win.HTMLMediaElement.prototype;
    const native = Object.getOwnPropertyDescriptor(proto, 'srcObject');
    if (!native?.get || !native.set) return;
    const { get, set } = native;
    // Through the native accessors: same brand checks, same conversions, same element state.
    const alias = {
      get mozSrcObject(): unknown {
        return get.call(this);
      },
      set mozSrcObject(value: unknown) {
        set.call(this, value);
      },
    };
    ctx.define(proto, 'HTMLMediaElement.prototype', 'mozSrcObject', { ...Object.getOwnPropertyDescriptor(alias, 'mozSrcObject'), enumerable: true });
  },
};
