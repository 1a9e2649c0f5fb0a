/**
 * One native RTCPeerConnection behind a legacy connection object: commands in (offer, answer, apply
 * an answer, roll back), native events out. It never decides protocol; the caller serializes calls.
 */
import { candidateKeys, outgoingSdp } from '../sdp/legacy-sdp';

export interface LinkEvents {
  /** iceGatheringState, iceConnectionState or connectionState changed. */
  iceChanged(): void;
  /** Gathering completed after an SDP had gone out without it, and found candidates the peer has not had. */
  lateCandidates(): void;
  track(ev: RTCTrackEvent): void;
  datagram(data: string): void;
}

export interface LinkOptions {
  config: RTCConfiguration;
  /** How long an SDP may wait for gathering to complete before it goes out with what it has. */
  gatherTimeoutMs: number;
  /** The legacy label of each local stream, for a=label and msid. */
  labelOf(stream: MediaStream): string;
  /** A native connection made ahead of time (ed-2012-03-18 spare connections), used instead of a new one. */
  pc?: RTCPeerConnection;
}

/** The 2012-02 draft's send(): one unordered, unreliable channel both sides open with a fixed id. */
export const DATAGRAM_CHANNEL = { label: 'webrtc-legacy-datagrams', id: 128 } as const;
/** The longest close() waits for a DTLS handshake in progress before closing the native connection. */
export const CLOSE_WAIT_FOR_DTLS_MS = 2000;
/** Datagrams kept while the channel is being negotiated. */
export const MAX_PENDING_DATAGRAMS = 64;

export class NativeLink {
  readonly pc: RTCPeerConnection;
  datagrams: RTCDataChannel | undefined;
  /** Local streams and the transceivers carrying them, as last applied. */
  private readonly attached = new Map<MediaStream, RTCRtpTransceiver[]>();
  /** An SDP went out before gathering completed. */
  private sentWithoutAllCandidates = false;
  /** Every candidate an SDP we sent has carried. */
  private readonly sentCandidates = new Set<string>();
  private closed = false;
  private readonly listening = new AbortController();
  private readonly pendingDatagrams: string[] = [];

  constructor(
    private readonly win: typeof globalThis,
    private readonly options: LinkOptions,
    private readonly events: LinkEvents,
  ) {
    const pc = (this.pc = options.pc ?? new win.RTCPeerConnection(options.config));
    const signal = this.listening.signal;
    pc.addEventListener('iceconnectionstatechange', () => events.iceChanged(), { signal });
    pc.addEventListener('connectionstatechange', () => events.iceChanged(), { signal });
    pc.addEventListener('icegatheringstatechange', () => {
      events.iceChanged();
      if (pc.iceGatheringState !== 'complete' || !this.sentWithoutAllCandidates) return;
      this.sentWithoutAllCandidates = false;
      // Chromium 156 stops gathering once ICE connects (a STUN answer arriving later is dropped) and
      // then reports `complete` with nothing new: no follow-up offer for that.
      const now = candidateKeys(pc.localDescription?.sdp ?? '');
      if ([...now].some((k) => !this.sentCandidates.has(k))) events.lateCandidates();
    }, { signal });
    pc.addEventListener('track', (ev) => events.track(ev), { signal });
  }

  /**
   * The 2012-02 datagram channel, negotiated with a fixed id, only for a connection whose app uses
   * send(): a 2011 app never does, and for it a second round would cost set-up time on every call.
   * It never joins a first round: Chromium 156 cannot answer an offer after rolling back one of its own
   * whose data section sat at another mid ("Failed to start SCTP transport"), which glare on the first
   * round would cause. The side whose app sends opens it; the other side when an offer carries it.
   */
  openDatagrams(): boolean {
    if (this.datagrams) return false;
    const channel = this.pc.createDataChannel(DATAGRAM_CHANNEL.label, {
      negotiated: true,
      id: DATAGRAM_CHANNEL.id,
      ordered: false,
      maxRetransmits: 0,
    });
    channel.addEventListener('message', (ev) => {
      if (typeof ev.data === 'string') this.events.datagram(ev.data);
    });
    channel.addEventListener('open', () => {
      for (const text of this.pendingDatagrams.splice(0)) channel.send(text);
    });
    this.datagrams = channel;
    return true;
  }

  /**
   * Sends now if the channel is open, else keeps the datagram until it opens (the channel is only
   * negotiated once the app first sends). Datagrams may be lost (2012-02 WD), so a full queue drops.
   */
  sendDatagram(text: string): boolean {
    if (this.datagrams?.readyState === 'open') {
      this.datagrams.send(text);
      return true;
    }
    if (this.pendingDatagrams.length >= MAX_PENDING_DATAGRAMS) return false;
    this.pendingDatagrams.push(text);
    return true;
  }

  /**
   * 2011 WD §4.1.2: stream additions and removals "must be processed at the same time", at the next
   * negotiation. A removed stream's transceivers are stopped: its m-lines go to port zero, which is
   * how the draft says a stream leaves the remote side.
   */
  private apply(streams: readonly MediaStream[]): void {
    for (const [stream, transceivers] of this.attached) {
      if (streams.includes(stream)) continue;
      for (const t of transceivers) if (t.currentDirection !== 'stopped') t.stop();
      this.attached.delete(stream);
    }
    for (const stream of streams) {
      if (this.attached.has(stream)) continue;
      const transceivers: RTCRtpTransceiver[] = [];
      for (const track of stream.getTracks()) {
        const sender = this.pc.addTrack(track, stream);
        const t = this.pc.getTransceivers().find((x) => x.sender === sender);
        if (t) transceivers.push(t);
      }
      this.attached.set(stream, transceivers);
    }
  }

