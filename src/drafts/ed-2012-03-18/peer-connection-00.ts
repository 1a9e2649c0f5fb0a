/**
 * The 2012-03 editor's draft PeerConnection as Chrome 18–21 shipped it, `webkitPeerConnection00`
 * (spring 2012, "JSEP"): synchronous createOffer()/createAnswer() returning a SessionDescription,
 * setLocalDescription/setRemoteDescription(action, desc), startIce(), processIceMessage(), and an
 * iceCallback(candidate, moreToFollow).
 *
 * The synchronous half writes the text from the prepared template (sdp-template.ts,
 * sync-preparation.ts); the native half runs behind it, one command at a time, in `#queue`: its
 * failures surface as a console message and a state change, never as an exception or a rejection.
 * Every state the app sees is computed in one place (#compute) from the native connection.
 */
import { eventHandlerDescriptor } from '../../core/event-handler';
import { ICE, iceFoundAfter, legacyIceState } from '../../core/ice-state';
import { legacyError } from '../../core/legacy-errors';
import { liveReadOnlyArray } from '../../core/live-array';
import { NativeLink } from '../../core/native-link';
import { streamRecord } from '../../core/stream-state';
import { queueTask } from '../../core/task';
import type { LegacyWindow } from '../../install/types';
import { complain } from '../../install/warnings';
import { mediaStreamEventClass } from '../wd-2011-10-27/media-stream-event';
import { parseConfigString, toIceServer } from '../wd-2011-10-27/peer-connection/config-string';
import { candidateOf, iceCandidateClass, type LegacyIceCandidate } from './ice-candidate';
import { sdpOf, sessionDescriptionClass, type LegacySessionDescription } from './session-description';
import {
  answerDirection,
  answerText,
  iceString,
  offerText,
  parseSdp,
  sdpProblem,
  withCandidate,
  withCredentials,
  type Credentials,
  type Direction,
  type Kind,
  type OfferSection,
  type Section,
} from './sdp-template';
import { returnSpare, spareWhenReady, takeSpare, type Spare } from './spare-connections';
import { preparation, type Prepared } from './sync-preparation';

/** Chrome's PeerConnection00.idl: the actions of setLocalDescription/setRemoteDescription. */
export const ACTIONS = { SDP_OFFER: 0x100, SDP_PRANSWER: 0x200, SDP_ANSWER: 0x300 } as const;
export const READY = { NEW: 0, OPENING: 1, ACTIVE: 2, CLOSED: 3 } as const;
export const CONSTANTS = { ...ACTIONS, ...READY, ...ICE };
export const EVENTS = ['connecting', 'open', 'statechange', 'addstream', 'removestream', 'icechange'] as const;

type DescriptionType = 'offer' | 'pranswer' | 'answer';
const TYPE_OF: Record<number, DescriptionType> = { [ACTIONS.SDP_OFFER]: 'offer', [ACTIONS.SDP_PRANSWER]: 'pranswer', [ACTIONS.SDP_ANSWER]: 'answer' };

/** What the app has set, as JSEP's signaling states (checked synchronously, so the native side never refuses a call for its order). */
type Signaling = 'stable' | 'have-local-offer' | 'have-remote-offer' | 'have-local-pranswer' | 'have-remote-pranswer';
const NEXT: Record<'local' | 'remote', Record<DescriptionType, { from: readonly Signaling[]; to: Signaling }>> = {
  local: {
    offer: { from: ['stable'], to: 'have-local-offer' },
    pranswer: { from: ['have-remote-offer', 'have-local-pranswer'], to: 'have-local-pranswer' },
    answer: { from: ['have-remote-offer', 'have-local-pranswer'], to: 'stable' },
  },
  remote: {
    offer: { from: ['stable'], to: 'have-remote-offer' },
    pranswer: { from: ['have-local-offer', 'have-remote-pranswer'], to: 'have-remote-pranswer' },
    answer: { from: ['have-local-offer', 'have-remote-pranswer'], to: 'stable' },
  },
};

export type IceCallback = (candidate: LegacyIceCandidate | null, moreToFollow: boolean) => void;
type MediaHints = { has_audio?: unknown; has_video?: unknown } | null | undefined;
/** `startIce({use_candidates})` of Chrome's IceOptions. */
type CandidateFilter = 'all' | 'no_relay' | 'only_relay';

