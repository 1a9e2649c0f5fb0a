/**
 * What the synchronous createOffer()/createAnswer() need and no engine can give synchronously: a
 * certificate (its fingerprint goes in the text; the native connection is built with it) and the
 * engine's own offer as a template (payload types, extmap ids, feedback). Made once per window, at
 * install(), in the background.
 *
 * Before it is done (measured: one certificate and one throwaway offer, a few ms to a few tens of ms
 * after install), a synchronous createOffer()/createAnswer() cannot write a fingerprint and throws
 * INVALID_STATE_ERR saying so; everything else (the constructor, addStream, setRemoteDescription,
 * startIce, processIceMessage) works and its native half simply waits for the preparation. With the
 * classic script the preparation starts when the script loads, and apps of 2012 made their first
 * offer after getUserMedia's callback, which comes later than that. If the engine refuses the
 * preparation (no RTCPeerConnection), it is said on the console once and the sync calls keep throwing.
 */
import { complain } from '../../install/warnings';
import { captureTemplate, withCredentials, type Template } from './sdp-template';
import { warmSpares } from './spare-connections';

/** Written over the throwaway offer's own to learn whether the engine takes edited credentials. */
const PROBE_CREDENTIALS = { ufrag: 'wlgc', pwd: 'webrtclegacyprobe0000000' };

export interface Prepared {
  certificate: RTCCertificate;
  template: Template;
  /**
   * The engine refuses a local description whose ice-ufrag/pwd differ from its own createOffer()'s
   * (Chromium with the field trial WebRTC-NoSdpMangleUfrag): connections then come from
   * spare-connections.ts, whose credentials are known ahead.
   */
  mungeRefused: boolean;
}

export interface Preparation {
  /** Set once the preparation has finished. */
  ready: Prepared | undefined;
  /** Why it failed, once it has. */
  failed: string | undefined;
  /** Never rejects: resolves with undefined on failure. */
  done: Promise<Prepared | undefined>;
}

const preparations = new WeakMap<object, Preparation>();

async function make(win: typeof globalThis): Promise<Prepared> {
  const certificate = await win.RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams);
  const pc = new win.RTCPeerConnection({ certificates: [certificate] });
  try {
    pc.addTransceiver('audio');
    pc.addTransceiver('video');
    const offer = await pc.createOffer();
    const template = captureTemplate(offer.sdp ?? '');
    if (!template) throw new Error('the browser offered no audio or video');
    let mungeRefused = false;
    try {
      await pc.setLocalDescription({ type: 'offer', sdp: withCredentials(offer.sdp ?? '', PROBE_CREDENTIALS) });
    } catch {
      mungeRefused = true;
    }
    return { certificate, template, mungeRefused };
  } finally {
    pc.close();
  }
}

/** Starts (once per window) or returns the preparation. Never throws, never leaves a rejection unhandled. */
export function preparation(win: typeof globalThis): Preparation {
  let p = preparations.get(win);
  if (p) return p;
  const state: Preparation = { ready: undefined, failed: undefined, done: Promise.resolve(undefined) };
  state.done = Promise.resolve()
    .then(() => make(win))
    .then(
      (prepared) => {
        if (prepared.mungeRefused) warmSpares(win, prepared, []);
        return (state.ready = prepared);
      },
      (e: unknown) => {
        state.failed = String(e);
        complain(`webkitPeerConnection00 cannot prepare its synchronous createOffer/createAnswer: ${state.failed}`);
        return undefined;
      },
    );
  preparations.set(win, (p = state));
  return p;
}
