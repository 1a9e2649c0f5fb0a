import { defineEventHandler } from '../../core/event-handler';
import { streamRecord, unbrace } from '../../core/stream-state';
import { queueTask } from '../../core/task';
import { brandCheck } from '../../core/widen';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { recordOf } from './connection-record';
import { onConstruct } from './peer-connection-constructor';

type StreamsMethod = (this: RTCPeerConnection) => MediaStream[];
type Proto = RTCPeerConnection & Record<string, unknown>;

const P = 'RTCPeerConnection.prototype';

function has(win: LegacyWindow, name: string): boolean {
  return typeof win.RTCPeerConnection === 'function' && name in win.RTCPeerConnection.prototype;
}

/** What is missing here (measured: Firefox 153 has addStream/getLocalStreams/getRemoteStreams/onaddstream only; Chromium 156 all but getStreamById). */
function missing(win: LegacyWindow) {
  return {
    removeStream: !has(win, 'removeStream') && has(win, 'getLocalStreams'),
    onremovestream: !has(win, 'onremovestream') && has(win, 'getRemoteStreams'),
    getStreamById: !has(win, 'getStreamById') && has(win, 'getLocalStreams'),
    localStreams: !has(win, 'localStreams') && has(win, 'getLocalStreams'),
    remoteStreams: !has(win, 'remoteStreams') && has(win, 'getRemoteStreams'),
  };
}

/**
 * 2012-08 WD §4.3.2 / 2013-09 WD §4.3.2: `removeStream`, `onremovestream`, `getStreamById`, and the
 * 2012 `localStreams` / `remoteStreams` attributes, over addTrack/removeTrack and the native stream
 * lists.
 *
 * `removestream` where the engine has none (Firefox): today's engines take a remote track out of its
 * streams (`removetrack` on the MediaStream) when the far side's re-offer stops sending it; a remote
 * stream left with no track is the 2013 `removestream`, as Chromium still fires it.
 */
