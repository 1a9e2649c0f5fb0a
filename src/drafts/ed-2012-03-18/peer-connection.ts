/**
 * One `window.PeerConnection` for the apps of 2011 (ROAP: processSignalingMessage, the automatic
 * offer) and of 2012 (JSEP: `var PC = window.PeerConnection || window.webkitPeerConnection00`, then
 * createOffer…). Each object becomes one or the other; THE RULE, first match wins:
 *
 * 1. A JSEP call (createOffer, createAnswer, setLocalDescription, setRemoteDescription, startIce,
 *    processIceMessage, addIceCandidate) → 2012 JSEP. processSignalingMessage or send → 2011.
 * 2. No callback at all (the ED's one-argument constructor) → JSEP.
 * 3. Otherwise, at the end of the construction task, it starts as 2011 (the 2011 draft's automatic
 *    offer is made then if a stream was added). A JSEP call later still makes it JSEP as long as
 *    the 2011 side has neither sent nor received a signaling message (nothing a peer has seen).
 * 4. A callback declared with two or more parameters is JSEP's `iceCallback(candidate, moreToFollow)`
 *    — or 2011's `signalingCallback(message, source)`, as the 2011 IDL declares it and its conformance
 *    suite writes it. For it the 2011 messages are held back, for at most JSEP_GRACE_MS: a JSEP call
 *    meanwhile makes it JSEP (a 2012 callee that added its stream and waits for the offer);
 *    processSignalingMessage or send, or the time running out, sends them (2011).
 * 5. close() before either: the style rule 2 or 3 picks.
 *
 * The cost of rule 4: a 2011 app with a two-parameter callback whose automatic offer is the first
 * message of the call starts JSEP_GRACE_MS later; a 2012 app with its first JSEP call later than
 * that gets a 2011 offer in its iceCallback (it works with `webkitPeerConnection00`).
 *
 * A call of the other style afterwards throws INVALID_STATE_ERR saying which style the object took.
 * The object delegates to a 2011 PeerConnection or a webkitPeerConnection00; its events, arrays and
 * states are theirs.
 */
import { liveReadOnlyArray } from '../../core/live-array';
import { legacyError } from '../../core/legacy-errors';
import { queueTask } from '../../core/task';
import { eventHandlerDescriptor } from '../../core/event-handler';
import type { LegacyWindow, Surface } from '../../install/types';
import { quietly, used } from '../../install/usage';
import { mediaStreamEventClass } from '../wd-2011-10-27/media-stream-event';
import { peerConnectionClass, type LegacyPeerConnection } from '../wd-2011-10-27/peer-connection/peer-connection';
import { parseConfigString } from '../wd-2011-10-27/peer-connection/config-string';
import { EVENTS, iceServersOf, peerConnection00Class, type PeerConnection00 } from './peer-connection-00';

type Style = 'roap' | 'jsep';

/** Rule 4: how long the 2011 messages of a two-parameter callback wait for a JSEP call. */
export const JSEP_GRACE_MS = 3000;
type Callback = (...args: unknown[]) => void;

const JSEP_METHODS = ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription', 'startIce', 'processIceMessage', 'addIceCandidate'] as const;
const ROAP_METHODS = ['processSignalingMessage', 'send'] as const;
const ALL_EVENTS = [...new Set([...EVENTS, 'message'])];

export type EitherPeerConnection = EventTarget & Record<string, unknown>;
export type EitherPeerConnectionConstructor = new (configuration: unknown, callback?: Callback | null) => EitherPeerConnection;

const classes = new WeakMap<LegacyWindow, EitherPeerConnectionConstructor>();

