/**
 * 2011 WD §4 PeerConnection — the object the app sees: constructor, attributes, constants, methods and
 * events. Protocol decisions live in roap-session.ts, the native connection in core/native-link.ts;
 * every state shown here is computed in one place (compute()) from those two.
 */
import { eventHandlerDescriptor } from '../../../core/event-handler';
import { ICE, iceFoundAfter, legacyIceState } from '../../../core/ice-state';
import { legacyError } from '../../../core/legacy-errors';
import { liveReadOnlyArray } from '../../../core/live-array';
import { NativeLink } from '../../../core/native-link';
import { endStream, isValidLabel, labelFromId, setStreamLabel, streamRecord } from '../../../core/stream-state';
import { queueTask } from '../../../core/task';
import { parse, PREFIX } from '../../../roap/roap';
import { sendingSections } from '../../../sdp/legacy-sdp';
import type { InstallContext, LegacyWindow, Surface } from '../../../install/types';
import { counted, used } from '../../../install/usage';
import { complain } from '../../../install/warnings';
import { mediaStreamEventClass } from '../media-stream-event';
import { parseConfigString, toIceServer } from './config-string';
import { RoapSession, SDP_GLARE, SDP_IDLE, SDP_NEW, SDP_WAITING, type SdpState } from './roap-session';

/** §4.1.3 */
export const READY = { NEW: 0, NEGOTIATING: 1, ACTIVE: 2, CLOSED: 3, CLOSING: 4 } as const;
export const SDP = { SDP_IDLE, SDP_WAITING, SDP_GLARE } as const;
const CONSTANTS = { ...READY, ...ICE, ...SDP };
export { ICE };

/** 2012-02-09 WD send(): the shipped implementation refused datagrams over 504 UTF-8 bytes. */
export const MAX_DATAGRAM_BYTES = 504;

/** How long an SDP waits for ICE gathering before going out with the candidates it has (see NativeLink). */
export const GATHER_TIMEOUT_MS = { withServer: 1000, hostOnly: 5000 } as const;

type SignalingCallback = (message: string, source: EventTarget) => void;

interface States {
  readyState: number;
  iceState: number;
  sdpState: SdpState;
}

export interface LegacyPeerConnection extends EventTarget, States {
  readonly localStreams: readonly MediaStream[];
  readonly remoteStreams: readonly MediaStream[];
  processSignalingMessage(message: string): void;
  addStream(stream: MediaStream, hints?: unknown): void;
  removeStream(stream: MediaStream): void;
  close(): void;
  send(message: string): void;
}
export type PeerConnectionConstructor = new (configuration: string, signalingCallback: SignalingCallback) => LegacyPeerConnection;

const classes = new WeakMap<LegacyWindow, PeerConnectionConstructor>();

