import { asOperation } from '../../core/webidl';
import { queueTask } from '../../core/task';
import { InternalSlots } from '../../core/internal-slots';
import { used } from '../../install/usage';
import { complain } from '../../install/warnings';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { webmDurationPatch } from './webm-duration';

export interface MediaStreamRecorder {
  getRecordedData(callback: ((blob: Blob) => void) | null): void;
}
export type MediaStreamRecorderConstructor = { prototype: MediaStreamRecorder; new (): never };

/** One recording: the native recorder and everything it has delivered since record(). */
interface Recording {
  /** null when the native recorder refused the stream (it had ended, or had no tracks). */
  readonly native: MediaRecorder | null;
  readonly stream: MediaStream;
  /** Every chunk since start: the first one holds the WebM header, so any prefix is a whole file. */
  readonly chunks: Blob[];
  readonly startedAt: number;
  lastDataAt: number;
  type: string;
  stopped: boolean;
  /** getRecordedData() calls waiting for the data they asked the native recorder for. */
  readonly waiting: (() => void)[];
  /** Flushes that came back empty before the recorder handed over any data (bounded: see below). */
  emptyFlushes: number;
}

/**
 * Chromium's first requestData() after start() sometimes answers with an empty Blob and hands the
 * frames over in a later event. Asking again a few times (each answer is a native event, no timer)
 * keeps a recording of a live stream from reading as empty; a stream that truly yields nothing
 * still gets its empty Blob after this many.
 */
const MAX_EMPTY_FLUSHES = 3;

interface Snapshot {
  parts: Blob[];
  type: string;
  ms: number;
}

const recordings = new InternalSlots<object, Recording>();
/** Bytes read to find the Info element: browsers write it within the first few hundred. */
const HEADER_BYTES = 4096;

function startRecording(win: LegacyWindow, stream: MediaStream): Recording {
  let native: MediaRecorder | null = null;
  try {
    // Chromium sometimes still starts on a stream whose tracks have all ended, and then hands over a
    // header without frames: decide by the tracks, as the draft's "since creation" means nothing here.
    if (!stream.getTracks().some((t) => t.readyState === 'live')) throw new win.DOMException('the stream has ended', 'InvalidStateError');
    native = new win.MediaRecorder(stream);
    native.start();
  } catch (e) {
    // An ended or empty stream: the draft's "data streamed since creation" is nothing.
    complain(`record(): the browser cannot record this stream (${String(e)}); getRecordedData() will give an empty Blob`);
    native = null;
  }
  const now = win.performance.now();
  const r: Recording = { native, stream, chunks: [], startedAt: now, lastDataAt: now, type: '', stopped: !native, waiting: [], emptyFlushes: 0 };
  // The native recorder fires its events from tasks: listening right after start() misses none.
  const release = () => r.waiting.splice(0).forEach((resolve) => resolve());
  native?.addEventListener('dataavailable', (ev) => {
    const { data, timeStamp } = ev as BlobEvent;
    if (data.size) r.chunks.push(data);
    r.type ||= data.type;
    // Recorder time, same origin as performance.now(): when this data was handed over.
    r.lastDataAt = timeStamp;
    const live = r.stream.getTracks().some((t) => t.readyState === 'live');
    if (!r.chunks.length && r.waiting.length && live && native?.state === 'recording' && r.emptyFlushes++ < MAX_EMPTY_FLUSHES) {
      native.requestData();
      return;
    }
    release();
  });
  native?.addEventListener('stop', () => {
    r.stopped = true;
    release();
  });
  return r;
}

/**
 * Everything recorded so far. While the stream is live, requestData() makes the native recorder hand
 * over what it holds without stopping. Once every track has ended the native recorder stops by itself,
 * later; stopping it now gets its final data, the last frames included. Each dataavailable answers
 * every call waiting, so calls close together share one flush.
 */
function flush(r: Recording): Promise<Snapshot> {
  const snapshot = (): Snapshot => ({
    parts: r.chunks.slice(),
    type: r.type || (r.native?.mimeType ?? ''),
    ms: r.lastDataAt - r.startedAt,
  });
  const native = r.native;
  if (!native || r.stopped) return Promise.resolve(snapshot());
  return new Promise((resolve) => {
    r.waiting.push(() => resolve(snapshot()));
    if (native.state === 'inactive') return; // stopping: its final data and `stop` are on their way
    if (r.stream.getTracks().every((t) => t.readyState === 'ended')) native.stop();
    else native.requestData();
  });
}

/** A standalone file: all chunks since start, with the Duration a live muxer could not know. */
async function toFile({ parts, type, ms }: Snapshot): Promise<Blob> {
  const blob = new Blob(parts, { type });
  try {
    const patch = webmDurationPatch(new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer()), ms);
    return patch ? new Blob([patch.bytes, blob.slice(patch.end)], { type }) : blob;
  } catch {
    return blob;
  }
}