  /**
   * ICE has failed. Chromium 156 declares a failed ICE transport in connectionState (and in getStats()
   * as iceState "failed") while iceConnectionState only says "disconnected", for good: its check
   * against a refused TCP candidate ends at once, yet iceConnectionState never turns "failed".
   * (connectionState fails on a failed DTLS handshake too: for a 2011 app, whose draft has no DTLS,
   * that connection is just as dead.)
   */
  get iceFailed(): boolean {
    return this.pc.iceConnectionState === 'failed' || this.pc.connectionState === 'failed';
  }

  /** Whether the streams differ from what has been negotiated, so an offer is needed. */
  needsOffer(streams: readonly MediaStream[]): boolean {
    if (streams.length !== this.attached.size || streams.some((s) => !this.attached.has(s))) return true;
    return this.pc.getTransceivers().some((t) => (t.sender.track && t.mid === null) || (t.direction === 'stopped' && t.currentDirection !== 'stopped' && t.mid !== null));
  }

  async createOffer(streams: readonly MediaStream[]): Promise<string> {
    this.apply(streams);
    await this.pc.setLocalDescription(await this.pc.createOffer());
    return this.outgoing();
  }

  async acceptOffer(sdp: string, streams: readonly MediaStream[]): Promise<string> {
    await this.rollback();
    await this.pc.setRemoteDescription({ type: 'offer', sdp });
    if (/^m=application /m.test(sdp)) this.openDatagrams();
    // Local streams ride on the transceivers the offer created where kinds match; the rest wait for
    // our own next offer.
    this.apply(streams);
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return this.outgoing();
  }

  async acceptAnswer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  /** Abandons our outstanding offer (glare lost, or the peer refused it), or a remote offer we could not answer. */
  async rollback(): Promise<void> {
    if (this.pc.signalingState === 'have-remote-offer') return this.pc.setRemoteDescription({ type: 'rollback' });
    if (this.pc.signalingState === 'have-local-offer') await this.pc.setLocalDescription({ type: 'rollback' });
  }

  /**
   * Why this connection can no longer negotiate, or null: asked after the browser refused a remote
   * description. Chromium 156 keeps a lasting session error ("Session error code: ERROR_CONTENT") after
   * some refusals — a remote SSRC clash ("Failed to set up audio demuxing"), an answer to an offer
   * whose a=setup contradicts the negotiated role — and then fails every later description, rollback
   * included. Measured there: either the rollback leaves it outside `stable`, or createOffer() rejects
   * (as "a state other than stable", while signalingState still reads `stable`); after refusals that
   * do not break it (unparsable SDP, no fingerprint, two msid tracks) createOffer() resolves. Firefox
   * 153 resolves it after all of them. createOffer() changes no state.
   */
  async negotiationBroken(): Promise<string | null> {
    if (this.closed) return null;
    if (this.pc.signalingState !== 'stable') return `it stays in signaling state "${this.pc.signalingState}"`;
    try {
      await this.pc.createOffer();
      return null;
    } catch (e) {
      return this.closed ? null : `it can no longer make an offer (${String(e)})`;
    }
  }

  get remoteSdp(): string {
    return this.pc.remoteDescription?.sdp ?? '';
  }

  /** The receiver track of the section with this mid. */
  trackOf(mid: string): MediaStreamTrack | undefined {
    return this.pc.getTransceivers().find((t) => t.mid === mid)?.receiver.track;
  }

  /** Stops listening and hands the native connection back unclosed (one that never negotiated, for reuse). */
  release(): RTCPeerConnection {
    this.closed = true;
    this.listening.abort();
    return this.pc;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listening.abort();
    // Chromium 156 never frees a connection closed while its DTLS handshake is finishing: with native
    // code alone, calls closed one task after ICE connected stay alive after GC 80 of 80, closed 10 ms
    // later 2 of 80 (bench leak variant nativeClosedTaskAfterConnected; test: close-frees-connection).
    // No media flows before DTLS is up, so waiting for that state change (bounded) costs the app
    // nothing; its connection already reads CLOSED.
    const pc = this.pc;
    if (pc.connectionState !== 'connecting') return pc.close();
    const done = () => {
      this.win.clearTimeout(timer);
      pc.removeEventListener('connectionstatechange', done);
      pc.close();
    };
    const timer = this.win.setTimeout(done, CLOSE_WAIT_FOR_DTLS_MS);
    pc.addEventListener('connectionstatechange', done);
  }

  /**
   * No trickle in 2011: the SDP goes out with its candidates inline, once gathering completes — but
   * bounded, so a STUN/TURN server that never answers cannot hold up a call between peers that reach
   * each other directly. Candidates found later go out in a follow-up offer (lateCandidates).
   */
  private async outgoing(): Promise<string> {
    if (this.pc.iceGatheringState !== 'complete') {
      const complete = await new Promise<boolean>((resolve) => {
        const done = (v: boolean) => {
          this.win.clearTimeout(timer);
          this.pc.removeEventListener('icegatheringstatechange', onChange);
          resolve(v);
        };
        const onChange = () => this.pc.iceGatheringState === 'complete' && done(true);
        const timer = this.win.setTimeout(() => done(false), this.options.gatherTimeoutMs);
        this.pc.addEventListener('icegatheringstatechange', onChange);
      });
      if (!complete) this.sentWithoutAllCandidates = true;
    }
    const labels = new Map<string, string>();
    for (const stream of this.attached.keys()) labels.set(stream.id, this.options.labelOf(stream));
    const { sdp, candidates } = outgoingSdp(this.pc.localDescription!.sdp, (id) => labels.get(id));
    for (const k of candidates) this.sentCandidates.add(k);
    return sdp;
  }
}