export function peerConnectionClass(win: LegacyWindow): PeerConnectionConstructor {
  const existing = classes.get(win);
  if (existing) return existing;
  const MediaStreamEvent = mediaStreamEventClass(win);

  class PeerConnection extends win.EventTarget implements LegacyPeerConnection {
    #published: States = { readyState: READY.NEW, iceState: 0, sdpState: SDP_NEW };
    #computed: States = { ...this.#published };
    #iceStarted = false;
    /** Native ICE has a working pair: it reported connected or completed, and not disconnected or failed since. */
    #iceFound = false;
    #closing = false;
    #closed = false;
    #negotiationQueued = false;
    /** The app has called send(): the datagram channel is wanted (see NativeLink.openDatagrams). */
    #datagramsWanted = false;
    readonly #local: MediaStream[] = [];
    readonly #remote: MediaStream[] = [];
    /** Remote streams by label as the connection knows them now (the arrays follow in queued tasks). */
    readonly #remoteNow = new Map<string, MediaStream>();
    readonly #streamOfTrack = new WeakMap<MediaStreamTrack, MediaStream>();
    readonly #localView = liveReadOnlyArray(this.#local);
    readonly #remoteView = liveReadOnlyArray(this.#remote);
    readonly #callback: SignalingCallback;
    readonly #link: NativeLink;
    readonly #session: RoapSession;

    constructor(configuration: string, signalingCallback: SignalingCallback) {
      super();
      used(win, 'PeerConnection');
      if (typeof signalingCallback !== 'function') throw new win.TypeError('PeerConnection: signalingCallback is not a function');
      this.#callback = signalingCallback;
      const server = parseConfigString(String(configuration));
      if (!server && String(configuration).trim()) {
        complain(`PeerConnection configuration ${JSON.stringify(String(configuration))} is not "TYPE host[:port]" with TYPE STUN, STUNS, TURN or TURNS: no STUN or TURN server is configured (2011 WD §4)`);
      }
      const iceServers = server ? [toIceServer(server, win.location.origin)] : [];
      const linkEvents = {
        iceChanged: () => {
          this.#iceFound = iceFoundAfter(this.#iceFound, this.#link.pc.iceConnectionState);
          this.#refresh();
          // §4: "If the iceState is ICEFAILED, a task is queued to call the close method."
          if (this.#link.iceFailed) queueTask(win, () => !this.#closed && this.close());
        },
        lateCandidates: () => this.#session.negotiate(true),
        track: (ev: RTCTrackEvent) => {
          if (ev.streams[0]) this.#streamOfTrack.set(ev.track, ev.streams[0]);
        },
        datagram: (data: string) => queueTask(win, () => !this.#closed && this.dispatchEvent(new win.MessageEvent('message', { data }))),
      };
      const linkOptions = {
        // No candidate pool (§4 starts gathering at construction): measured in Chromium 156 under load
        // (bench mesh, 56 connections at once), a pooled callee's gathering now and then never
        // completed, so its ANSWER waited for the time limit and ICE never started. Gathering starts at
        // the first offer or answer instead — the construction task for an offerer.
        config: { iceServers },
        gatherTimeoutMs: server ? GATHER_TIMEOUT_MS.withServer : GATHER_TIMEOUT_MS.hostOnly,
        labelOf: (s: MediaStream) => streamRecord(win, s).label,
      };
      try {
        this.#link = new NativeLink(win, linkOptions, linkEvents);
      } catch (e) {
        // A server the browser will not take (e.g. STUNS where no engine speaks STUN over TLS) is, for the
        // draft, an invalid server: act as if none is configured.
        complain(`the browser refused the STUN/TURN server ${JSON.stringify(String(configuration))} (${String(e)}): no server is configured`);
        this.#link = new NativeLink(win, { ...linkOptions, config: {}, gatherTimeoutMs: GATHER_TIMEOUT_MS.hostOnly }, linkEvents);
      }
      const pc = this;
      const link = this.#link;
      this.#session = new RoapSession(
        {
          createOffer: () => link.createOffer(pc.#local),
          acceptOffer: (sdp) => link.acceptOffer(sdp, pc.#local),
          acceptAnswer: (sdp) => link.acceptAnswer(sdp),
          rollback: () => link.rollback(),
          needsOffer: () => link.needsOffer(pc.#local),
          negotiationBroken: () => link.negotiationBroken(),
        },
        {
          send: (message) => queueTask(win, () => pc.#callback.call(undefined, message, pc)),
          sdpStateChanged: () => pc.#refresh(),
          remoteDescriptionApplied: () => {
            pc.#reconcileRemoteStreams();
            // send() before the first round ends: the datagram channel joins the next one (see NativeLink).
            if (pc.#datagramsWanted && link.openDatagrams()) pc.#session.negotiate(true);
          },
          shutdown: () => pc.#remoteShutdown(),
          broken: (reason) => {
            // §4 closes a connection whose ICE failed; one the browser will never negotiate on again is
            // as dead: close() (with SHUTDOWN, so the peer ends our streams) rather than a wedge.
            complain(`the browser refused the peer's description and can no longer negotiate on this connection: ${reason}; the PeerConnection closes`);
            queueTask(win, () => !pc.#closed && pc.close());
          },
          complain,
          isClosed: () => pc.#closed || pc.#closing,
          random: () => win.crypto.getRandomValues(new Uint32Array(1))[0]! / 0x100000000,
          setTimer: (fn, ms) => win.setTimeout(fn, ms),
        },
      );
      // §4 "Await a stable state" then "queue a task to start gathering ICE address and set the ice
      // state to ICEGATHERING"; streams added right after `new` go out in the first offer.
      queueTask(win, () => {
        if (this.#closed) return;
        this.#iceStarted = true;
        this.#refresh();
        this.#session.negotiate();
      });
    }

    get readyState(): number {
      used(win, 'PeerConnection.prototype.readyState');
      return this.#published.readyState;
    }
    get iceState(): number {
      used(win, 'PeerConnection.prototype.iceState');
      return this.#published.iceState;
    }
    get sdpState(): SdpState {
      used(win, 'PeerConnection.prototype.sdpState');
      return this.#published.sdpState;
    }
    get localStreams(): readonly MediaStream[] {
      used(win, 'PeerConnection.prototype.localStreams');
      return this.#localView;
    }
    get remoteStreams(): readonly MediaStream[] {
      used(win, 'PeerConnection.prototype.remoteStreams');
      return this.#remoteView;
    }

    #throwIfClosed(method: string): void {
      if (this.#published.readyState === READY.CLOSED) throw legacyError(win, 'InvalidStateError', `PeerConnection.${method}: the connection is closed`);
    }

    /** §4.1.2 processSignalingMessage */
    processSignalingMessage(message: string): void {
      used(win, 'PeerConnection.prototype.processSignalingMessage');
      this.#throwIfClosed('processSignalingMessage');
      const text = String(message);
      if (!text.startsWith(PREFIX)) {
        complain('processSignalingMessage ignored a message that does not start with "SDP\\n" (2011 WD §4.1.2): check the signaling channel');
        return;
      }
      if (this.#closing) return;
      const parsed = parse(text);
      if (parsed.kind === 'invalid') {
        complain(`processSignalingMessage ignored a malformed message: ${parsed.reason}`);
        return;
      }
      this.#session.receive(parsed);
    }

    /** §4.1.2 addStream: hints are accepted; the draft leaves their format undefined. */
    addStream(stream: MediaStream, _hints?: unknown): void {
      used(win, 'PeerConnection.prototype.addStream');
      this.#throwIfClosed('addStream');
      if (!(stream instanceof win.MediaStream)) throw new win.TypeError('PeerConnection.addStream: argument is not a MediaStream');
      if (this.#local.includes(stream)) return;
      this.#local.push(stream);
      this.#queueNegotiation();
    }

    /** §4.1.2 removeStream */
    removeStream(stream: MediaStream): void {
      used(win, 'PeerConnection.prototype.removeStream');
      this.#throwIfClosed('removeStream');
      const i = this.#local.indexOf(stream);
      if (i === -1) return;
      this.#local.splice(i, 1);
      this.#queueNegotiation();
    }

    /** "the next time the user agent provides a stable state. Any other pending stream additions and removals must be processed at the same time." */
    #queueNegotiation(): void {
      if (this.#negotiationQueued || !this.#iceStarted) return; // the construction task negotiates
      this.#negotiationQueued = true;
      queueTask(win, () => {
        this.#negotiationQueued = false;
        if (!this.#closed) this.#session.negotiate();
      });
    }

    /** §4.1.2 close(), plus a ROAP SHUTDOWN so the peer ends what it receives from us. */
    close(): void {
      this.#throwIfClosed('close');
      const shutdown = this.#closing ? null : this.#session.shutdownMessage();
      this.#closed = true;
      this.#link.close();
      this.#published = { ...this.#published, readyState: READY.CLOSED, iceState: ICE.ICE_CLOSED };
      this.#computed = { ...this.#published };
      if (shutdown) queueTask(win, () => this.#callback.call(undefined, shutdown, this));
      queueTask(win, () => this.dispatchEvent(new win.Event('statechange')));
    }

    /** 2012-02-09 WD send(): a short text datagram. */
    send(message: string): void {
      used(win, 'PeerConnection.prototype.send');
      this.#throwIfClosed('send');
      const text = String(message);
      if (new TextEncoder().encode(text).length > MAX_DATAGRAM_BYTES) {
        throw legacyError(win, 'InvalidAccessError', `PeerConnection.send: a datagram holds at most ${MAX_DATAGRAM_BYTES} UTF-8 bytes`);
      }
      if (!this.#datagramsWanted) {
        this.#datagramsWanted = true;
        if (this.#session.exchanged && this.#link.openDatagrams()) this.#session.negotiate(true);
      }
      if (!this.#link.sendDatagram(text)) complain('PeerConnection.send: a datagram was dropped: too many are waiting for the datagram channel to open');
    }

    #iceState(): number {
      return this.#iceStarted ? legacyIceState(this.#link.pc, this.#link.iceFailed, this.#iceFound) : 0;
    }

    /** The one place the three states are derived (§4.1.1), from the session and the native connection. */
    #compute(): States {
      const sdpState = this.#session.sdpState;
      const iceState = this.#iceState();
      let readyState: number = READY.NEGOTIATING;
      if (this.#closing) readyState = READY.CLOSING;
      else if (sdpState === SDP_NEW && !this.#session.exchanged) readyState = READY.NEW;
      else if (this.#session.exchanged && (iceState === ICE.ICE_CONNECTED || iceState === ICE.ICE_COMPLETED)) readyState = READY.ACTIVE;
      return { readyState, iceState, sdpState };
    }

    /** A change of the derived states is published, with its events, in a queued task (§8). */
    #refresh(): void {
      if (this.#closed) return;
      const next = this.#compute();
      const prev = this.#computed;
      if (next.readyState === prev.readyState && next.iceState === prev.iceState && next.sdpState === prev.sdpState) return;
      this.#computed = next;
      queueTask(win, () => {
        if (this.#closed) return;
        const before = this.#published;
        this.#published = next;
        this.dispatchEvent(new win.Event('statechange'));
        if (next.iceState === ICE.ICE_CHECKING && before.iceState !== ICE.ICE_CHECKING) this.dispatchEvent(new win.Event('connecting'));
        if (next.readyState === READY.ACTIVE && before.readyState !== READY.ACTIVE) this.dispatchEvent(new win.Event('open'));
      });
    }

    /**
     * §4: remote streams follow the remote description: one MediaStream per label (a=label, else msid),
     * `addstream` once per stream however many tracks it has; a stream whose sections are gone
     * (port zero) is finished, leaves remoteStreams and `removestream` fires.
     */
    #reconcileRemoteStreams(): void {
      const now = new Map<string, MediaStream>();
      for (const section of sendingSections(this.#link.remoteSdp)) {
        const track = this.#link.trackOf(section.mid);
        if (!track) continue;
        const raw = section.label ?? `${section.kind}-${section.mid}`;
        const label = isValidLabel(raw) ? raw : labelFromId(win, raw);
        let stream = now.get(label) ?? this.#remoteNow.get(label);
        if (!stream) {
          const native = this.#streamOfTrack.get(track);
          stream = native && ![...now.values()].includes(native) ? native : new win.MediaStream();
        }
        if (!stream.getTracks().includes(track)) stream.addTrack(track);
        now.set(label, stream);
      }
      for (const [label, stream] of now) {
        if (this.#remoteNow.get(label) === stream) continue;
        setStreamLabel(win, stream, label);
        queueTask(win, () => {
          if (this.#published.readyState === READY.CLOSED) return;
          this.#remote.push(stream);
          this.dispatchEvent(new MediaStreamEvent('addstream', { stream }));
        });
      }
      for (const [label, stream] of this.#remoteNow) {
        if (now.get(label) === stream) continue;
        queueTask(win, () => {
          endStream(win, stream);
          if (this.#published.readyState === READY.CLOSED) return;
          const i = this.#remote.indexOf(stream);
          if (i !== -1) this.#remote.splice(i, 1);
          this.dispatchEvent(new MediaStreamEvent('removestream', { stream }));
        });
      }
      this.#remoteNow.clear();
      for (const [label, stream] of now) this.#remoteNow.set(label, stream);
    }

    /** The peer closed: its streams end here, then this side closes too (CLOSING, then CLOSED). */
    #remoteShutdown(): void {
      this.#closing = true;
      this.#refresh();
      for (const stream of this.#remoteNow.values()) queueTask(win, () => endStream(win, stream));
      queueTask(win, () => {
        if (!this.#closed) this.close();
      });
    }
  }

  for (const [name, value] of Object.entries(CONSTANTS)) {
    Object.defineProperty(PeerConnection, name, { value, enumerable: true });
    Object.defineProperty(PeerConnection.prototype, name, { value, enumerable: true });
  }
  for (const type of ['connecting', 'open', 'statechange', 'addstream', 'removestream', 'message']) {
    Object.defineProperty(PeerConnection.prototype, `on${type}`, counted(win, `PeerConnection.prototype.on${type}`, eventHandlerDescriptor(type)));
  }
  classes.set(win, PeerConnection);
  return PeerConnection;
}

export const peerConnection: Surface = {
  id: 'wd-2011-10-27/peer-connection',
  drafts: ['2011-10-27', '2012-02-09'],
  collides: false,
  members: [
    {
      name: 'PeerConnection',
      replacement: "const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.example.org' }] })",
      note: 'The app now sends pc.localDescription and each onicecandidate candidate over its own signaling channel.',
      pattern: 'PeerConnection',
    },
    {
      name: 'PeerConnection.prototype.processSignalingMessage',
      replacement: 'await pc.setRemoteDescription(description); await pc.addIceCandidate(candidate)',
      note: 'An offer also needs an answer: await pc.setLocalDescription(), then send pc.localDescription.',
      pattern: '*#processSignalingMessage()',
    },
    { name: 'PeerConnection.prototype.addStream', replacement: 'stream.getTracks().forEach((t) => pc.addTrack(t, stream))', pattern: 'PeerConnection#addStream()' },
    { name: 'PeerConnection.prototype.removeStream', replacement: 'pc.getSenders().forEach((s) => pc.removeTrack(s))', pattern: 'PeerConnection#removeStream()' },
    {
      name: 'PeerConnection.prototype.send',
      replacement: "const channel = pc.createDataChannel('chat'); channel.send(message)",
      drafts: ['2012-02-09'],
      pattern: 'PeerConnection#send()',
    },
    { name: 'PeerConnection.prototype.readyState', replacement: 'pc.connectionState', pattern: 'PeerConnection#readyState' },
    { name: 'PeerConnection.prototype.iceState', replacement: 'pc.iceConnectionState', pattern: 'PeerConnection#iceState' },
    { name: 'PeerConnection.prototype.sdpState', replacement: 'pc.signalingState', pattern: 'PeerConnection#sdpState' },
    { name: 'PeerConnection.prototype.localStreams', replacement: 'pc.getSenders().map((s) => s.track)', pattern: 'PeerConnection#localStreams' },
    { name: 'PeerConnection.prototype.remoteStreams', replacement: 'pc.getReceivers().map((r) => r.track)', pattern: 'PeerConnection#remoteStreams' },
    { name: 'PeerConnection.prototype.onaddstream', replacement: 'pc.ontrack = (e) => { video.srcObject = e.streams[0]; }', pattern: '*@addstream' },
    { name: 'PeerConnection.prototype.onremovestream', replacement: 'stream.onremovetrack = (e) => { /* e.track */ }', pattern: '*@removestream' },
    { name: 'PeerConnection.prototype.onopen', replacement: "pc.onconnectionstatechange = () => { if (pc.connectionState === 'connected') { /* … */ } }", pattern: 'PeerConnection@open' },
    { name: 'PeerConnection.prototype.onconnecting', replacement: 'pc.oniceconnectionstatechange = () => { /* pc.iceConnectionState */ }', pattern: 'PeerConnection@connecting' },
    { name: 'PeerConnection.prototype.onstatechange', replacement: 'pc.onconnectionstatechange = () => { /* pc.connectionState */ }', pattern: 'PeerConnection@statechange' },
    {
      name: 'PeerConnection.prototype.onmessage',
      replacement: 'channel.onmessage = (e) => { /* e.data */ }',
      drafts: ['2012-02-09'],
      pattern: 'PeerConnection@message',
    },
  ],
  detect: (win) => typeof (win as { PeerConnection?: unknown }).PeerConnection !== 'function' && typeof win.RTCPeerConnection === 'function',
  install(ctx: InstallContext) {
    ctx.define(ctx.win, 'window', 'PeerConnection', { value: peerConnectionClass(ctx.win), writable: true, enumerable: false });
  },
};
