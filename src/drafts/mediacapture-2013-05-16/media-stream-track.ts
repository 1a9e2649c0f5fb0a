import { defineEventHandler } from '../../core/event-handler';
import { observe } from '../../core/observe-native';
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

/** Tracks a connection's receivers gave out (today's remote tracks), from the native objects. */
const remoteTracks = new WeakSet<MediaStreamTrack>();
const watched = new WeakSet<RTCPeerConnection>();
/** The connections seen so far, weakly: asked again when a track not yet known is read. */
let connections: WeakRef<RTCPeerConnection>[] = [];

function receiversOf(pc: RTCPeerConnection): void {
  if (!watched.has(pc)) {
    watched.add(pc);
    connections.push(new WeakRef(pc));
  }
  try {
    for (const r of pc.getReceivers()) remoteTracks.add(r.track);
  } catch {
    // a closed connection in an engine that throws there: nothing new to learn
  }
}

/** An ontrack handler may read `remote` before the shim hears of the track: ask the connections. */
export function isRemote(track: MediaStreamTrack): boolean {
  if (remoteTracks.has(track)) return true;
  connections = connections.filter((ref) => {
    const pc = ref.deref();
    if (pc) receiversOf(pc);
    return !!pc;
  });
  return remoteTracks.has(track);
}

/**
 * mediacapture-2013-05-16 MediaStreamTrack `remote`: true for a track a peer connection receives.
 * Known from the receivers of the connections the page used (addTrack, addTransceiver,
 * setRemoteDescription are widened to note the connection: same arguments, same result), read again
 * when `remote` is asked of a track not yet known. No polling.
 */
export const trackRemote: Surface = {
  id: 'mediacapture-2013-05-16/media-stream-track-remote',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [{ name: 'MediaStreamTrack.prototype.remote', replacement: 'pc.getReceivers().some((r) => r.track === track)' }],
  detect: (win) => !!win.MediaStreamTrack && !('remote' in win.MediaStreamTrack.prototype) && !!win.RTCPeerConnection,
  install(ctx: InstallContext) {
    const { win } = ctx;
    const pcProto = win.RTCPeerConnection.prototype;
    for (const name of ['setRemoteDescription', 'addTrack', 'addTransceiver'] as const) {
      observe(ctx, pcProto, 'RTCPeerConnection.prototype', name, (pc, result) => {
        if (!(pc instanceof win.RTCPeerConnection)) return;
        receiversOf(pc);
        if (result instanceof win.Promise) result.then(() => receiversOf(pc), () => {});
      });
    }
    const proto = win.MediaStreamTrack.prototype;
    const kind = Object.getOwnPropertyDescriptor(proto, 'kind')!.get!;
    ctx.define(proto, 'MediaStreamTrack.prototype', 'remote', {
      enumerable: true,
      get(this: MediaStreamTrack) {
        kind.call(this);
        return isRemote(this);
      },
    });
  },
};