export const streams: Surface = {
  id: 'wd-2012-08-21/streams',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [
    { name: 'RTCPeerConnection.prototype.removeStream', replacement: 'pc.getSenders().filter((s) => stream.getTracks().includes(s.track)).forEach((s) => pc.removeTrack(s))' },
    { name: 'RTCPeerConnection.prototype.onremovestream', replacement: "stream.onremovetrack = () => stream.getTracks().length || gone(stream)" },
    { name: 'RTCPeerConnection.prototype.getStreamById', replacement: 'pc.getReceivers() / pc.getSenders() and your own stream list' },
    { name: 'RTCPeerConnection.prototype.localStreams', replacement: 'pc.getSenders().map((s) => s.track)' },
    { name: 'RTCPeerConnection.prototype.remoteStreams', replacement: 'ontrack: (e) => e.streams' },
  ],
  detect: (win) => Object.values(missing(win)).some(Boolean),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const todo = missing(win);
    const proto = win.RTCPeerConnection.prototype as Proto;
    const check = brandCheck(win, proto, 'signalingState', 'RTCPeerConnection');
    const nativeLocal = proto['getLocalStreams'] as StreamsMethod;
    const nativeRemote = proto['getRemoteStreams'] as StreamsMethod;
    const local = (pc: RTCPeerConnection) => {
      const r = recordOf(pc);
      // A stream removeStream took out is listed again only when a sender carries its tracks again.
      const sent = new Set(pc.getSenders().map((s) => s.track));
      return nativeLocal.call(pc).filter((s) => !r.removedLocal.has(s) || s.getTracks().some((t) => sent.has(t)));
    };
    const remote = (pc: RTCPeerConnection) => nativeRemote.call(pc).filter((s) => !recordOf(pc).removedRemote.has(s));

    if (todo.removeStream) {
      ctx.define(proto, P, 'removeStream', {
        writable: true,
        enumerable: true,
        value: {
          removeStream(this: RTCPeerConnection, stream: MediaStream): void {
            check(this, 'removeStream');
            if (arguments.length < 1) throw new win.TypeError('RTCPeerConnection.removeStream: 1 argument required');
            if (!(stream instanceof win.MediaStream)) throw new win.TypeError('RTCPeerConnection.removeStream: argument 1 is not a MediaStream');
            ctx.deprecated('RTCPeerConnection.prototype.removeStream', 'pc.removeTrack(sender) for each of its senders');
            const tracks = stream.getTracks();
            for (const sender of this.getSenders()) if (sender.track && tracks.includes(sender.track)) this.removeTrack(sender);
            recordOf(this).removedLocal.add(stream);
          },
        }.removeStream,
      });
      // Firefox's own getLocalStreams keeps a stream whose senders were removed.
      ctx.define(proto, P, 'getLocalStreams', {
        writable: true,
        enumerable: true,
        value: { getLocalStreams(this: RTCPeerConnection): MediaStream[] { return local(this); } }.getLocalStreams,
      });
    }

    if (todo.onremovestream) {
      defineEventHandler(ctx, proto, P, 'removestream');
      // Firefox 153's own onaddstream runs only for the engine's events, not for one a page dispatches
      // (measured: pc.dispatchEvent(new MediaStreamEvent('addstream', …)) reaches listeners, not the
      // handler), and the shim dispatches addstream for a stream added again: a handler attribute that
      // is a listener serves both.
      if (has(win, 'onaddstream')) defineEventHandler(ctx, proto, P, 'addstream');
      const Event = (win as unknown as { MediaStreamEvent?: typeof win.Event }).MediaStreamEvent;
      const fire = (pc: RTCPeerConnection, type: string, stream: MediaStream) =>
        pc.dispatchEvent(Event ? new (Event as unknown as new (t: string, i: object) => Event)(type, { stream }) : Object.assign(new win.Event(type), { stream }));
      const announce = (pc: RTCPeerConnection, stream: MediaStream, live: () => boolean) => {
        const r = recordOf(pc);
        if (!live() || stream.getTracks().length || r.removedRemote.has(stream) || pc.signalingState === 'closed') return;
        r.removedRemote.add(stream);
        fire(pc, 'removestream', stream);
      };
      onConstruct(win, (pc, live) => {
        /** Streams back after a removestream, until the engine or the shim says addstream. */
        const back = new Set<MediaStream>();
        pc.addEventListener('addstream', (e) => back.delete((e as Event & { stream: MediaStream }).stream));
        pc.addEventListener('track', (e) => {
          const r = recordOf(pc);
          for (const stream of (e as RTCTrackEvent).streams) {
            if (r.removedRemote.has(stream)) {
              // Firefox announces a stream id once per connection: a stream added again after its
              // removestream gets its addstream from the shim (2013-09 WD §4.3.2), unless the engine gave one.
              r.removedRemote.delete(stream);
              back.add(stream);
              queueTask(win, () => back.has(stream) && live() && fire(pc, 'addstream', stream));
            }
            if (r.watchedRemote.has(stream)) continue;
            r.watchedRemote.add(stream);
            stream.addEventListener('removetrack', () => queueTask(win, () => announce(pc, stream, live)));
          }
        });
      });
      // Firefox's own getRemoteStreams keeps a stream the far side removed.
      ctx.define(proto, P, 'getRemoteStreams', {
        writable: true,
        enumerable: true,
        value: { getRemoteStreams(this: RTCPeerConnection): MediaStream[] { return remote(this); } }.getRemoteStreams,
      });
    }

    const lists = (pc: RTCPeerConnection) => [
      ...((proto['getLocalStreams'] as StreamsMethod).call(pc)),
      ...((proto['getRemoteStreams'] as StreamsMethod).call(pc)),
    ];
    if (todo.getStreamById) {
      ctx.define(proto, P, 'getStreamById', {
        writable: true,
        enumerable: true,
        value: {
          // 2013-09 WD §4.3.2: "the MediaStream ... in localStreams or remoteStreams with the given id", else null.
          getStreamById(this: RTCPeerConnection, streamId: string): MediaStream | null {
            check(this, 'getStreamById');
            if (arguments.length < 1) throw new win.TypeError('RTCPeerConnection.getStreamById: 1 argument required');
            ctx.deprecated('RTCPeerConnection.prototype.getStreamById', 'your own map of stream ids');
            // A 2011 label is the id, or the uuid inside Firefox's `{uuid}` ids (core/stream-state.ts labelFromId):
            // the same identifier, so either form finds the stream.
            const id = unbrace(String(streamId));
            return lists(this).find((s) => unbrace(s.id) === id || streamRecord(win, s).label === id) ?? null;
          },
        }.getStreamById,
      });
    }
    // 2012-08 WD §4.3.2: `readonly attribute MediaStreamArray localStreams / remoteStreams`.
    for (const [name, list] of [['localStreams', 'getLocalStreams'], ['remoteStreams', 'getRemoteStreams']] as const) {
      if (!todo[name]) continue;
      ctx.define(proto, P, name, {
        enumerable: true,
        get(this: RTCPeerConnection) {
          check(this, name);
          ctx.deprecated(`RTCPeerConnection.prototype.${name}`, `pc.${list}()`);
          return (proto[list] as StreamsMethod).call(this);
        },
      });
    }
  },
};
