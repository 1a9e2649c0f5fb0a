import { standIn } from '../../core/webidl';
import { streamRecord } from '../../core/stream-state';
import { sharesSource, sourceOf } from '../../core/track-sources';
import { liveWindows } from '../../install/live';
import { markInterfaceObject } from '../../core/interface-objects';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { used } from '../../install/usage';
import { localMediaStreamClass } from './local-media-stream';

type Constructor = new (...args: unknown[]) => MediaStream;

const constructors = new WeakMap<LegacyWindow, Constructor>();

/** The argument as a list of tracks, or null when it is something else (none, a MediaStream, bad input). */
function trackList(win: LegacyWindow, arg: unknown): MediaStreamTrack[] | null {
  if (arg === null || typeof arg !== 'object' || typeof (arg as Iterable<unknown>)[Symbol.iterator] !== 'function') return null;
  const kind = Object.getOwnPropertyDescriptor(win.MediaStreamTrack.prototype, 'kind')!.get!;
  // A brand check, not instanceof: a track from another same-origin window is a track too.
  const isTrack = (v: unknown) => {
    try {
      kind.call(v);
      return true;
    } catch {
      return false;
    }
  };
  const list = Array.from(arg as Iterable<unknown>);
  return list.every(isTrack) ? (list as MediaStreamTrack[]) : null;
}

/**
 * 2011 WD §3.2.1: "A new MediaStreamTrack object is created for every unique underlying media source in
 * trackList and appended to the new MediaStream object's track list according to the track ordering
 * constraints" (§3.2.1.1 tracks: all audio tracks precede all video tracks).
 */
function newTracks(win: LegacyWindow, tracks: readonly MediaStreamTrack[]): MediaStreamTrack[] {
  const clone = win.MediaStreamTrack.prototype.clone;
  const bySource = new Map<MediaStreamTrack, MediaStreamTrack>();
  for (const t of tracks) if (!bySource.has(sourceOf(t))) bySource.set(sourceOf(t), t);
  const unique = [...bySource.values()];
  return [...unique.filter((t) => t.kind === 'audio'), ...unique.filter((t) => t.kind !== 'audio')].map((t) => {
    const copy = clone.call(t);
    // §3.2: "All tracks are initially enabled"; a clone would copy the original's flag.
    copy.enabled = true;
    sharesSource(copy, t);
    return copy;
  });
}

/**
 * One constructor per window, so that reinstalling the era gives the page the same `MediaStream`.
 * Its `prototype` is the native one: every native stream (getUserMedia's, a PeerConnection's remote
 * ones, LocalMediaStream) stays `instanceof MediaStream`. `MediaStream.prototype.constructor` is left
 * native: it is how native streams and modern code reach the browser's own constructor, and patching
 * a shared prototype for a name that already works there would only widen what differs from `auto`.
 */
/** The native constructor each replacement stands in for. */
const natives = new WeakMap<Function, Function>();

function constructorFor(win: LegacyWindow): Constructor {
  let ctor = constructors.get(win);
  if (ctor) return ctor;
  const Native = win.MediaStream as unknown as Constructor;
  // getUserMedia wraps the tracks it got in a LocalMediaStream; it must never go through the copying
  // constructor, so its class extends the native one whatever the order of installation.
  localMediaStreamClass(win);
  function MediaStream(this: unknown, ...args: unknown[]): MediaStream {
    // Without `new` the browser's own TypeError, as today.
    if (!new.target) return Reflect.apply(Native, this, args) as MediaStream;
    const tracks = liveWindows.has(win) ? trackList(win, args[0]) : null;
    if (!tracks) return Reflect.construct(Native, args, new.target) as MediaStream;
    used(win, 'new MediaStream(tracks)');
    // Reflect.construct with new.target: a subclass's instances get the subclass's prototype.
    const stream = Reflect.construct(Native, [newTracks(win, tracks), ...args.slice(1)], new.target) as MediaStream;
    // §3.2.1: "a newly generated label", and LIVE unless every source will never produce data again.
    streamRecord(win, stream);
    return stream;
  }
  Object.defineProperty(MediaStream, 'prototype', { value: Native.prototype, writable: false });
  natives.set(MediaStream, Native);
  constructors.set(win, (ctor = MediaStream as unknown as Constructor));
  return ctor;
}

/**
 * 2011 WD §3.2.1 `[Constructor(in MediaStreamTrackList trackList)]`. Today the same call shares the
 * very track objects it is given; in 2011 it made new ones, so that the copy can be disabled or
 * consumed apart from the original (the draft's "video mute" example). The modern meaning stays unless
 * the page asks for the 2011 era (principle 1).
 */
export const mediaStreamConstructor: Surface = {
  id: 'wd-2011-10-27/media-stream-constructor',
  drafts: ['2011-10-27'],
  collides: true,
  members: [
    {
      name: 'new MediaStream(tracks)',
      replacement: 'new MediaStream(tracks.map((t) => t.clone()))',
      note: 'In 2011 the new stream had tracks of its own; today it shares the ones it is given.',
    },
  ],
  detect: (win) => typeof win.MediaStream === 'function' && typeof win.MediaStreamTrack?.prototype.clone === 'function',
  install(ctx: InstallContext) {
    const ctor = constructorFor(ctx.win);
    // [[Prototype]] EventTarget, the statics (LIVE, ENDED) as own properties, prototype.constructor:
    // as the native interface object (idlharness, test/browser/idl/shape-diff.test.js).
    standIn(ctx, ctor, natives.get(ctor)!, 'MediaStream');
    ctx.define(ctx.win, 'window', 'MediaStream', {
      value: markInterfaceObject(ctor),
      writable: true,
      enumerable: false,
    });
  },
};
