/**
 * Native connections made ahead of time, for engines that refuse edited ICE credentials (Chromium
 * with the field trial WebRTC-NoSdpMangleUfrag, detected at preparation): the synchronous offer must
 * then carry the engine's own ufrag/pwd, known only from a native createOffer.
 *
 * Measured in Chromium 156: without a candidate pool every createOffer() draws new credentials; with
 * `iceCandidatePoolSize: 1` they are the pooled session's, the same in every offer and answer until a
 * description is set. They are read from an offer of a probe data channel, closed at once: the next
 * offer has no data section, and its mids continue after the probe's ("1", "2" after "0"). A stopped
 * probe transceiver does not work: Chromium then refuses its own next offer ("Transceiver type does
 * not match media description type"), Firefox keeps a port-0 section. Firefox takes edited
 * credentials, so it never gets here.
 *
 * Spares exist only once the engine is known to need them, per configuration: two for the
 * configuration the samples of 2012 passed (null: no servers), warmed after the preparation, and a
 * replacement after each one taken.
 */
import { complain } from '../../install/warnings';
import type { Credentials } from './sdp-template';
import type { Prepared } from './sync-preparation';

export interface Spare {
  pc: RTCPeerConnection;
  ice: Credentials;
  /** The first mid the connection will give a new m-line. */
  firstMid: number;
}

/** Two: a loopback page (the samples of 2012) makes both its connections in one task. */
export const SPARES_PER_CONFIGURATION = 2;

interface Pool {
  ready: Spare[];
  warming: number;
}

const pools = new WeakMap<object, Map<string, Pool>>();

function poolOf(win: typeof globalThis, iceServers: readonly RTCIceServer[]): Pool {
  let byConfig = pools.get(win);
  if (!byConfig) pools.set(win, (byConfig = new Map()));
  const key = JSON.stringify(iceServers);
  let pool = byConfig.get(key);
  if (!pool) byConfig.set(key, (pool = { ready: [], warming: 0 }));
  return pool;
}

async function warm(win: typeof globalThis, prepared: Prepared, iceServers: RTCIceServer[]): Promise<Spare> {
  const pc = new win.RTCPeerConnection({ iceServers, certificates: [prepared.certificate], iceCandidatePoolSize: 1 });
  try {
    const probe = pc.createDataChannel('webrtc-legacy-probe');
    const sdp = (await pc.createOffer()).sdp ?? '';
    probe.close();
    const ufrag = /^a=ice-ufrag:(.*)$/m.exec(sdp)?.[1]?.trim();
    const pwd = /^a=ice-pwd:(.*)$/m.exec(sdp)?.[1]?.trim();
    const mid = /^a=mid:(\d+)$/m.exec(sdp)?.[1];
    if (!ufrag || !pwd) throw new Error('the probe offer has no ICE credentials');
    return { pc, ice: { ufrag, pwd }, firstMid: mid === undefined ? 0 : Number(mid) + 1 };
  } catch (e) {
    pc.close();
    throw e;
  }
}

/** Keeps the pool of this configuration full, in the background; never rejects. */
export function warmSpares(win: typeof globalThis, prepared: Prepared, iceServers: RTCIceServer[]): void {
  const pool = poolOf(win, iceServers);
  while (pool.ready.length + pool.warming < SPARES_PER_CONFIGURATION) {
    pool.warming++;
    warm(win, prepared, iceServers).then(
      (spare) => {
        pool.warming--;
        pool.ready.push(spare);
      },
      (e: unknown) => {
        pool.warming--;
        complain(`webkitPeerConnection00 could not make a spare connection: ${String(e)}`);
      },
    );
  }
}

/** A ready spare for this configuration, if any (synchronous); the pool is topped up. */
export function takeSpare(win: typeof globalThis, prepared: Prepared, iceServers: RTCIceServer[]): Spare | undefined {
  const spare = poolOf(win, iceServers).ready.shift();
  warmSpares(win, prepared, iceServers);
  return spare;
}

/** A spare that never negotiated goes back to its pool (the page made a connection, but no call on it). */
export function returnSpare(win: typeof globalThis, iceServers: RTCIceServer[], spare: Spare): void {
  const pool = poolOf(win, iceServers);
  if (pool.ready.length < SPARES_PER_CONFIGURATION) pool.ready.push(spare);
  else spare.pc.close();
}

/** A spare for this configuration: a ready one, or one made now. */
export async function spareWhenReady(win: typeof globalThis, prepared: Prepared, iceServers: RTCIceServer[]): Promise<Spare> {
  return takeSpare(win, prepared, iceServers) ?? warm(win, prepared, iceServers);
}
