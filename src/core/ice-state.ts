/**
 * The legacy numeric ICE state, shared by the 2011 PeerConnection and the 2012 JSEP one (2011 WD
 * §4.1.3; Chrome's webkitPeerConnection00 kept the same constants), derived from the native connection.
 */
export const ICE = {
  ICE_GATHERING: 0x100,
  ICE_WAITING: 0x200,
  ICE_CHECKING: 0x300,
  ICE_CONNECTED: 0x400,
  ICE_COMPLETED: 0x500,
  ICE_FAILED: 0x600,
  ICE_CLOSED: 0x700,
} as const;

/**
 * Whether native ICE has a working pair after this iceConnectionState: it reported connected or
 * completed, and not disconnected or failed since.
 */
export function iceFoundAfter(found: boolean, state: RTCIceConnectionState): boolean {
  if (state === 'connected' || state === 'completed') return true;
  return state === 'checking' ? found : false;
}

/** The legacy state of a started ICE agent; `failed` as NativeLink.iceFailed reports it. */
export function legacyIceState(pc: RTCPeerConnection, failed: boolean, found: boolean): number {
  if (failed) return ICE.ICE_FAILED;
  switch (pc.iceConnectionState) {
    case 'closed':
      return ICE.ICE_CLOSED;
    case 'completed':
      return ICE.ICE_COMPLETED;
    case 'connected':
      return ICE.ICE_CONNECTED;
    case 'checking':
      // Firefox 153 goes back to `checking` for a moment when a renegotiation brings new remote
      // candidates, while its working pair carries on: §4.1.3 ICE_CONNECTED, "has found a connection
      // but is still checking other candidates".
      return found ? ICE.ICE_CONNECTED : ICE.ICE_CHECKING;
    case 'disconnected': // checking again, "the ICE Agent has begun negotiating" once more
      return ICE.ICE_CHECKING;
    default:
      return pc.iceGatheringState === 'complete' ? ICE.ICE_WAITING : ICE.ICE_GATHERING;
  }
}
