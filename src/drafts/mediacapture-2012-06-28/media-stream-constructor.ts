import { standIn } from '../../core/webidl';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { isTrackList } from './media-stream-track-list';

type Constructor = new (...args: unknown[]) => MediaStream;
const constructors = new WeakMap<LegacyWindow, Constructor>();
/** The native constructor each replacement stands in for. */
const natives = new WeakMap<Function, Function>();

/** A 2012 argument: a MediaStreamTrackList, null, or (as apps passed too) an array of tracks. */
function tracksOf(arg: unknown): MediaStreamTrack[] | null {
  if (arg === null || arg === undefined) return [];
  if (isTrackList(arg)) {
    const list = arg as unknown as { length: number; item(i: number): MediaStreamTrack };
    return Array.from({ length: list.length }, (_, i) => list.item(i));
  }
  return Array.isArray(arg) ? (arg as MediaStreamTrack[]) : null;
}

/**
 * mediacapture-2012-06-28 `[Constructor(MediaStreamTrackList? audioTracks, MediaStreamTrackList?
 * videoTracks)]`: a stream of both lists' tracks. Today's constructor takes one sequence and ignores
 * a second argument, and replacing `window.MediaStream` is observable, so this comes only with an era
 * of 2012 (principle 1). Any other call reaches the native constructor unchanged; `prototype` is the
 * native one, so every stream stays `instanceof MediaStream`.
 */
export const mediaStreamConstructor2012: Surface = {
  id: 'mediacapture-2012-06-28/media-stream-constructor',
  drafts: ['2012-02-09', '2012-03-18'],
  collides: true,
  members: [{ name: 'new MediaStream(audioTracks, videoTracks)', replacement: 'new MediaStream([...audioTracks, ...videoTracks])' }],
  detect: (win) => typeof win.MediaStream === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    let ctor = constructors.get(win);
    if (!ctor) {
      const Native = win.MediaStream as unknown as Constructor;
      const MediaStream = function MediaStream(this: unknown, ...args: unknown[]): MediaStream {
        if (!new.target) return Reflect.apply(Native, this, args) as MediaStream;
        const audio = tracksOf(args[0]);
        const video = tracksOf(args[1]);
        const legacy = audio && video && (args.length >= 2 || isTrackList(args[0]));
        if (!legacy) return Reflect.construct(Native, args, new.target) as MediaStream;
        return Reflect.construct(Native, [[...audio, ...video]], new.target) as MediaStream;
      };
      Object.defineProperty(MediaStream, 'prototype', { value: Native.prototype, writable: false });
      Object.defineProperty(MediaStream, 'length', { value: Native.length });
      natives.set(MediaStream, Native);
      constructors.set(win, (ctor = MediaStream as unknown as Constructor));
    }
    // As the native interface object: [[Prototype]], statics, prototype.constructor (idlharness).
    standIn(ctx, ctor, natives.get(ctor)!, 'MediaStream');
    ctx.define(win, 'window', 'MediaStream', { value: ctor, writable: true, enumerable: false });
  },
};
