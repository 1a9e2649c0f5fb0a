import type { LegacyMember, Surface } from '../../install/types';
import { iceCandidateClass } from './ice-candidate';
import { eitherPeerConnection } from './peer-connection';
import { peerConnection00Class } from './peer-connection-00';
import { sessionDescriptionClass } from './session-description';
import { preparation } from './sync-preparation';

const members00: readonly LegacyMember[] = [
  { name: 'window.webkitPeerConnection00', replacement: 'new RTCPeerConnection({ iceServers })', note: 'candidates come from pc.onicecandidate' },
  { name: 'webkitPeerConnection00.prototype.createOffer', replacement: 'const offer = await pc.createOffer()' },
  { name: 'webkitPeerConnection00.prototype.createAnswer', replacement: 'const answer = await pc.createAnswer()' },
  { name: 'webkitPeerConnection00.prototype.setLocalDescription', replacement: 'await pc.setLocalDescription(description)', note: 'the action is the description’s type' },
  { name: 'webkitPeerConnection00.prototype.setRemoteDescription', replacement: "await pc.setRemoteDescription({ type: 'offer', sdp })" },
  { name: 'webkitPeerConnection00.prototype.startIce', replacement: 'pc.onicecandidate = (e) => send(e.candidate)', note: 'gathering starts with setLocalDescription' },
  { name: 'webkitPeerConnection00.prototype.processIceMessage', replacement: 'await pc.addIceCandidate({ candidate, sdpMLineIndex })' },
  { name: 'webkitPeerConnection00.prototype.addStream', replacement: 'stream.getTracks().forEach((t) => pc.addTrack(t, stream))' },
  { name: 'webkitPeerConnection00.prototype.readyState', replacement: 'pc.connectionState' },
  { name: 'webkitPeerConnection00.prototype.iceState', replacement: 'pc.iceConnectionState' },
];

/**
 * Chrome's webkitPeerConnection00 (Chrome 18–21). The name means nothing in today's engines and no
 * code path of 2012 was chosen by it, so it is defined in both families (not only webkit).
 */
export const peerConnection00: Surface = {
  id: 'ed-2012-03-18/webkit-peer-connection-00',
  drafts: ['2012-03-18'],
  collides: false,
  members: members00,
  detect: (win) => typeof (win as { webkitPeerConnection00?: unknown }).webkitPeerConnection00 !== 'function' && typeof win.RTCPeerConnection === 'function',
  install(ctx) {
    // In the background: the synchronous calls need it (sync-preparation.ts); install() does not wait.
    preparation(ctx.win);
    ctx.define(ctx.win, 'window', 'webkitPeerConnection00', { value: peerConnection00Class(ctx.win), writable: true, enumerable: false });
  },
};

export const sessionDescription: Surface = {
  id: 'ed-2012-03-18/session-description',
  drafts: ['2012-03-18'],
  collides: false,
  members: [
    { name: 'window.SessionDescription', replacement: "new RTCSessionDescription({ type: 'offer', sdp })", note: 'or a plain { type, sdp } object' },
    { name: 'SessionDescription.prototype.toSdp', replacement: 'description.sdp' },
    { name: 'SessionDescription.prototype.addCandidate', replacement: 'await pc.addIceCandidate(candidate)' },
  ],
  detect: (win) => typeof (win as { SessionDescription?: unknown }).SessionDescription !== 'function',
  install(ctx) {
    ctx.define(ctx.win, 'window', 'SessionDescription', { value: sessionDescriptionClass(ctx.win), writable: true, enumerable: false });
  },
};

export const iceCandidate: Surface = {
  id: 'ed-2012-03-18/ice-candidate',
  drafts: ['2012-03-18'],
  collides: false,
  members: [
    { name: 'window.IceCandidate', replacement: 'new RTCIceCandidate({ candidate, sdpMLineIndex })' },
    { name: 'IceCandidate.prototype.toSdp', replacement: 'candidate.candidate' },
    { name: 'IceCandidate.prototype.label', replacement: 'String(candidate.sdpMLineIndex)' },
  ],
  detect: (win) => typeof (win as { IceCandidate?: unknown }).IceCandidate !== 'function',
  install(ctx) {
    ctx.define(ctx.win, 'window', 'IceCandidate', { value: iceCandidateClass(ctx.win), writable: true, enumerable: false });
  },
};

/** The 2012-03-18 editor's draft (synchronous JSEP) as Chrome shipped it, in install order. */
export const surfaces: readonly Surface[] = [sessionDescription, iceCandidate, peerConnection00, eitherPeerConnection];
