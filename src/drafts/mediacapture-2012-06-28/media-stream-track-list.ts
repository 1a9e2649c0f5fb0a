import { eventHandlerDescriptor } from '../../core/event-handler';
import { InternalSlots } from '../../core/internal-slots';
import { brandOf } from '../../core/webidl';
import { liveWindows } from '../../install/live';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

type Kind = 'audio' | 'video';
interface ListState {
  stream: MediaStream;
  kind: Kind;
}
type ListClass = new (token: symbol, stream: MediaStream, kind: Kind) => EventTarget;

const TOKEN = Symbol('MediaStreamTrackList');
/** Indexed access (`list[0]`) through getters on the prototype, for this many tracks of a kind. */
const INDEXED = 16;
const states = new InternalSlots<EventTarget, ListState>();
const lists = new WeakMap<MediaStream, Partial<Record<Kind, EventTarget>>>();
const classes = new WeakMap<LegacyWindow, ListClass>();

function tracksOf({ stream, kind }: ListState): MediaStreamTrack[] {
  return kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
}

const stateOf = (win: LegacyWindow, self: unknown): ListState => states.of(win, self);

/**
 * webrtc-wd-2012-02-09 / mediacapture-2012-06-28 `MediaStreamTrackList`: a live view of one kind of a
 * stream's tracks (`length`, `item()`, `list[i]`), `add()`/`remove()` through the stream's own
 * addTrack/removeTrack, and the stream's native `addtrack`/`removetrack` of that kind re-fired on it.
 */
function listClass(win: LegacyWindow): ListClass {
  let cls = classes.get(win);
  if (cls) return cls;
  class MediaStreamTrackList extends win.EventTarget {
    constructor(token: symbol, stream: MediaStream, kind: Kind) {
      if (token !== TOKEN) throw new win.TypeError('Illegal constructor');
      super();
      states.set(this, { stream, kind });
    }
    get length(): number {
      return tracksOf(stateOf(win, this)).length;
    }
    item(index: number): MediaStreamTrack | null {
      if (arguments.length < 1) throw new win.TypeError('MediaStreamTrackList.item: 1 argument required, but only 0 present.');
      return tracksOf(stateOf(win, this))[index >>> 0] ?? null;
    }
    add(track: MediaStreamTrack): void {
      const state = stateOf(win, this);
      if (arguments.length < 1) throw new win.TypeError('MediaStreamTrackList.add: 1 argument required, but only 0 present.');
      state.stream.addTrack(track);
    }
    remove(track: MediaStreamTrack): void {
      const state = stateOf(win, this);
      if (arguments.length < 1) throw new win.TypeError('MediaStreamTrackList.remove: 1 argument required, but only 0 present.');
      state.stream.removeTrack(track);
    }
  }
  const proto = MediaStreamTrackList.prototype;
  for (let i = 0; i < INDEXED; i++) {
    Object.defineProperty(proto, i, {
      configurable: true,
      get(this: EventTarget) {
        return tracksOf(stateOf(win, this))[i];
      },
    });
  }
  for (const type of ['addtrack', 'removetrack']) Object.defineProperty(proto, `on${type}`, eventHandlerDescriptor(type));
  classes.set(win, (cls = MediaStreamTrackList as unknown as ListClass));
  return cls;
}

/** The one list of `kind` for `stream`: `stream.audioTracks === stream.audioTracks`. */
export function trackList(win: LegacyWindow, stream: MediaStream, kind: Kind): EventTarget {
  let byKind = lists.get(stream);
  if (!byKind) lists.set(stream, (byKind = {}));
  let list = byKind[kind];
  if (!list) {
    const made = (list = byKind[kind] = new (listClass(win))(TOKEN, stream, kind));
    for (const type of ['addtrack', 'removetrack']) {
      stream.addEventListener(type, (ev) => {
        const track = (ev as MediaStreamTrackEvent).track;
        if (liveWindows.has(win) && track?.kind === kind) made.dispatchEvent(new win.MediaStreamTrackEvent(type, { track }));
      });
    }
  }
  return list;
}

export function isTrackList(v: unknown): boolean {
  return states.has(v as EventTarget);
}

/** `stream.audioTracks` / `stream.videoTracks` (2012-02 → 2012-06; `getAudioTracks()` since 2013). */
export const mediaStreamTrackList: Surface = {
  id: 'mediacapture-2012-06-28/media-stream-track-list',
  drafts: ['2012-02-09', '2012-03-18'],
  collides: false,
  members: [
    { name: 'MediaStream.prototype.audioTracks', replacement: 'stream.getAudioTracks()' },
    { name: 'MediaStream.prototype.videoTracks', replacement: 'stream.getVideoTracks()' },
    { name: 'MediaStreamTrackList', replacement: 'stream.getTracks(), stream.addTrack(t), stream.removeTrack(t)' },
  ],
  detect: (win) => !!win.MediaStream && !('audioTracks' in win.MediaStream.prototype) && typeof win.MediaStreamTrackEvent === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.MediaStream.prototype;
    const brand = brandOf(proto, 'id');
    ctx.define(win, 'window', 'MediaStreamTrackList', { value: listClass(win), writable: true, enumerable: false });
    for (const kind of ['audio', 'video'] as const) {
      ctx.define(proto, 'MediaStream.prototype', `${kind}Tracks`, {
        enumerable: true,
        get(this: MediaStream) {
          if (!brand(this)) throw new win.TypeError(`'${kind}Tracks' getter called on an object that is not a MediaStream.`);
          return trackList(win, this, kind);
        },
      });
    }
  },
};
