import { legacyError } from '../../core/legacy-errors';
import { observe } from '../../core/observe-native';
import { operation } from '../../core/webidl';
import type { InstallContext, Surface } from '../../install/types';

/**
 * The senders each track was handed to (addTrack, addTransceiver, replaceTrack): where its DTMF goes.
 * Held weakly: a sender keeps its connection alive, and a track outlives the calls it was sent on
 * (test/e2e/wd-2011-10-27/close-frees-connection.test.js found one connection a call kept alive).
 */
const sendersOf = new WeakMap<MediaStreamTrack, WeakRef<RTCRtpSender>[]>();

function remember(track: unknown, sender: unknown): void {
  if (!track || !sender) return;
  const t = track as MediaStreamTrack;
  const live = (sendersOf.get(t) ?? []).filter((ref) => ref.deref() && ref.deref() !== sender);
  live.push(new WeakRef(sender as RTCRtpSender));
  sendersOf.set(t, live);
}

/** The DTMF sender of a connection that sends `track` now, if any. */
function dtmfOf(track: MediaStreamTrack): RTCDTMFSender | null {
  for (const ref of sendersOf.get(track) ?? []) {
    const sender = ref.deref();
    if (sender && sender.track === track && sender.dtmf && sender.transport?.state !== 'closed') return sender.dtmf;
  }
  return null;
}

/**
 * webrtc-wd-2012-02-09 `AudioMediaStreamTrack.canInsertDTMF` / `insertDTMF(tones, duration)`: true and
 * working while the track is sent on a connection, over that sender's native `RTCRtpSender.dtmf`.
 * The track→sender link is observed on the native addTrack/addTransceiver/replaceTrack (same arguments,
 * same result). Pure additions on audio tracks' prototype (`canInsertDTMF` is false on other tracks).
 */
export const audioTrackDtmf: Surface = {
  id: 'mediacapture-2012-06-28/audio-track-dtmf',
  drafts: ['2012-02-09', '2012-03-18'],
  collides: false,
  members: [
    { name: 'AudioMediaStreamTrack.prototype.insertDTMF', replacement: "pc.getSenders().find((s) => s.track === track).dtmf.insertDTMF('123')" },
    { name: 'AudioMediaStreamTrack.prototype.canInsertDTMF', replacement: 'sender.dtmf?.canInsertDTMF' },
  ],
  detect: (win) =>
    !!win.MediaStreamTrack && !!win.RTCPeerConnection && !!win.RTCRtpSender && 'dtmf' in win.RTCRtpSender.prototype && !('insertDTMF' in win.MediaStreamTrack.prototype),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const pcProto = win.RTCPeerConnection.prototype;
    observe(ctx, pcProto, 'RTCPeerConnection.prototype', 'addTrack', (_pc, sender, args) => remember(args[0], sender));
    observe(ctx, pcProto, 'RTCPeerConnection.prototype', 'addTransceiver', (_pc, tr, args) => {
      if (typeof args[0] === 'object') remember(args[0], (tr as RTCRtpTransceiver).sender);
    });
    observe(ctx, win.RTCRtpSender.prototype, 'RTCRtpSender.prototype', 'replaceTrack', (sender, _p, args) => remember(args[0], sender));
    const proto = win.MediaStreamTrack.prototype;
    const kind = Object.getOwnPropertyDescriptor(proto, 'kind')!.get!;
    const isAudio = (self: unknown) => {
      try {
        return kind.call(self) === 'audio';
      } catch {
        return false;
      }
    };
    ctx.define(proto, 'MediaStreamTrack.prototype', 'canInsertDTMF', {
      enumerable: true,
      get(this: MediaStreamTrack) {
        kind.call(this);
        const dtmf = isAudio(this) ? dtmfOf(this) : null;
        return !!dtmf && dtmf.canInsertDTMF !== false;
      },
    });
    const insertDTMF = operation(win, { iface: 'AudioMediaStreamTrack', name: 'insertDTMF', length: 1, required: 1, brand: isAudio }, function (this: MediaStreamTrack, tones: unknown, duration?: unknown) {
      ctx.deprecated('AudioMediaStreamTrack.prototype.insertDTMF', 'sender.dtmf.insertDTMF(tones)');
      const dtmf = dtmfOf(this);
      if (!dtmf) throw legacyError(win, 'InvalidStateError', 'insertDTMF: this track is not sent on a connection (canInsertDTMF is false)');
      // 2012-02-09: duration defaults to 100 ms; today's minimum is 40.
      dtmf.insertDTMF(String(tones), typeof duration === 'number' ? duration : 100);
    });
    ctx.define(proto, 'MediaStreamTrack.prototype', 'insertDTMF', { value: insertDTMF, writable: true, enumerable: true });
  },
};