export function eitherPeerConnectionClass(win: LegacyWindow): EitherPeerConnectionConstructor {
  const existing = classes.get(win);
  if (existing) return existing;
  const Roap = peerConnectionClass(win);
  const Jsep = peerConnection00Class(win);
  const MediaStreamEvent = mediaStreamEventClass(win);

  class PeerConnection extends win.EventTarget {
    #style: Style | undefined;
    /** The 2011 object has sent or been given a signaling message. */
    #roapTouched = false;
    /** Rule 4: 2011 messages not yet given to a two-parameter callback; null once they go out as made. */
    #held: string[] | null = null;
    /** The listeners on the current delegate. */
    #wiring = new AbortController();
    #roap: LegacyPeerConnection | undefined;
    #jsep: PeerConnection00 | undefined;
    readonly #configuration: unknown;
    readonly #callback: Callback | null;
    readonly #local: MediaStream[] = [];
    readonly #remote: MediaStream[] = [];
    readonly #localView = liveReadOnlyArray(this.#local);
    readonly #remoteView = liveReadOnlyArray(this.#remote);

    constructor(configuration: unknown, callback?: Callback | null) {
      super();
      used(win, 'PeerConnection');
      if (arguments.length < 1) throw new win.TypeError('PeerConnection: 1 argument required, but only 0 present');
      if (callback !== undefined && callback !== null && typeof callback !== 'function') throw new win.TypeError('PeerConnection: the callback is not a function');
      // A bad configuration string is said now, as both drafts' constructors do, and only once.
      const bad = typeof configuration === 'string' && configuration.trim() !== '' && !parseConfigString(configuration);
      if (bad) iceServersOf(win, configuration);
      this.#configuration = bad ? '' : configuration;
      this.#callback = callback ?? null;
      queueTask(win, () => {
        if (this.#style || this.#defaultStyle() !== 'roap') return;
        if (this.#callback!.length >= 2) {
          this.#held = [];
          win.setTimeout(() => this.#release(), JSEP_GRACE_MS);
        }
        this.#become('roap');
      });
    }

    /** Rule 2. */
    #defaultStyle(): Style {
      return this.#callback ? 'roap' : 'jsep';
    }

    /** Rule 4: the held 2011 messages go out, in order; this object is 2011 for good. */
    #release(): void {
      const held = this.#held;
      if (!held || !this.#roap) return;
      this.#held = null;
      // Closed before anything went out: the peer never heard of it, so nothing is owed (not even SHUTDOWN).
      if (this.#roap.readyState === 3) return;
      if (held.length) this.#roapTouched = true;
      for (const message of held) this.#callback!.call(undefined, message, this);
    }

    /** Rule 3: a 2011 object nothing has gone out of or come into gives way to a JSEP one. */
    #abandonPristineRoap(): void {
      const roap = this.#roap;
      if (!roap || this.#roapTouched) return;
      this.#wiring.abort();
      this.#wiring = new AbortController();
      this.#roap = undefined;
      this.#style = undefined;
      this.#held = null;
      try {
        roap.close();
      } catch {
        // already closed: nothing to undo
      }
    }

    #impl(): LegacyPeerConnection | PeerConnection00 | undefined {
      return this.#roap ?? this.#jsep;
    }

    #become(style: Style): LegacyPeerConnection | PeerConnection00 {
      const current = this.#impl();
      if (current) return current;
      this.#style = style;
      const cb = this.#callback;
      const self = this;
      // The delegate's constructor counts as the app's `new PeerConnection`, already counted.
      const impl = quietly(() =>
        style === 'roap'
          ? (this.#roap = new Roap(this.#configuration === null || this.#configuration === undefined ? '' : String(this.#configuration), (message) => {
              if (self.#roap !== impl) return; // abandoned (rule 3): its shutdown goes nowhere
              if (self.#held) return void self.#held.push(message);
              self.#roapTouched = true;
              cb!.call(undefined, message, self);
            }))
          : (this.#jsep = new Jsep(this.#configuration, cb && ((candidate, more) => cb.call(undefined, candidate, more)))),
      );
      for (const s of this.#local) impl.addStream(s);
      const signal = this.#wiring.signal;
      for (const type of ALL_EVENTS) {
        impl.addEventListener(type, (ev) => {
          this.#sync();
          const stream = (ev as Event & { stream?: MediaStream }).stream;
          if (stream !== undefined) this.dispatchEvent(new MediaStreamEvent(type, { stream }));
          else if (ev instanceof win.MessageEvent) this.dispatchEvent(new win.MessageEvent(type, { data: ev.data }));
          else this.dispatchEvent(new win.Event(type));
        }, { signal });
      }
      return impl;
    }

    /** The arrays stay this object's own (the same on every read) with the delegate's contents. */
    #sync(): void {
      const impl = this.#impl();
      if (!impl) return;
      quietly(() => {
        this.#local.splice(0, this.#local.length, ...impl.localStreams);
        this.#remote.splice(0, this.#remote.length, ...impl.remoteStreams);
      });
    }

    /** Rule 1, and the error for a call of the other style. */
    static as<S extends Style>(pc: PeerConnection, style: S, method: string): S extends 'roap' ? LegacyPeerConnection : PeerConnection00 {
      return pc.#as(style, method);
    }

    #as<S extends Style>(style: S, method: string): S extends 'roap' ? LegacyPeerConnection : PeerConnection00 {
      if (style === 'roap') {
        this.#roapTouched = true;
        this.#release();
      }
      else if (this.#style === 'roap') this.#abandonPristineRoap();
      if (this.#style && this.#style !== style) {
        const impl = this.#impl()!;
        if (impl.readyState === 3) throw legacyError(win, 'InvalidStateError', `PeerConnection.${method}: the connection is closed`);
        const took = this.#style === 'roap' ? '2011 (processSignalingMessage)' : '2012 JSEP (createOffer, setLocalDescription, …)';
        throw legacyError(win, 'InvalidStateError', `PeerConnection.${method}: this PeerConnection is a ${took} one since the first call the page made on it; one object cannot take both styles`);
      }
      return this.#become(style) as S extends 'roap' ? LegacyPeerConnection : PeerConnection00;
    }

    // Counted here, once, whichever delegate answers (or none yet).
    get readyState(): number {
      used(win, 'PeerConnection.prototype.readyState');
      return quietly(() => this.#impl()?.readyState ?? 0);
    }
    get iceState(): number {
      used(win, 'PeerConnection.prototype.iceState');
      return quietly(() => this.#impl()?.iceState ?? 0);
    }
    get sdpState(): number {
      used(win, 'PeerConnection.prototype.sdpState');
      return quietly(() => this.#roap?.sdpState ?? 0);
    }
    get localDescription(): unknown {
      return this.#jsep?.localDescription ?? null;
    }
    get remoteDescription(): unknown {
      return this.#jsep?.remoteDescription ?? null;
    }
    get localStreams(): readonly MediaStream[] {
      used(win, 'PeerConnection.prototype.localStreams');
      return this.#localView;
    }
    get remoteStreams(): readonly MediaStream[] {
      used(win, 'PeerConnection.prototype.remoteStreams');
      return this.#remoteView;
    }

    addStream(stream: MediaStream, hints?: unknown): void {
      if (arguments.length < 1) throw new win.TypeError('PeerConnection.addStream: 1 argument required, but only 0 present');
      const impl = this.#impl();
      if (impl) impl.addStream(stream, hints);
      else if (!(stream instanceof win.MediaStream)) throw new win.TypeError('PeerConnection.addStream: argument is not a MediaStream');
      else if (!this.#local.includes(stream)) this.#local.push(stream);
      this.#sync();
    }

    removeStream(stream: MediaStream): void {
      if (arguments.length < 1) throw new win.TypeError('PeerConnection.removeStream: 1 argument required, but only 0 present');
      const impl = this.#impl();
      if (impl) impl.removeStream(stream);
      else if (this.#local.includes(stream)) this.#local.splice(this.#local.indexOf(stream), 1);
      this.#sync();
    }

    close(): void {
      (this.#impl() ?? this.#become(this.#defaultStyle())).close();
    }
  }

  const as = PeerConnection.as;
  delete (PeerConnection as { as?: unknown }).as;
  const proto = PeerConnection.prototype as unknown as Record<string, unknown>;
  const define = (name: string, length: number, call: (pc: PeerConnection, args: unknown[]) => unknown) => {
    const fn = {
      [name](this: PeerConnection, ...args: unknown[]) {
        if (!(this instanceof PeerConnection)) throw new win.TypeError(`PeerConnection.${name}: illegal invocation`);
        return call(this, args);
      },
    }[name]!;
    Object.defineProperty(fn, 'length', { value: length });
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  };
  // The methods take the delegate's own checks (argument counts, closed), after rule 1.
  for (const name of JSEP_METHODS) {
    define(name, (Jsep.prototype as unknown as Record<string, Callback>)[name]!.length, (pc, args) => (as(pc, 'jsep', name) as unknown as Record<string, Callback>)[name]!(...args));
  }
  for (const name of ROAP_METHODS) {
    define(name, (Roap.prototype as unknown as Record<string, Callback>)[name]!.length, (pc, args) => (as(pc, 'roap', name) as unknown as Record<string, Callback>)[name]!(...args));
  }
  for (const C of [Roap, Jsep]) {
    for (const [name, value] of Object.entries(C)) {
      if (typeof value !== 'number') continue;
      Object.defineProperty(PeerConnection, name, { value, enumerable: true });
      Object.defineProperty(PeerConnection.prototype, name, { value, enumerable: true });
    }
  }
  for (const type of ALL_EVENTS) Object.defineProperty(PeerConnection.prototype, `on${type}`, eventHandlerDescriptor(type));
  classes.set(win, PeerConnection as unknown as EitherPeerConnectionConstructor);
  return PeerConnection as unknown as EitherPeerConnectionConstructor;
}

/** Replaces the 2011-only `window.PeerConnection` the wd-2011-10-27 surface installed just before. */
export const eitherPeerConnection: Surface = {
  id: 'ed-2012-03-18/peer-connection',
  drafts: ['2012-03-18'],
  collides: false,
  members: [{ name: 'window.PeerConnection', replacement: 'new RTCPeerConnection({ iceServers })', note: '2011 (ROAP) or 2012 (JSEP) by what the app calls first' }],
  detect: (win) => {
    const current = (win as { PeerConnection?: unknown }).PeerConnection;
    return typeof win.RTCPeerConnection === 'function' && (typeof current !== 'function' || current === peerConnectionClass(win));
  },
  install(ctx) {
    ctx.define(ctx.win, 'window', 'PeerConnection', { value: eitherPeerConnectionClass(ctx.win), writable: true, enumerable: false });
  },
};
