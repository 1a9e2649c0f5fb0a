import { stopStream, streamRecord } from '../../core/stream-state';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { used } from '../../install/usage';

export interface LocalMediaStream extends MediaStream {
  stop(): void;
}
export type LocalMediaStreamConstructor = new (tracks?: MediaStreamTrack[]) => LocalMediaStream;

const classes = new WeakMap<LegacyWindow, LocalMediaStreamConstructor>();
let byTheShim = false;

/** A LocalMediaStream the shim hands the app (getUserMedia's): not counted as the app's use of the class. */
export function localMediaStreamOf(win: LegacyWindow, tracks: MediaStreamTrack[]): LocalMediaStream {
  const LocalMediaStream = localMediaStreamClass(win);
  byTheShim = true;
  try {
    return new LocalMediaStream(tracks);
  } finally {
    byTheShim = false;
  }
}

/**
 * 2011 WD §3.2.2: a real subclass of the window's own MediaStream, so srcObject, addTrack and
 * MediaRecorder take it as they take any stream. One class per window (realm).
 */
export function localMediaStreamClass(win: LegacyWindow): LocalMediaStreamConstructor {
  let cls = classes.get(win);
  if (!cls) {
    class LocalMediaStream extends win.MediaStream {
      constructor(tracks: MediaStreamTrack[] = []) {
        super(tracks);
        streamRecord(win, this);
        // Only the app's own `new LocalMediaStream` is a use; getUserMedia's are the shim's.
        if (!byTheShim) used(win, 'LocalMediaStream');
      }

      /** §3.2.2.1: everything happens in a queued task; a second call finds ENDED and does nothing. */
      override stop(): void {
        used(win, 'LocalMediaStream.prototype.stop');
        // The sources stop, so do the tracks MediaStream(trackList) made for them (2011 era, §3.2.1).
        stopStream(win, this);
      }
    }
    classes.set(win, (cls = LocalMediaStream));
  }
  return cls;
}

export const localMediaStream: Surface = {
  id: 'wd-2011-10-27/local-media-stream',
  drafts: ['2011-10-27', '2012-02-09', '2012-03-18', '2012-08-21'],
  collides: false,
  members: [
    { name: 'LocalMediaStream', replacement: 'MediaStream', pattern: 'LocalMediaStream' },
    {
      name: 'LocalMediaStream.prototype.stop',
      replacement: 'stream.getTracks().forEach((t) => t.stop())',
      pattern: 'MediaStream#stop()',
    },
  ],
  detect: (win) => typeof (win as { LocalMediaStream?: unknown }).LocalMediaStream !== 'function',
  install(ctx: InstallContext) {
    ctx.define(ctx.win, 'window', 'LocalMediaStream', {
      value: localMediaStreamClass(ctx.win),
      writable: true,
      enumerable: false,
    });
  },
};