interface PerWindow {
  cls: MediaStreamRecorderConstructor;
  create(stream: MediaStream): MediaStreamRecorder;
}
const perWindow = new WeakMap<LegacyWindow, PerWindow>();

/**
 * 2011 WD §3.2.4: not constructible by the app (no [Constructor]); one class per window (realm) so
 * `instanceof` works with the window's own global.
 */
function forWindow(win: LegacyWindow): PerWindow {
  let it = perWindow.get(win);
  if (it) return it;
  let constructing = false;
  class MediaStreamRecorder {
    constructor() {
      if (!constructing) throw new win.TypeError('Illegal constructor');
    }

    /** 2011 WD §3.2.4.1 getRecordedData(callback) */
    getRecordedData(callback: unknown): void {
      const r = recordings.of(win, this);
      used(win, 'MediaStreamRecorder.prototype.getRecordedData');
      // "If callback is null, abort these steps."
      if (typeof callback !== 'function') {
        if (callback != null) complain('getRecordedData(callback): the callback is not a function, so nothing is done');
        return;
      }
      // "Return, and run the remaining steps asynchronously." One task later, so that a
      // LocalMediaStream.stop() called just before (the §3.3 example does) has ended the tracks and
      // the file holds everything up to the stop.
      queueTask(win, () => {
        flush(r)
          .then(toFile)
          // "Queue a task to invoke callback with blob as its argument."
          .then((blob) => queueTask(win, () => (callback as (blob: Blob) => void)(blob)));
      });
    }
  }
  Object.defineProperty(MediaStreamRecorder.prototype, Symbol.toStringTag, { value: 'MediaStreamRecorder', configurable: true });
  // A recorder the app can no longer reach can never give its data: stop the native one.
  const unreachable = new FinalizationRegistry<MediaRecorder>((native) => {
    if (native.state !== 'inactive') native.stop();
  });
  it = {
    cls: MediaStreamRecorder as unknown as MediaStreamRecorderConstructor,
    create(stream) {
      constructing = true;
      let recorder: MediaStreamRecorder;
      try {
        recorder = new MediaStreamRecorder();
      } finally {
        constructing = false;
      }
      const r = startRecording(win, stream);
      recordings.set(recorder, r);
      if (r.native) unreachable.register(recorder, r.native);
      return recorder;
    },
  };
  perWindow.set(win, it);
  return it;
}

export function mediaStreamRecorderClass(win: LegacyWindow): MediaStreamRecorderConstructor {
  return forWindow(win).cls;
}

/** §3.2.1.2 record(): a new recorder over the window's native MediaRecorder, recording from now on. */
export function recordStream(win: LegacyWindow, stream: MediaStream): MediaStreamRecorder {
  return forWindow(win).create(stream);
}

export const mediaStreamRecorder: Surface = {
  id: 'wd-2011-10-27/media-stream-recorder',
  drafts: ['2011-10-27', '2012-02-09', '2012-03-18'],
  collides: false,
  members: [
    {
      name: 'MediaStream.prototype.record',
      replacement: 'const recorder = new MediaRecorder(stream); recorder.start()',
      pattern: 'MediaStream#record()',
    },
    {
      name: 'MediaStreamRecorder.prototype.getRecordedData',
      replacement: 'recorder.ondataavailable = (e) => chunks.push(e.data); recorder.requestData()',
      note: 'The Blobs of every dataavailable since start() together make the file.',
      pattern: 'MediaStreamRecorder#getRecordedData() | *#getRecordedData()',
    },
    { name: 'MediaStreamRecorder', replacement: 'MediaRecorder', pattern: 'MediaStreamRecorder' },
  ],
  // record() left the drafts in mid-2012; without a native MediaRecorder there is nothing to map it onto.
  detect: (win) => typeof win.MediaRecorder === 'function' && !!win.MediaStream && !('record' in win.MediaStream.prototype),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const ctor = win.MediaStream;
    ctx.define(win, 'window', 'MediaStreamRecorder', {
      value: mediaStreamRecorderClass(win),
      writable: true,
      enumerable: false,
    });
    ctx.define(ctor.prototype, 'MediaStream.prototype', 'record', {
      enumerable: true,
      writable: true,
      // A method, as a WebIDL operation (idlharness: no [[Construct]], no own prototype).
      value: asOperation(function record(this: MediaStream): MediaStreamRecorder {
        if (!(this instanceof ctor)) throw new win.TypeError('Illegal invocation');
        ctx.used('MediaStream.prototype.record');
        return recordStream(win, this);
      }),
    });
  },
};
