import { defineEventHandler } from '../../core/event-handler';
import { ENDED, LIVE, legacyTracks, streamRecord } from '../../core/stream-state';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

const MEMBERS = ['label', 'tracks', 'readyState', 'LIVE', 'ENDED', 'onended'] as const;

function missing(win: LegacyWindow): string[] {
  const proto = win.MediaStream?.prototype;
  return proto ? MEMBERS.filter((m) => !(m in proto)) : [];
}

/**
 * 2011 WD §3.2.1: `label`, `tracks`, `readyState` (LIVE 1 / ENDED 2), `onended` on every MediaStream,
 * native or the shim's own. Today's constructor takes an array of tracks (`tracks` included); the
 * draft's new track object per source is the colliding surface in media-stream-constructor.ts.
 */
export const mediaStream: Surface = {
  id: 'wd-2011-10-27/media-stream',
  drafts: ['2011-10-27', '2012-02-09', '2012-08-21'],
  collides: false,
  members: [
    { name: 'MediaStream.prototype.label', replacement: 'stream.id', pattern: 'MediaStream#label' },
    {
      name: 'MediaStream.prototype.tracks',
      replacement: '[...stream.getAudioTracks(), ...stream.getVideoTracks()]',
      note: 'stream.getTracks() if the order does not matter (2011 listed audio first).',
      pattern: 'MediaStream#tracks',
    },
    { name: 'MediaStream.prototype.readyState', replacement: 'stream.active', note: 'LIVE (1) is true, ENDED (2) false.', pattern: 'MediaStream#readyState' },
    { name: 'MediaStream.LIVE', replacement: 'true (compare stream.active)', pattern: 'MediaStream.LIVE | MediaStream#LIVE' },
    { name: 'MediaStream.ENDED', replacement: 'false (compare stream.active)', pattern: 'MediaStream.ENDED | MediaStream#ENDED' },
    {
      name: 'MediaStream.prototype.onended',
      replacement: 'stream.getTracks().forEach((t) => t.addEventListener(\'ended\', onTrackEnded))',
      note: 'A stream has no ended event today: it ends when its last track does.',
      pattern: 'MediaStream@ended',
    },
  ],
  detect: (win) => missing(win).length > 0,
  install(ctx: InstallContext) {
    const { win } = ctx;
    const ctor = win.MediaStream;
    const proto = ctor.prototype;
    const todo = new Set(missing(win));
    const getter = (name: string, get: (this: MediaStream) => unknown) => {
      if (!todo.has(name)) return;
      const member = `MediaStream.prototype.${name}`;
      ctx.define(proto, 'MediaStream.prototype', name, {
        enumerable: true,
        get(this: MediaStream) {
          if (!(this instanceof ctor)) throw new win.TypeError('Illegal invocation');
          ctx.used(member);
          return get.call(this);
        },
      });
    };
    // §3.2.1.1 label: 36 characters, fixed when the stream is first seen.
    getter('label', function () {
      return streamRecord(win, this).label;
    });
    // §3.2.1.1 tracks: frozen, the same object while the track set is unchanged, audio first.
    getter('tracks', function () {
      return legacyTracks(win, this);
    });
    getter('readyState', function () {
      return streamRecord(win, this).readyState;
    });
    for (const [name, value] of [['LIVE', LIVE], ['ENDED', ENDED]] as const) {
      if (!todo.has(name)) continue;
      ctx.define(ctor, 'MediaStream', name, { value, enumerable: true, writable: false });
      ctx.define(proto, 'MediaStream.prototype', name, { value, enumerable: true, writable: false });
    }
    // §3.2.1.1 onended; assigning it starts watching the stream for its end.
    if (todo.has('onended')) {
      defineEventHandler(ctx, proto, 'MediaStream.prototype', 'ended', (target) => {
        ctx.used('MediaStream.prototype.onended');
        streamRecord(win, target as MediaStream);
      });
    }
  },
};
