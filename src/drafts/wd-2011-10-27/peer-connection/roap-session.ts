/**
 * The SDP Agent of 2011 WD §4 speaking ROAP: who offers when, answers, OKs, glare, shutdown, and what
 * to do with bad or stale messages. No DOM: it talks to a Link (the native connection) and a Host
 * (the PeerConnection object) only, so its decisions can be followed in one file.
 */
import type { Parsed, RoapErrorType, RoapMessage } from '../../../roap/roap';
import { PREFIX, serialize } from '../../../roap/roap';
import { iceCredentialsProblem, inferType } from '../../../sdp/legacy-sdp';

/** 2011 WD §4.1.3 sdpState values; NEW (0) before anything was exchanged. */
export const SDP_NEW = 0;
export const SDP_IDLE = 0x1000;
export const SDP_WAITING = 0x2000;
export const SDP_GLARE = 0x3000;
export type SdpState = typeof SDP_NEW | typeof SDP_IDLE | typeof SDP_WAITING | typeof SDP_GLARE;

export interface SessionLink {
  createOffer(): Promise<string>;
  acceptOffer(sdp: string): Promise<string>;
  acceptAnswer(sdp: string): Promise<void>;
  rollback(): Promise<void>;
  needsOffer(): boolean;
  /** Why the native connection can no longer negotiate after a refused remote description, or null. */
  negotiationBroken(): Promise<string | null>;
}

export interface SessionHost {
  /** Hands a message to the app's signalingCallback (in a queued task). */
  send(message: string): void;
  sdpStateChanged(): void;
  /** A remote description was applied: remote streams may have come or gone. */
  remoteDescriptionApplied(): void;
  /** The peer sent SHUTDOWN. */
  shutdown(): void;
  /** A refused remote description left the native connection unable to negotiate ever again. */
  broken(reason: string): void;
  complain(message: string): void;
  isClosed(): boolean;
  random(): number;
  setTimer(fn: () => void, ms: number): void;
}

interface Outstanding {
  seq: number;
  tieBreaker: number;
}

/** A remote SDP the browser must not be given (see iceCredentialsProblem). */
function checkRemote(sdp: string): void {
  const problem = iceCredentialsProblem(sdp);
  if (problem) throw new Error(problem);
}

/** Glare with equal tie-breakers: both sides wait "a random amount of time" (§4.1.1) before retrying. */
const GLARE_RETRY_MS = { min: 20, spread: 400 };

