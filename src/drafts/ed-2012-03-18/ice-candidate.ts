/**
 * Chrome's `IceCandidate(label, candidateLine)` of webkitPeerConnection00 (spring 2012): `label` is
 * the index of the m-line the candidate belongs to, as a string; `toSdp()` the candidate's SDP line.
 */
import { legacyError } from '../../core/legacy-errors';
import type { LegacyWindow } from '../../install/types';
import { candidateLine } from './sdp-template';

export interface LegacyIceCandidate {
  readonly label: string;
  toSdp(): string;
}
export type IceCandidateConstructor = new (label: string, candidateLine: string) => LegacyIceCandidate;

const classes = new WeakMap<LegacyWindow, IceCandidateConstructor>();

/** The `candidate:…` line of an IceCandidate, or a SYNTAX_ERR naming the method that got it. */
export function candidateOf(win: LegacyWindow, candidate: unknown, method: string): { label: string; line: string } {
  const Cls = iceCandidateClass(win);
  if (!(candidate instanceof Cls)) throw new win.TypeError(`${method}: argument is not an IceCandidate`);
  const line = candidateLine(candidate.toSdp());
  if (line === null) throw legacyError(win, 'SyntaxError', `${method}: ${JSON.stringify(candidate.toSdp().slice(0, 80))} is not an ICE candidate line ("a=candidate:…")`);
  if (!/^\d+$/.test(candidate.label)) throw legacyError(win, 'SyntaxError', `${method}: the label ${JSON.stringify(candidate.label)} is not an m-line index`);
  return { label: candidate.label, line };
}

export function iceCandidateClass(win: LegacyWindow): IceCandidateConstructor {
  const existing = classes.get(win);
  if (existing) return existing;
  class IceCandidate implements LegacyIceCandidate {
    readonly #label: string;
    readonly #sdp: string;
    constructor(label: string, candidateLine: string) {
      if (arguments.length < 2) throw new win.TypeError(`IceCandidate: 2 arguments required, but only ${arguments.length} present`);
      this.#label = String(label);
      this.#sdp = String(candidateLine);
    }
    get label(): string {
      return this.#label;
    }
    toSdp(): string {
      return this.#sdp;
    }
  }
  Object.defineProperty(IceCandidate.prototype, Symbol.toStringTag, { value: 'IceCandidate', configurable: true });
  classes.set(win, IceCandidate);
  return IceCandidate;
}
