import type { InstallContext, Surface } from '../../install/types';

/** mediacapture-2012-06-28 / webrtc-wd-2012-02-09 MediaStreamTrack constants. */
const STATES = { LIVE: 0, MUTED: 1, ENDED: 2 } as const;

/**
 * mediacapture-2012-06-28 MediaStreamTrack `readonly attribute unsigned short readyState` (LIVE 0 ·
 * MUTED 1 · ENDED 2). Today's readyState is the string "live"/"ended": a live name with another
 * meaning, so the numbers come only with an era of 2012 (principle 1). MUTED is today's `muted` on a
 * live track; all three are read from the native attributes on each access.
 */
export const trackReadyState: Surface = {
  id: 'mediacapture-2012-06-28/track-ready-state',
  drafts: ['2012-02-09', '2012-03-18'],
  collides: true,
  members: [{ name: 'MediaStreamTrack.prototype.readyState (0/1/2)', replacement: "track.readyState === 'ended' ? 2 : track.muted ? 1 : 0" }],
  detect: (win) => !!win.MediaStreamTrack && typeof Object.getOwnPropertyDescriptor(win.MediaStreamTrack.prototype, 'readyState')?.get === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const ctor = win.MediaStreamTrack;
    const proto = ctor.prototype;
    const nativeReadyState = Object.getOwnPropertyDescriptor(proto, 'readyState')!.get!;
    const nativeMuted = Object.getOwnPropertyDescriptor(proto, 'muted')?.get;
    ctx.define(proto, 'MediaStreamTrack.prototype', 'readyState', {
      enumerable: true,
      // The native getter brand-checks `this` first, as the 2012 attribute did.
      get(this: MediaStreamTrack) {
        if (nativeReadyState.call(this) === 'ended') return STATES.ENDED;
        return nativeMuted?.call(this) ? STATES.MUTED : STATES.LIVE;
      },
    });
    for (const [name, value] of Object.entries(STATES)) {
      if (name in proto) continue;
      ctx.define(ctor, 'MediaStreamTrack', name, { value, enumerable: true, writable: false });
      ctx.define(proto, 'MediaStreamTrack.prototype', name, { value, enumerable: true, writable: false });
    }
  },
};