export class RoapSession {
  sdpState: SdpState = SDP_NEW;
  /** At least one offer/answer round completed ("a round of codec negotiation", §4.1.1 ACTIVE). */
  exchanged = false;
  private readonly myId: string;
  private peerId: string | undefined;
  /** Once a first exchange completes, every message carries these two, whoever sends it. */
  private roles: { offerer: string; answerer: string } | undefined;
  private seq = 0;
  private outstanding: Outstanding | undefined;
  private lastAnswer: { seq: number; offerer: string; message: string } | undefined;
  private lastOk: { seq: number; message: string } | undefined;
  /** The peer sends bare SDP after the prefix, not ROAP: answer it the same way. */
  private bare = false;
  private offerWanted = false;
  /** The native connection can no longer negotiate: nothing more is done; the host closes. */
  private dead = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: SessionLink,
    private readonly host: SessionHost,
  ) {
    this.myId = randomToken(host);
  }

  /** Native calls are asynchronous; one job at a time keeps every decision on a settled state. */
  private run(job: () => Promise<void>): void {
    this.queue = this.queue.then(() => (this.dead ? undefined : job())).catch((e: unknown) => this.host.complain(`signaling step failed: ${String(e)}`));
  }

  private setState(s: SdpState): void {
    if (this.sdpState === s) return;
    this.sdpState = s;
    this.host.sdpStateChanged();
  }

  private ids(): Pick<RoapMessage, 'offererSessionId' | 'answererSessionId'> {
    if (this.roles) return { offererSessionId: this.roles.offerer, answererSessionId: this.roles.answerer };
    return this.peerId ? { offererSessionId: this.myId, answererSessionId: this.peerId } : { offererSessionId: this.myId };
  }

  private sendRoap(m: RoapMessage): string {
    const text = serialize(m);
    this.host.send(text);
    return text;
  }

  /**
   * Offers when local streams changed since the last negotiation ("pending stream additions and
   * removals must be processed at the same time", §4.1.2), or when `force`d by late candidates.
   */
  negotiate(force = false): void {
    // Noted now, not when the job runs: several reasons for one offer (late candidates, the datagram
    // channel) arriving together are one offer, taken by whichever job offers next.
    if (force) this.offerWanted = true;
    this.run(async () => {
      if (this.host.isClosed()) return;
      if (this.sdpState === SDP_WAITING || this.sdpState === SDP_GLARE) {
        this.offerWanted ||= this.link.needsOffer();
        return;
      }
      if (!this.offerWanted && !this.link.needsOffer()) return;
      this.offerWanted = false;
      const sdp = await this.link.createOffer();
      if (this.host.isClosed()) return;
      const seq = this.seq + 1;
      const tieBreaker = Math.floor(this.host.random() * 0x7fffffff) + 1;
      this.seq = seq;
      this.outstanding = { seq, tieBreaker };
      this.setState(SDP_WAITING);
      if (this.bare) this.host.send(PREFIX + sdp);
      else this.sendRoap({ messageType: 'OFFER', ...this.ids(), seq, sdp, tieBreaker });
    });
  }

  /** The SHUTDOWN close() sends, or null when the peer never heard of us. */
  shutdownMessage(): string | null {
    if (this.bare || (!this.peerId && !this.outstanding)) return null;
    return serialize({ messageType: 'SHUTDOWN', ...this.ids(), answererSessionId: this.ids().answererSessionId ?? this.myId, seq: this.seq + 1 });
  }

  receive(parsed: Exclude<Parsed, { kind: 'invalid' }>): void {
    this.run(async () => {
      if (this.host.isClosed()) return;
      if (parsed.kind === 'sdp') return this.receiveBare(parsed.sdp);
      const m = parsed.message;
      if (!this.idsMatch(m)) {
        this.host.complain(`ignored a ROAP ${m.messageType} for another session (offererSessionId ${JSON.stringify(m.offererSessionId)})`);
        if (m.messageType !== 'ERROR' && m.messageType !== 'OK') this.error(m, 'NOMATCH');
        return;
      }
      switch (m.messageType) {
        case 'OFFER':
          return this.onOffer(m);
        case 'ANSWER':
          return this.onAnswer(m);
        case 'OK':
          return; // confirms our ANSWER; nothing waits for it
        case 'SHUTDOWN':
          this.sendRoap({ messageType: 'OK', ...this.ids(), answererSessionId: this.ids().answererSessionId ?? this.myId, seq: m.seq });
          this.host.shutdown();
          return;
        case 'ERROR':
          return this.onError(m);
      }
    });
  }

  /** Messages must belong to this session: the two ids once known, the offerer's id before. */
  private idsMatch(m: RoapMessage): boolean {
    if (this.roles) {
      // Either order: an ERROR answering a glared offer names the ids as that offer did.
      const pair = [this.roles.offerer, this.roles.answerer];
      if (m.answererSessionId === undefined) return m.messageType === 'OFFER' && m.offererSessionId === this.peerId;
      return pair.includes(m.offererSessionId) && pair.includes(m.answererSessionId) && m.offererSessionId !== m.answererSessionId;
    }
    // A first offer may come from anyone but ourselves (our own offer echoed back is a relay fault).
    if (m.messageType === 'OFFER') return m.offererSessionId !== this.myId;
    // An answer, OK or ERROR must name us.
    return m.offererSessionId === this.myId || m.answererSessionId === this.myId;
  }

  private error(m: RoapMessage, errorType: RoapErrorType): void {
    this.sendRoap({ messageType: 'ERROR', offererSessionId: m.offererSessionId, answererSessionId: m.answererSessionId ?? this.myId, seq: m.seq, errorType });
  }

  private async onOffer(m: RoapMessage): Promise<void> {
    // A retransmitted offer (the peer did not get our answer): answer again, identically.
    if (this.lastAnswer && m.seq === this.lastAnswer.seq && m.offererSessionId === this.lastAnswer.offerer && !this.outstanding) {
      this.host.send(this.lastAnswer.message);
      return;
    }
    let lostGlare = false;
    if (this.outstanding) {
      if (m.seq < this.outstanding.seq - 1) return this.host.complain(`ignored a stale ROAP OFFER (seq ${m.seq})`);
      // Glare (§4.1.1 SDP_GLARE): both offered. The higher tieBreaker wins; the loser rolls back and answers.
      const mine = this.outstanding.tieBreaker;
      const theirs = m.tieBreaker ?? 0;
      if (mine > theirs) return this.error(m, 'CONFLICT');
      await this.link.rollback();
      this.outstanding = undefined;
      lostGlare = true;
      if (mine === theirs) {
        this.error(m, 'DOUBLECONFLICT');
        return this.glare();
      }
      // Our streams ride on the winner's sections where kinds match; what does not fit goes out in our
      // next offer (needsOffer), once this round is done.
    } else if (m.seq <= this.seq && this.exchanged) {
      return this.host.complain(`ignored a stale or replayed ROAP OFFER (seq ${m.seq}, last ${this.seq})`);
    }
    let answer: string;
    try {
      checkRemote(m.sdp!);
      answer = await this.link.acceptOffer(m.sdp!);
    } catch (e) {
      this.host.complain(`the browser refused the peer's offer: ${String(e)}`);
      await this.link.rollback().catch(() => {});
      this.error(m, 'FAILED');
      if (await this.brokenByRefusal()) return;
      this.setState(this.exchanged ? SDP_IDLE : SDP_NEW);
      // Our own OFFER was rolled back for theirs; theirs is refused: ours goes out again, or our
      // streams would never be offered.
      if (lostGlare) this.negotiate(true);
      return;
    }
    if (this.host.isClosed()) return;
    this.seq = Math.max(this.seq, m.seq);
    if (!this.roles) {
      this.peerId = m.offererSessionId;
      this.roles = { offerer: m.offererSessionId, answerer: this.myId };
    }
    const text = this.sendRoap({ messageType: 'ANSWER', ...this.ids(), seq: m.seq, sdp: answer });
    this.lastAnswer = { seq: m.seq, offerer: m.offererSessionId, message: text };
    this.completeRound();
  }

  private async onAnswer(m: RoapMessage): Promise<void> {
    if (!this.outstanding || m.seq !== this.outstanding.seq) {
      // A retransmitted answer to a round already done: the peer missed our OK.
      if (this.lastOk && m.seq === this.lastOk.seq) this.host.send(this.lastOk.message);
      else this.host.complain(`ignored a ROAP ANSWER that answers no outstanding offer (seq ${m.seq})`);
      return;
    }
    try {
      checkRemote(m.sdp!);
      await this.link.acceptAnswer(m.sdp!);
    } catch (e) {
      this.host.complain(`the browser refused the peer's answer: ${String(e)}`);
      await this.link.rollback().catch(() => {});
      this.outstanding = undefined;
      this.error(m, 'FAILED');
      if (await this.brokenByRefusal()) return;
      this.setState(this.exchanged ? SDP_IDLE : SDP_NEW);
      return;
    }
    if (this.host.isClosed()) return;
    this.outstanding = undefined;
    if (!this.roles) {
      this.peerId = m.answererSessionId;
      this.roles = { offerer: this.myId, answerer: m.answererSessionId! };
    }
    const text = this.sendRoap({ messageType: 'OK', ...this.ids(), seq: m.seq });
    this.lastOk = { seq: m.seq, message: text };
    this.completeRound();
  }

  private async onError(m: RoapMessage): Promise<void> {
    if (!this.outstanding || m.seq !== this.outstanding.seq) return;
    switch (m.errorType) {
      case 'CONFLICT':
        return; // we lost the glare: the peer's own offer is on its way, and rolls ours back
      case 'DOUBLECONFLICT':
        await this.link.rollback();
        this.outstanding = undefined;
        return this.glare();
      default:
        this.host.complain(`the peer answered our offer with ROAP ERROR ${m.errorType}`);
        await this.link.rollback();
        this.outstanding = undefined;
        this.setState(this.exchanged ? SDP_IDLE : SDP_NEW);
    }
  }

  /**
   * After the browser refused a remote description: whether that left the native connection unable
   * to negotiate (see NativeLink.negotiationBroken). Such a connection is dead for the app, as after
   * ICE failure: the host closes it (SHUTDOWN tells the peer) instead of leaving a connection whose
   * every later offer and answer would fail.
   */
  private async brokenByRefusal(): Promise<boolean> {
    if (this.host.isClosed()) return false;
    const reason = await this.link.negotiationBroken();
    if (!reason || this.host.isClosed()) return false;
    this.dead = true;
    this.host.broken(reason);
    return true;
  }

  private glare(): void {
    this.setState(SDP_GLARE);
    this.offerWanted = true;
    this.host.setTimer(() => {
      if (this.sdpState !== SDP_GLARE) return; // the peer's retry came first and was answered
      this.setState(this.exchanged ? SDP_IDLE : SDP_NEW);
      this.negotiate(true);
    }, GLARE_RETRY_MS.min + this.host.random() * GLARE_RETRY_MS.spread);
  }

  private completeRound(): void {
    this.exchanged = true;
    this.setState(SDP_IDLE);
    this.host.remoteDescriptionApplied();
    if (this.offerWanted || this.link.needsOffer()) this.negotiate(this.offerWanted);
  }

  /** A bare SDP after the prefix: offer or answer by a=setup, else by our state. */
  private async receiveBare(sdp: string): Promise<void> {
    const type = inferType(sdp) ?? (this.outstanding ? 'answer' : 'offer');
    if (type === 'answer') {
      if (!this.outstanding) return this.host.complain('ignored an SDP answer: no offer of ours is outstanding');
      const seq = this.outstanding.seq;
      try {
        checkRemote(sdp);
        await this.link.acceptAnswer(sdp);
      } catch (e) {
        this.host.complain(`the browser refused the peer's SDP answer: ${String(e)}`);
        await this.link.rollback().catch(() => {});
        this.outstanding = undefined;
        if (await this.brokenByRefusal()) return;
        this.setState(this.exchanged ? SDP_IDLE : SDP_NEW);
        return;
      }
      this.outstanding = undefined;
      this.seq = seq;
      // The peer speaks bare SDP (only once one was good: junk must not change how we talk).
      this.bare = true;
      this.completeRound();
      return;
    }
    if (this.outstanding) {
      await this.link.rollback();
      this.outstanding = undefined;
      this.offerWanted = true;
    }
    try {
      checkRemote(sdp);
      const answer = await this.link.acceptOffer(sdp);
      if (this.host.isClosed()) return;
      this.bare = true;
      this.host.send(PREFIX + answer);
      this.completeRound();
    } catch (e) {
      this.host.complain(`the browser refused the peer's SDP offer: ${String(e)}`);
      await this.link.rollback().catch(() => {});
      if (await this.brokenByRefusal()) return;
      // Our own offer, if one was out, is rolled back: leave SDP_WAITING and make it again, or nothing
      // would ever be offered again (negotiate() waits while SDP_WAITING).
      this.setState(this.exchanged ? SDP_IDLE : SDP_NEW);
      if (this.offerWanted) this.negotiate(true);
    }
  }
}

function randomToken(host: SessionHost): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += Math.floor(host.random() * 0x100000000).toString(16).padStart(8, '0');
  return s;
}
