import { liveWindows } from '../install/live';
import { queueTask } from './task';
import { sameSources } from './track-sources';

/** 2011 WD §3.2.1.3 */
export const LIVE = 1;
export const ENDED = 2;

interface StreamRecord {
  label: string;
  readyState: typeof LIVE | typeof ENDED;
  tracks: readonly MediaStreamTrack[];
}

const records = new WeakMap<MediaStream, StreamRecord>();
/** The end checks of the watched streams that hold a track: a track can be in several streams. */
const checksOfTrack = new WeakMap<MediaStreamTrack, Set<() => void>>();

// 2011 WD §3.2.3.1: a label is 36 characters from U+0021, U+0023–U+0027, U+002A–U+002B,
// U+002D–U+002E, U+0030–U+0039, U+0041–U+005A, U+005E–U+007E.
const LABEL = /^[!#-'*+\-.0-9A-Z^-~]{36}$/;

export function isValidLabel(s: string): boolean {
  return LABEL.test(s);
}

/** Firefox's stream ids are `{uuid}`: the uuid inside is the identifier (Chromium's ids are bare uuids). */
export function unbrace(id: string): string {
  return id.replace(/^\{(.*)\}$/, '$1');
}

/** Chromium's stream ids are 36-character UUIDs already; Firefox wraps its UUID in braces. */
export function labelFromId(win: typeof globalThis, id: string): string {
  if (isValidLabel(id)) return id;
  const unbraced = unbrace(id);
  if (isValidLabel(unbraced)) return unbraced;
  return win.crypto.randomUUID();
}

/** Audio before video, otherwise the native order (2011 WD §3.2.1.1 `tracks`). */
function orderedTracks(stream: MediaStream): MediaStreamTrack[] {
  const all = stream.getTracks();
  return [...all.filter((t) => t.kind === 'audio'), ...all.filter((t) => t.kind !== 'audio')];
}

function allEnded(stream: MediaStream): boolean {
  const tracks = stream.getTracks();
  return tracks.length > 0 && tracks.every((t) => t.readyState === 'ended');
}

/**
 * The legacy state of a native MediaStream, created the first time the shim or the app needs it.
 * A stream whose tracks have all ended when first seen is ENDED (2011 WD §3.2.1.1 readyState).
 */
export function streamRecord(win: typeof globalThis, stream: MediaStream): StreamRecord {
  let rec = records.get(stream);
  if (!rec) {
    rec = {
      label: labelFromId(win, stream.id),
      readyState: allEnded(stream) ? ENDED : LIVE,
      tracks: Object.freeze(orderedTracks(stream)),
    };
    records.set(stream, rec);
    watch(win, stream);
  }
  return rec;
}

/** A remote stream takes its label from the peer's SDP (2011 WD §3.2.3.1 label). */
export function setStreamLabel(win: typeof globalThis, stream: MediaStream, label: string): void {
  streamRecord(win, stream).label = label;
}

/** The frozen `tracks` array: the same object for as long as the track set is unchanged. */
export function legacyTracks(win: typeof globalThis, stream: MediaStream): readonly MediaStreamTrack[] {
  const rec = streamRecord(win, stream);
  const now = orderedTracks(stream);
  if (now.length !== rec.tracks.length || now.some((t, i) => t !== rec.tracks[i])) {
    rec.tracks = Object.freeze(now);
  }
  return rec.tracks;
}

/**
 * 2011 WD §3.2.1 / §3.2.2: set ENDED and fire `ended`, unless already ENDED. Called from inside a
 * queued task, both for stop() and for a stream that finished for any other reason.
 */
export function endStream(win: typeof globalThis, stream: MediaStream): void {
  const rec = streamRecord(win, stream);
  if (rec.readyState === ENDED) return;
  rec.readyState = ENDED;
  stream.dispatchEvent(new win.Event('ended'));
}

/**
 * The shim stopped these tracks itself (LocalMediaStream.stop()). track.stop() fires no event, and
 * only Chromium says `inactive` on the other streams holding them, so tell those streams directly.
 */
export function tracksStopped(tracks: readonly MediaStreamTrack[]): void {
  for (const t of tracks) checksOfTrack.get(t)?.forEach((check) => check());
}

/**
 * A stream is finished when all its tracks have ended: a device unplugged, permission revoked,
 * a remote peer gone (track `ended`), or, in Chromium, its tracks stopped (stream `inactive`).
 * Native events only; no polling.
 */
function watch(win: typeof globalThis, stream: MediaStream): void {
  const check = () => {
    if (!liveWindows.has(win) || !allEnded(stream)) return;
    queueTask(win, () => {
      if (liveWindows.has(win)) endStream(win, stream);
    });
  };
  const watchTrack = (track: MediaStreamTrack) => {
    track.addEventListener('ended', check);
    let checks = checksOfTrack.get(track);
    if (!checks) checksOfTrack.set(track, (checks = new Set()));
    checks.add(check);
  };
  stream.getTracks().forEach(watchTrack);
  stream.addEventListener('addtrack', (ev) => watchTrack((ev as MediaStreamTrackEvent).track));
  stream.addEventListener('removetrack', check);
  stream.addEventListener('inactive', check);
}

/**
 * 2011 WD §3.2.2 LocalMediaStream.stop(), which Chrome kept on every MediaStream until 2015: in a queued
 * task the sources stop (and every track object made for them), the stream ends, `ended` fires once;
 * a second call finds ENDED and does nothing.
 */
export function stopStream(win: typeof globalThis, stream: MediaStream): void {
  streamRecord(win, stream);
  queueTask(win, () => {
    if (streamRecord(win, stream).readyState === ENDED) return;
    const tracks = sameSources(stream.getTracks());
    for (const track of tracks) track.stop();
    endStream(win, stream);
    tracksStopped(tracks);
  });
}
