/**
 * Chrome's `SessionDescription(sdp)` of webkitPeerConnection00: `toSdp()` and `addCandidate()`.
 * The 2012-03-18 editor's draft passed descriptions as DOMStrings instead, so `toString()` gives the
 * SDP too: an ED app that concatenates or sends `pc.createOffer()` gets the text.
 */
import { legacyError } from '../../core/legacy-errors';
import type { LegacyWindow } from '../../install/types';
import { candidateOf } from './ice-candidate';
import { withCandidate } from './sdp-template';

export interface LegacySessionDescription {
  toSdp(): string;
  addCandidate(candidate: unknown): void;
}
export type SessionDescriptionConstructor = new (sdp: string) => LegacySessionDescription;

const classes = new WeakMap<LegacyWindow, SessionDescriptionConstructor>();

/** The SDP of a SessionDescription or of the ED's string, or a TypeError naming the method. */
export function sdpOf(win: LegacyWindow, desc: unknown, method: string): string {
  if (desc instanceof sessionDescriptionClass(win)) return desc.toSdp();
  if (typeof desc === 'string') return desc;
  throw new win.TypeError(`${method}: the description is neither a SessionDescription nor an SDP string`);
}

export function sessionDescriptionClass(win: LegacyWindow): SessionDescriptionConstructor {
  const existing = classes.get(win);
  if (existing) return existing;
  class SessionDescription implements LegacySessionDescription {
    #sdp: string;
    constructor(sdp: string) {
      if (arguments.length < 1) throw new win.TypeError('SessionDescription: 1 argument required, but only 0 present');
      this.#sdp = String(sdp);
    }
    toSdp(): string {
      return this.#sdp;
    }
    addCandidate(candidate: unknown): void {
      const { label, line } = candidateOf(win, candidate, 'SessionDescription.addCandidate');
      const next = withCandidate(this.#sdp, Number(label), line);
      if (next === null) throw legacyError(win, 'SyntaxError', `SessionDescription.addCandidate: the description has no m-line ${label}`);
      this.#sdp = next;
    }
    toString(): string {
      return this.#sdp;
    }
  }
  Object.defineProperty(SessionDescription.prototype, Symbol.toStringTag, { value: 'SessionDescription', configurable: true });
  classes.set(win, SessionDescription);
  return SessionDescription;
}