export interface PeerConnection00 extends EventTarget {
  readonly readyState: number;
  readonly iceState: number;
  readonly localDescription: LegacySessionDescription | null;
  readonly remoteDescription: LegacySessionDescription | null;
  readonly localStreams: readonly MediaStream[];
  readonly remoteStreams: readonly MediaStream[];
  createOffer(hints?: MediaHints): LegacySessionDescription;
  createAnswer(offer: unknown, hints?: MediaHints): LegacySessionDescription;
  setLocalDescription(action: number, desc: unknown): void;
  setRemoteDescription(action: number, desc: unknown): void;
  startIce(options?: { use_candidates?: string } | null): void;
  processIceMessage(candidate: unknown): void;
  addIceCandidate(candidate: unknown): void;
  addStream(stream: MediaStream, hints?: unknown): void;
  removeStream(stream: MediaStream): void;
  close(): void;
}
export type PeerConnection00Constructor = new (configuration: unknown, iceCallback?: IceCallback | null) => PeerConnection00;

/**
 * The configuration: the 2011 string (`"STUN host:port"`), null (as the samples of 2012 passed), or
 * an object `{iceServers: [{uri | url | urls, username, credential}]}`.
 */
export function iceServersOf(win: LegacyWindow, configuration: unknown): RTCIceServer[] {
  if (configuration === null || configuration === undefined) return [];
  if (typeof configuration === 'string') {
    const server = parseConfigString(configuration);
    if (!server && configuration.trim()) complain(`webkitPeerConnection00 configuration ${JSON.stringify(configuration)} is not "TYPE host[:port]" (STUN, STUNS, TURN or TURNS): no STUN or TURN server is configured`);
    return server ? [toIceServer(server, win.location.origin)] : [];
  }
  const servers = (configuration as { iceServers?: unknown }).iceServers;
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((s: { uri?: string; url?: string; urls?: string | string[]; username?: string; credential?: string }) => {
    const urls = s?.urls ?? s?.url ?? s?.uri;
    if (!urls) return [];
    return [{ urls, ...(s.username !== undefined && { username: s.username }), ...(s.credential !== undefined && { credential: s.credential }) }];
  });
}

function candidateAllowed(filter: CandidateFilter, line: string): boolean {
  const relay = / typ relay( |$)/.test(line);
  return filter === 'all' || (filter === 'only_relay' ? relay : !relay);
}

function sends(direction: Direction): boolean {
  return direction === 'sendrecv' || direction === 'sendonly';
}

const classes = new WeakMap<LegacyWindow, PeerConnection00Constructor>();

