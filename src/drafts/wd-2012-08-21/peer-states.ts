/**
 * The 2012-08 WD's string states, derived from today's native ones. Pure: no DOM, unit-tested in node.
 */

/** 2012-08 WD §4.3.1 `RTCPeerState`. */
export type RTCPeerState = 'new' | 'opening' | 'active' | 'closing' | 'closed';
/** 2012-08 WD §4.3.1 `RTCIceState`. */
export type RTCIceState = 'new' | 'gathering' | 'waiting' | 'checking' | 'connected' | 'completed' | 'failed' | 'closed';

export interface NativeStates {
  signalingState: string;
  iceConnectionState: string;
  iceGatheringState: string;
  /** A local or remote description has been set. */
  described: boolean;
  /** The connection was `active` before (the draft's state machine never goes back to `opening`). */
  wasActive: boolean;
}

/**
 * 2012-08 WD §4.3.1: `new` until a description is applied, `opening` while the session is being
 * negotiated and ICE looks for a path, `active` once media can flow, `closed` after close().
 * (`closing` is never observable today: close() is synchronous.)
 */
export function peerState(s: NativeStates): RTCPeerState {
  if (s.signalingState === 'closed' || s.iceConnectionState === 'closed') return 'closed';
  if (s.wasActive || s.iceConnectionState === 'connected' || s.iceConnectionState === 'completed') return 'active';
  return s.described ? 'opening' : 'new';
}

/**
 * 2012-08 WD §4.3.1 `RTCIceState`: `gathering` while local candidates are sought, `waiting` when
 * gathering is done but no check has started (the remote candidates have not come), `checking`,
 * `connected` (a usable pair) and `completed` (a usable pair with gathering finished, as the engines
 * of the time reported the end of checks), `failed`, `closed`. Today's `disconnected` is ICE
 * checking again for a path: `checking`.
 */
export function iceState(s: NativeStates): RTCIceState {
  const ice = s.iceConnectionState;
  if (s.signalingState === 'closed' || ice === 'closed') return 'closed';
  if (ice === 'failed') return 'failed';
  if (ice === 'completed' || (ice === 'connected' && s.iceGatheringState === 'complete')) return 'completed';
  if (ice === 'connected') return 'connected';
  if (ice === 'checking' || ice === 'disconnected') return 'checking';
  if (s.iceGatheringState === 'gathering') return 'gathering';
  if (s.iceGatheringState === 'complete') return 'waiting';
  return 'new';
}

/**
 * 2013-09 WD §4.3.1 `RTCIceConnectionState` as the engines of 2013–2015 reported it: `completed` once
 * checks were done and a pair was chosen; today's engines stay at `connected`. Derived as the 2012
 * `completed`; everything else is the native value.
 */
export function iceConnectionStateOfTheTime(native: string, iceGatheringState: string): string {
  return native === 'connected' && iceGatheringState === 'complete' ? 'completed' : native;
}