export function peerConnection00Class(win: LegacyWindow): PeerConnection00Constructor {
  const existing = classes.get(win);
  if (existing) return existing;
  const MediaStreamEvent = mediaStreamEventClass(win);
  const SessionDescription = sessionDescriptionClass(win);
  const IceCandidate = iceCandidateClass(win);

  class webkitPeerConnection00 extends win.EventTarget implements PeerConnection00 {
    #published = { readyState: READY.NEW as number, iceState: 0 };
    #computed = { ...this.#published };
    #closed = false;
    #signaling: Signaling = 'stable';
    #localSet = false;
    #remoteSet = false;
    #iceStarted = false;
    #iceFound = false;
    #filter: CandidateFilter = 'all';
    /** Native candidates (null: gathering done) not yet given to iceCallback, which waits for startIce(). */
    readonly #candidates: ({ label: string; line: string } | null)[] = [];
    /** Remote candidates that came before the remote description. */
    readonly #earlyCandidates: { label: string; line: string }[] = [];
    /** The m-lines negotiated so far, in order: a new offer keeps them. */
    #sections: { kind: string; mid: string }[] = [];
    #local: LegacySessionDescription | null = null;
    #remote: LegacySessionDescription | null = null;
    readonly #localStreams: MediaStream[] = [];
    readonly #remoteStreams: MediaStream[] = [];
    readonly #remoteKnown = new Set<MediaStream>();
    readonly #localView = liveReadOnlyArray(this.#localStreams);
    readonly #remoteView = liveReadOnlyArray(this.#remoteStreams);
    readonly #callback: IceCallback | null;
    readonly #iceServers: RTCIceServer[];
    /** One ufrag/pwd for the connection's life: every description we write carries them (a spare's own, if it came from one). */
    #ice: Credentials;
    /** The mid of the first new m-line: a spare connection has used "0" for its probe. */
    #firstMid = 0;
    /** The spare connection the native link runs on, until the first native command uses it. */
    #spare: Spare | undefined;
    readonly #listening = new AbortController();
    readonly #origin = { id: '', version: 0 };
    #link: NativeLink | undefined;
    /** A PRANSWER the engine applied as its answer (#withEarlyAnswer), by side. */
    readonly #early: { local?: string | undefined; remote?: string | undefined } = {};
    #chain: Promise<void> = Promise.resolve();

    constructor(configuration: unknown, iceCallback?: IceCallback | null) {
      super();
      if (arguments.length < 1) throw new win.TypeError('webkitPeerConnection00: 1 argument required, but only 0 present');
      if (iceCallback !== undefined && iceCallback !== null && typeof iceCallback !== 'function') throw new win.TypeError('webkitPeerConnection00: iceCallback is not a function');
      this.#callback = iceCallback ?? null;
      this.#iceServers = iceServersOf(win, configuration);
      const bytes = win.crypto.getRandomValues(new Uint8Array(32));
      this.#ice = { ufrag: iceString(bytes.subarray(0, 8)), pwd: iceString(bytes.subarray(8, 32)) };
      this.#origin.id = String(win.crypto.getRandomValues(new Uint32Array(1))[0]! + 1);
      const prepared = preparation(win).ready;
      // The native connection is made now when it can be: its credentials go in the synchronous text.
      if (prepared) this.#syncLink(prepared);
    }

    get readyState(): number {
      return this.#published.readyState;
    }
    get iceState(): number {
      return this.#published.iceState;
    }
    get localDescription(): LegacySessionDescription | null {
      return this.#local;
    }
    get remoteDescription(): LegacySessionDescription | null {
      return this.#remote;
    }
    get localStreams(): readonly MediaStream[] {
      return this.#localView;
    }
    get remoteStreams(): readonly MediaStream[] {
      return this.#remoteView;
    }

    #throwIfClosed(method: string): void {
      if (this.#closed) throw legacyError(win, 'InvalidStateError', `webkitPeerConnection00.${method}: the connection is closed`);
    }

    #prepared(method: string): Prepared {
      const p = preparation(win);
      if (p.ready) {
        if (this.#syncLink(p.ready)) return p.ready;
        throw legacyError(win, 'InvalidStateError', `webkitPeerConnection00.${method}: this browser refuses edited ICE credentials, and the shim is still preparing a native connection for this configuration (spare-connections.ts); call it from a later task`);
      }
      throw legacyError(
        win,
        'InvalidStateError',
        p.failed
          ? `webkitPeerConnection00.${method}: the browser refused to prepare synchronous descriptions (${p.failed})`
          : `webkitPeerConnection00.${method}: the shim is still preparing synchronous descriptions (a certificate and the browser's codecs, a few ms after install()); call it from a later task, e.g. after getUserMedia`,
      );
    }

    /** The first local track of each kind, and its stream: what one m-line of that kind sends. */
    #senders(): Map<string, { track: MediaStreamTrack; stream: MediaStream }> {
      const out = new Map<string, { track: MediaStreamTrack; stream: MediaStream }>();
      for (const stream of this.#localStreams) {
        for (const track of stream.getTracks()) if (track.readyState !== 'ended' && !out.has(track.kind)) out.set(track.kind, { track, stream });
      }
      return out;
    }

    /** Which sections send which local track: the first sending section of each kind. */
    #assign(sections: readonly { kind: string; direction: Direction }[]): Map<number, { track: MediaStreamTrack; stream: MediaStream }> {
      const senders = this.#senders();
      const out = new Map<number, { track: MediaStreamTrack; stream: MediaStream }>();
      sections.forEach((s, i) => {
        const sender = senders.get(s.kind);
        if (sender && sends(s.direction)) {
          out.set(i, sender);
          senders.delete(s.kind);
        }
      });
      return out;
    }

    #msid(sender: { track: MediaStreamTrack; stream: MediaStream } | undefined): string | undefined {
      return sender && `${streamRecord(win, sender.stream).label} ${sender.track.id}`;
    }

    /**
     * ED 2012-03-18 createOffer / Chrome's createOffer(mediaHints): the negotiated m-lines first, then
     * one per further local track kind, and per kind the hints ask for (`has_audio`/`has_video`;
     * without local tracks both kinds unless hinted false). Returns synchronously.
     */
    createOffer(hints?: MediaHints): LegacySessionDescription {
      this.#throwIfClosed('createOffer');
      const { template } = this.#prepared('createOffer');
      const senders = this.#senders();
      const wants = (kind: Kind) => {
        const hint = hints?.[`has_${kind}`];
        return senders.has(kind) || hint === true || (senders.size === 0 && hint !== false && hint !== 0);
      };
      const sections: OfferSection[] = [];
      const direction = (kind: string, send: boolean): Direction => {
        const receive = hints?.[`has_${kind}` as 'has_audio'] !== false;
        return send ? (receive ? 'sendrecv' : 'sendonly') : receive ? 'recvonly' : 'inactive';
      };
      for (const s of this.#sections) {
        if (s.kind !== 'audio' && s.kind !== 'video') continue;
        const sender = sections.some((x) => x.kind === s.kind) ? undefined : senders.get(s.kind);
        sections.push({ kind: s.kind, mid: s.mid, direction: direction(s.kind, !!sender), msid: this.#msid(sender) });
      }
      let next = Math.max(this.#firstMid - 1, ...this.#sections.map((s) => (/^\d+$/.test(s.mid) ? Number(s.mid) : -1))) + 1;
      for (const kind of ['audio', 'video'] as const) {
        if (sections.some((s) => s.kind === kind) || !template.kinds[kind] || !wants(kind)) continue;
        const sender = senders.get(kind);
        sections.push({ kind, mid: String(next++), direction: direction(kind, !!sender), msid: this.#msid(sender) });
      }
      return new SessionDescription(offerText(template, this.#ice, { id: this.#origin.id, version: ++this.#origin.version }, sections));
    }

    /** ED 2012-03-18 createAnswer(offer, constraints): mirrors the offer's m-lines. Returns synchronously. */
    createAnswer(offer: unknown, hints?: MediaHints): LegacySessionDescription {
      if (arguments.length < 1) throw new win.TypeError('webkitPeerConnection00.createAnswer: 1 argument required, but only 0 present');
      this.#throwIfClosed('createAnswer');
      const sdp = sdpOf(win, offer, 'webkitPeerConnection00.createAnswer');
      const problem = sdpProblem(sdp);
      if (problem) throw legacyError(win, 'SyntaxError', `webkitPeerConnection00.createAnswer: the offer is not a session description: ${problem}`);
      const { template } = this.#prepared('createAnswer');
      const parsed = parseSdp(sdp);
      const senders = this.#senders();
      const text = answerText(template, parsed, this.#ice, { id: this.#origin.id, version: ++this.#origin.version }, (s: Section) => {
        const sender = senders.get(s.kind);
        const direction = answerDirection(s.direction, !!sender, hints?.[`has_${s.kind}` as 'has_audio'] !== false);
        if (sender && sends(direction)) senders.delete(s.kind);
        return { direction, msid: sends(direction) ? this.#msid(sender) : undefined };
      });
      return new SessionDescription(text);
    }

    #describe(side: 'local' | 'remote', action: number, desc: unknown, argc: number): { type: DescriptionType; sdp: string } {
      const method = side === 'local' ? 'setLocalDescription' : 'setRemoteDescription';
      if (argc < 2) throw new win.TypeError(`webkitPeerConnection00.${method}: 2 arguments required, but only ${argc} present`);
      this.#throwIfClosed(method);
      const type = TYPE_OF[Number(action)];
      if (!type) throw legacyError(win, 'SyntaxError', `webkitPeerConnection00.${method}: unknown action ${String(action)}; use SDP_OFFER (0x100), SDP_PRANSWER (0x200) or SDP_ANSWER (0x300)`);
      const sdp = sdpOf(win, desc, `webkitPeerConnection00.${method}`);
      const problem = sdpProblem(sdp);
      if (problem) throw legacyError(win, 'SyntaxError', `webkitPeerConnection00.${method}: not a session description: ${problem}`);
      const step = NEXT[side][type];
      if (!step.from.includes(this.#signaling)) {
        throw legacyError(win, 'InvalidStateError', `webkitPeerConnection00.${method}: cannot set a ${side} ${type} in state "${this.#signaling}"`);
      }
      this.#signaling = step.to;
      if (type === 'offer') this.#sections = parseSdp(sdp).sections.map((s, i) => ({ kind: s.kind, mid: s.mid ?? String(i) }));
      return { type, sdp };
    }

    setLocalDescription(action: number, desc: unknown): void {
      const { type, sdp } = this.#describe('local', action, desc, arguments.length);
      this.#local = new SessionDescription(sdp);
      this.#localSet = true;
      this.#queue('setLocalDescription', (link, prepared) => this.#applyLocal(link, prepared, type, sdp));
      this.#refresh();
    }

    setRemoteDescription(action: number, desc: unknown): void {
      const { type, sdp } = this.#describe('remote', action, desc, arguments.length);
      this.#remote = new SessionDescription(sdp);
      this.#remoteSet = true;
      this.#queue('setRemoteDescription', async (link) => {
        if (this.#finalAfterEarly('remote', link, type, sdp)) return;
        await this.#withEarlyAnswer('remote', link, type, sdp, (t) => link.pc.setRemoteDescription({ type: t, sdp }));
        for (const c of this.#earlyCandidates.splice(0)) await this.#addCandidate(link, c);
      });
      this.#refresh();
    }

    /**
     * The native half of setLocalDescription: transceivers as the text says, then the engine's own
     * description with only our ICE credentials written over its own.
     */
    async #applyLocal(link: NativeLink, prepared: Prepared, type: DescriptionType, sdp: string): Promise<void> {
      const pc = link.pc;
      if (this.#finalAfterEarly('local', link, type, sdp)) return;
      const sections = parseSdp(sdp).sections;
      if (!sdp.includes(`a=fingerprint:${prepared.template.fingerprint}`)) {
        throw new Error('the description was not made by this page’s createOffer()/createAnswer() (its fingerprint is not this connection’s certificate)');
      }
      const senders = this.#assign(sections);
      for (const [i, s] of sections.entries()) {
        if (s.kind !== 'audio' && s.kind !== 'video') continue;
        const sender = senders.get(i);
        let t = pc.getTransceivers().find((x) => x.mid === s.mid);
        if (!t && type === 'offer') {
          t = pc.getTransceivers().find((x) => x.mid === null && x.receiver.track.kind === s.kind && x.currentDirection !== 'stopped');
          if (!t) {
            pc.addTransceiver(sender?.track ?? s.kind, { direction: s.direction, streams: sender ? [sender.stream] : [] });
            continue;
          }
        }
        if (!t || t.currentDirection === 'stopped') continue;
        if (s.port === 0) {
          t.stop();
          continue;
        }
        await t.sender.replaceTrack(sender?.track ?? null);
        t.direction = s.direction;
      }
      const native = type === 'offer' ? await pc.createOffer() : await pc.createAnswer();
      const ours = sections.map((s) => `${s.kind}:${s.mid}`).join(' ');
      const theirs = parseSdp(native.sdp ?? '').sections.map((s) => `${s.kind}:${s.mid}`).join(' ');
      if (ours !== theirs) throw new Error(`the browser's ${type} has the m-lines ${theirs} where the description has ${ours}`);
      const ice = { ufrag: /^a=ice-ufrag:(.*)$/m.exec(sdp)?.[1]?.trim() ?? this.#ice.ufrag, pwd: /^a=ice-pwd:(.*)$/m.exec(sdp)?.[1]?.trim() ?? this.#ice.pwd };
      const text = withCredentials(native.sdp ?? '', ice);
      await this.#withEarlyAnswer('local', link, type, sdp, (t) => pc.setLocalDescription({ type: t, sdp: text }));
    }

    /**
     * Firefox 153 refuses every pranswer ("pranswer not yet implemented"). Chrome's PRANSWER let media
     * flow before the final ANSWER, so there the PRANSWER is applied as the native answer; the final
     * ANSWER then changes nothing natively (#finalAfterEarly).
     */
    async #withEarlyAnswer(side: 'local' | 'remote', link: NativeLink, type: DescriptionType, sdp: string, set: (type: RTCSdpType) => Promise<void>): Promise<void> {
      try {
        await set(type);
      } catch (e) {
        if (type !== 'pranswer' || link.pc.signalingState !== (side === 'local' ? 'have-remote-offer' : 'have-local-offer')) throw e;
        await set('answer');
        this.#early[side] = sdp;
      }
    }

    /** The final ANSWER after a PRANSWER the engine took as its answer: true when nothing is left to do natively. */
    #finalAfterEarly(side: 'local' | 'remote', link: NativeLink, type: DescriptionType, sdp: string): boolean {
      const early = this.#early[side];
      if (!early || link.pc.signalingState !== 'stable') return false;
      this.#early[side] = undefined;
      if (type !== 'answer') return false;
      const media = (text: string) => parseSdp(text).sections.map((s) => `${s.kind} ${s.port === 0 ? 0 : 9} ${s.direction}`).join(',');
      if (media(early) !== media(sdp)) {
        complain(`webkitPeerConnection00.set${side === 'local' ? 'Local' : 'Remote'}Description: this browser cannot change media between a PRANSWER and the ANSWER (it has no provisional answers); the PRANSWER's media stay`);
      }
      return true;
    }

    /** ED 2012-03-18 startIce(): candidates go to iceCallback from now on (the native agent gathers from the local description on). */
    startIce(options?: { use_candidates?: string } | null): void {
      this.#throwIfClosed('startIce');
      const filter = options?.use_candidates ?? 'all';
      if (filter !== 'all' && filter !== 'no_relay' && filter !== 'only_relay') {
        throw legacyError(win, 'SyntaxError', `webkitPeerConnection00.startIce: use_candidates ${JSON.stringify(filter)} is not "all", "no_relay" or "only_relay"`);
      }
      this.#filter = filter;
      if (!this.#iceStarted) {
        this.#iceStarted = true;
        for (const c of this.#candidates.splice(0)) this.#deliver(c);
      }
      this.#refresh();
    }

    #deliver(c: { label: string; line: string } | null): void {
      if (c && !candidateAllowed(this.#filter, c.line)) return;
      queueTask(win, () => {
        if (this.#closed || !this.#callback) return;
        this.#callback.call(undefined, c && new IceCandidate(c.label, `a=${c.line}\r\n`), c !== null);
      });
    }

    /** Chrome's processIceMessage(candidate); the ED's addIceCandidate is the same call. */
    processIceMessage(candidate: unknown): void {
      if (arguments.length < 1) throw new win.TypeError('webkitPeerConnection00.processIceMessage: 1 argument required, but only 0 present');
      this.#throwIfClosed('processIceMessage');
      const c = candidateOf(win, candidate, 'webkitPeerConnection00.processIceMessage');
      this.#queue('processIceMessage', async (link) => {
        if (!link.pc.remoteDescription) this.#earlyCandidates.push(c);
        else await this.#addCandidate(link, c);
      });
    }

    addIceCandidate(candidate: unknown): void {
      if (arguments.length < 1) throw new win.TypeError('webkitPeerConnection00.addIceCandidate: 1 argument required, but only 0 present');
      this.processIceMessage(candidate);
    }

    async #addCandidate(link: NativeLink, c: { label: string; line: string }): Promise<void> {
      const index = Number(c.label);
      const remote = parseSdp(link.remoteSdp);
      const section = remote.sections[index];
      if (!section) {
        complain(`webkitPeerConnection00.processIceMessage ignored a candidate for m-line ${c.label}: the remote description has ${remote.sections.length}`);
        return;
      }
      try {
        await link.pc.addIceCandidate({ candidate: c.line, sdpMLineIndex: index, sdpMid: section.mid ?? String(index) });
      } catch (e) {
        // A candidate of a section bundled onto the first one's transport has nowhere to go: the peer
        // gathered for it before BUNDLE was agreed. The draft has nothing to say; nothing is lost.
        const bundled = remote.session.some((l) => l.startsWith('a=group:BUNDLE') && l.split(' ').slice(1).includes(section.mid ?? '')) && index > 0;
        if (!bundled) complain(`webkitPeerConnection00.processIceMessage: the browser refused the candidate ${JSON.stringify(c.line)} (${String(e)})`);
      }
    }

    /** Chrome's addStream(stream, hints): the stream goes out with the next offer or answer the app creates. */
    addStream(stream: MediaStream, _hints?: unknown): void {
      if (arguments.length < 1) throw new win.TypeError('webkitPeerConnection00.addStream: 1 argument required, but only 0 present');
      this.#throwIfClosed('addStream');
      if (!(stream instanceof win.MediaStream)) throw new win.TypeError('webkitPeerConnection00.addStream: argument is not a MediaStream');
      if (!this.#localStreams.includes(stream)) this.#localStreams.push(stream);
    }

    removeStream(stream: MediaStream): void {
      if (arguments.length < 1) throw new win.TypeError('webkitPeerConnection00.removeStream: 1 argument required, but only 0 present');
      this.#throwIfClosed('removeStream');
      const i = this.#localStreams.indexOf(stream);
      if (i !== -1) this.#localStreams.splice(i, 1);
    }

    close(): void {
      this.#throwIfClosed('close');
      this.#closed = true;
      this.#listening.abort();
      // A spare nothing was negotiated on serves the next connection (spare-connections.ts).
      if (this.#spare && this.#link) returnSpare(win, this.#iceServers, { ...this.#spare, pc: this.#link.release() });
      else this.#link?.close();
      const before = this.#published;
      this.#published = this.#computed = { readyState: READY.CLOSED, iceState: ICE.ICE_CLOSED };
      queueTask(win, () => {
        this.dispatchEvent(new win.Event('statechange'));
        if (before.iceState !== ICE.ICE_CLOSED) this.dispatchEvent(new win.Event('icechange'));
      });
    }

    /** The native connection, made now if it can be without waiting: null while a spare is still needed. */
    #syncLink(prepared: Prepared): NativeLink | undefined {
      if (this.#link) return this.#link;
      if (!prepared.mungeRefused) return this.#nativeLink(prepared);
      const spare = takeSpare(win, prepared, this.#iceServers);
      return spare && this.#nativeLink(prepared, spare);
    }

    async #asyncLink(prepared: Prepared): Promise<NativeLink | undefined> {
      const now = this.#syncLink(prepared);
      if (now) return now;
      const spare = await spareWhenReady(win, prepared, this.#iceServers);
      if (this.#link || this.#closed) {
        spare.pc.close();
        return this.#link;
      }
      return this.#nativeLink(prepared, spare);
    }

    #nativeLink(prepared: Prepared, spare?: Spare): NativeLink {
      if (this.#link) return this.#link;
      if (spare) {
        this.#ice = spare.ice;
        this.#firstMid = spare.firstMid;
        this.#spare = spare;
      }
      const events = {
        iceChanged: () => {
          this.#iceFound = iceFoundAfter(this.#iceFound, this.#link!.pc.iceConnectionState);
          this.#refresh();
        },
        lateCandidates: () => {},
        track: (ev: RTCTrackEvent) => this.#remoteTrack(ev),
        datagram: () => {},
      };
      const options = { gatherTimeoutMs: 0, labelOf: (s: MediaStream) => streamRecord(win, s).label, ...(spare && { pc: spare.pc }) };
      const certificates = [prepared.certificate];
      let link: NativeLink;
      try {
        link = new NativeLink(win, { ...options, config: { iceServers: this.#iceServers, certificates } }, events);
      } catch (e) {
        complain(`the browser refused the STUN/TURN servers ${JSON.stringify(this.#iceServers)} (${String(e)}): no server is configured`);
        link = new NativeLink(win, { ...options, config: { certificates } }, events);
      }
      link.pc.addEventListener('icecandidate', (ev) => {
        if (this.#closed) return;
        const c = ev.candidate;
        if (c && !c.candidate) return; // an end-of-candidates marker of one section
        const entry = c ? { label: String(c.sdpMLineIndex ?? 0), line: c.candidate } : null;
        if (entry && this.#local) {
          const next = withCandidate(this.#local.toSdp(), Number(entry.label), entry.line);
          if (next) this.#local = new SessionDescription(next);
        }
        if (this.#iceStarted) this.#deliver(entry);
        else this.#candidates.push(entry);
      }, { signal: this.#listening.signal });
      return (this.#link = link);
    }

    /** Native commands run one at a time, after the preparation; a failure is said, never thrown. */
    #queue(what: string, work: (link: NativeLink, prepared: Prepared) => Promise<void>): void {
      this.#chain = this.#chain
        .then(async () => {
          if (this.#closed) return;
          const prepared = await preparation(win).done;
          if (!prepared) throw new Error(`the synchronous descriptions could not be prepared (${preparation(win).failed})`);
          const link = this.#closed ? undefined : await this.#asyncLink(prepared);
          if (!link || this.#closed) return;
          this.#spare = undefined;
          await work(link, prepared);
        })
        .catch((e: unknown) => {
          if (!this.#closed) complain(`webkitPeerConnection00.${what}: ${e instanceof Error ? e.message : String(e)}; the connection stays usable`);
        })
        .finally(() => this.#refresh());
    }

    /** A remote stream appears once per native stream, `addstream` as a queued task; it leaves when its last track does. */
    #remoteTrack(ev: RTCTrackEvent): void {
      const streams = ev.streams.length ? ev.streams : [new win.MediaStream([ev.track])];
      for (const stream of streams) {
        if (this.#remoteKnown.has(stream)) continue;
        this.#remoteKnown.add(stream);
        stream.addEventListener('removetrack', () => {
          if (stream.getTracks().length > 0 || !this.#remoteKnown.delete(stream)) return;
          queueTask(win, () => {
            const i = this.#remoteStreams.indexOf(stream);
            if (this.#closed || i === -1) return;
            this.#remoteStreams.splice(i, 1);
            this.dispatchEvent(new MediaStreamEvent('removestream', { stream }));
          });
        });
        queueTask(win, () => {
          if (this.#closed) return;
          this.#remoteStreams.push(stream);
          this.dispatchEvent(new MediaStreamEvent('addstream', { stream }));
        });
      }
    }

    /** The one place the states are derived: from what the app set and the native connection. */
    #compute(): { readyState: number; iceState: number } {
      const link = this.#link;
      const iceState = this.#iceStarted && link ? legacyIceState(link.pc, link.iceFailed, this.#iceFound) : 0;
      let readyState: number = READY.NEW;
      if (this.#localSet || this.#remoteSet) readyState = READY.OPENING;
      if (link && this.#iceFound && link.pc.localDescription && link.pc.remoteDescription) readyState = READY.ACTIVE;
      return { readyState, iceState };
    }

    /** A change is published, with its events, in a queued task. */
    #refresh(): void {
      if (this.#closed) return;
      const next = this.#compute();
      const prev = this.#computed;
      if (next.readyState === prev.readyState && next.iceState === prev.iceState) return;
      this.#computed = next;
      queueTask(win, () => {
        if (this.#closed) return;
        const before = this.#published;
        this.#published = next;
        if (next.readyState !== before.readyState) this.dispatchEvent(new win.Event('statechange'));
        if (next.iceState !== before.iceState) {
          this.dispatchEvent(new win.Event('icechange'));
          if (next.iceState === ICE.ICE_CHECKING) this.dispatchEvent(new win.Event('connecting'));
        }
        if (next.readyState === READY.ACTIVE && before.readyState !== READY.ACTIVE) this.dispatchEvent(new win.Event('open'));
      });
    }
  }

  for (const [name, value] of Object.entries(CONSTANTS)) {
    Object.defineProperty(webkitPeerConnection00, name, { value, enumerable: true });
    Object.defineProperty(webkitPeerConnection00.prototype, name, { value, enumerable: true });
  }
  for (const type of EVENTS) Object.defineProperty(webkitPeerConnection00.prototype, `on${type}`, eventHandlerDescriptor(type));
  classes.set(win, webkitPeerConnection00);
  return webkitPeerConnection00;
}
