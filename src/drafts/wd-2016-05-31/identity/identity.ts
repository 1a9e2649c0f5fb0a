import { widenMethod } from '../../../core/widen';
import { complain } from '../../../install/warnings';
import { onConstruct } from '../../wd-2012-08-21/peer-connection-constructor';
import type { InstallContext, LegacyWindow, Surface } from '../../../install/types';
import { loadIdp, type IdpFailure } from './idp-realm';
import { assertionContents, covers, decodeIdentity, fingerprints, identityValue, withIdentity } from './identity-sdp';

interface Provider {
  readonly domain: string;
  readonly protocol: string;
  readonly usernameHint: string | undefined;
  /**
   * What generateAssertion's third argument is: the 2016-05 → 2016-09 `usernameHint` string for the
   * positional form; the 2016-11 `RTCIdentityProviderOptions` (with `peerIdentity`) for the options form,
   * as Firefox passes it.
   */
  readonly hint: string | Record<string, string> | undefined;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  settled: boolean;
}

interface IdentityState {
  provider: Provider | null;
  /** 2016 WD §9.3 "MAY store the identity assertion": the a=identity value, per provider and fingerprints. */
  stored: { key: string; value: Promise<string> } | null;
  loginUrl: string | null;
  peer: Deferred<unknown>;
  /** 2016 WD §9.4 "Only one identity validation can run at a time". */
  validating: Promise<void>;
  /** The a=identity value of the last description this connection created. */
  localIdentity: string | null;
  /** 2016 WD §4.3.2 the target peer identity given by the configuration (RTCConfiguration.peerIdentity). */
  target: string | null;
  /** The identity validated first; once there, a target peer identity too ("previously authenticated"). */
  verified: string | null;
}

/** What setRemoteDescription learns from a validation it awaits. */
type Outcome = { ok: true } | { ok: false; mismatch: boolean; message: string };

type Method = (this: RTCPeerConnection, ...args: unknown[]) => unknown;
type Getter<T> = (this: RTCPeerConnection) => T;

function deferred<T>(): Deferred<T> {
  const d = { settled: false } as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => {
    d.resolve = (v) => ((d.settled = true), resolve(v));
    d.reject = (e) => ((d.settled = true), reject(e));
  });
  // An app that never reads peerIdentity must not see an unhandled rejection (principle 5).
  d.promise.catch(() => {});
  return d;
}

/** UTF-8 safe base64 of a JSON text (an assertion may carry any characters). */
const base64 = (win: LegacyWindow, text: string) => win.btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const unbase64 = (win: LegacyWindow) => (b64: string) => new TextDecoder().decode(Uint8Array.from(win.atob(b64), (c) => c.charCodeAt(0)));

/** 2016 WD §4.3.2 `setIdentityProvider(provider, protocol, usernameHint)`; 2016-11 and Firefox: an options object. */
function readProvider(args: IArguments): Provider {
  const domain = String(args[0]);
  const second = args[1] as unknown;
  if (second !== null && typeof second === 'object') {
    const o = second as { protocol?: unknown; usernameHint?: unknown; peerIdentity?: unknown };
    const protocol = o.protocol === undefined ? 'default' : String(o.protocol);
    const usernameHint = o.usernameHint === undefined ? undefined : String(o.usernameHint);
    // 2016-11 WD `GenerateAssertionCallback(contents, origin, RTCIdentityProviderOptions options)`.
    const hint: Record<string, string> = { protocol };
    if (usernameHint !== undefined) hint['usernameHint'] = usernameHint;
    if (o.peerIdentity !== undefined) hint['peerIdentity'] = String(o.peerIdentity);
    return { domain, protocol, usernameHint, hint };
  }
  const usernameHint = args[2] === undefined ? undefined : String(args[2]);
  return { domain, protocol: second === undefined ? 'default' : String(second), usernameHint, hint: usernameHint };
}

/**
 * 2016-01-28 … 2016-11-24 WD §9 Identity, where the engine has none (Chromium never had it): setIdentityProvider,
 * getIdentityAssertion, the promise `peerIdentity`, `idpLoginUrl`; offers and answers carry `a=identity`
 * bound to the connection's DTLS fingerprints, and a remote description's assertion is validated by its
 * IdP, its contents compared with every a=fingerprint, and the identity's domain with the IdP's (without
 * its port, as Firefox 153 does). The IdP proxy runs in a sandboxed frame (idp-realm.ts).
 *
 * Errors as the 2016 drafts name them: an IdP that cannot produce an assertion rejects createOffer /
 * createAnswer / getIdentityAssertion with NotReadableError; a failed validation rejects peerIdentity with
 * OperationError (Firefox 153 names both "IdpError"). Without a provider every call passes straight through.
 *
 * The `peerIdentity` configuration member (2015-02 → 2016), the target peer identity, or the identity
 * validated first: setRemoteDescription then awaits the validation and applies the description only for
 * that identity; a failed validation rejects it with OperationError, another identity with
 * InvalidModificationError and closes the connection (2016 WD §4.3.2). Firefox 153 rejects both with
 * OperationError and leaves the connection open (measured).
 *
 * Not done by a script: isolating media for the `peerIdentity` constraint (getUserMedia) and the
 * `isolated` track state — a page can read and forward any track it holds, so the shim cannot keep media
 * from the application; the target peer identity only decides which far side the connection accepts.
 */
export const identity2016: Surface = {
  id: 'wd-2016-05-31/identity',
  drafts: ['2016-01-28', '2016-05-31', '2016-11-24'],
  collides: false,
  members: [
    { name: 'RTCPeerConnection.prototype.setIdentityProvider', replacement: 'sign the DTLS fingerprint on your own server and compare it in the app', note: 'Chromium never shipped identity' },
    { name: 'RTCPeerConnection.prototype.getIdentityAssertion', replacement: 'none: ask your IdP yourself' },
    { name: 'RTCPeerConnection.prototype.peerIdentity', replacement: 'none: verify the far side through your signaling server' },
    { name: 'RTCPeerConnection.prototype.idpLoginUrl', replacement: 'none' },
    {
      name: 'new RTCPeerConnection({peerIdentity})',
      replacement: "verify the far side's identity on your signaling server before setRemoteDescription()",
      note: 'no media isolation: a script cannot keep a track from the page',
    },
  ],
  detect: (win) => typeof win.RTCPeerConnection === 'function' && !('setIdentityProvider' in win.RTCPeerConnection.prototype),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.RTCPeerConnection.prototype;
    const signalingState = Object.getOwnPropertyDescriptor(proto, 'signalingState')!.get as Getter<RTCSignalingState>;
    const native = {
      createOffer: proto.createOffer as unknown as Method,
      createAnswer: proto.createAnswer as unknown as Method,
      setRemoteDescription: proto.setRemoteDescription as unknown as Method,
    };
    const states = new WeakMap<RTCPeerConnection, IdentityState>();
    const state = (pc: RTCPeerConnection): IdentityState => {
      signalingState.call(pc); // brand check: the native TypeError for a wrong `this`
      let s = states.get(pc);
      if (!s) {
        s = { provider: null, stored: null, loginUrl: null, peer: deferred(), validating: Promise.resolve(), localIdentity: null, target: null, verified: null };
        states.set(pc, s);
      }
      return s;
    };
    const error = (name: string, message: string) => new win.DOMException(message, name);

    /** 2016 WD §9.3 steps 1–5: the a=identity value for `sdp`'s fingerprints, or the IdP's failure. */
    const assertionFor = (pc: RTCPeerConnection, sdp: string): Promise<string> => {
      const s = state(pc);
      const provider = s.provider;
      if (!provider) return Promise.reject(error('InvalidStateError', 'no identity provider: call setIdentityProvider() first'));
      const contents = assertionContents(sdp);
      const key = JSON.stringify([provider, contents]);
      if (s.stored?.key === key) return s.stored.value;
      if (!fingerprints(sdp).length) return Promise.reject(error('NotReadableError', 'no DTLS fingerprint to assert yet (add a track or a transceiver first)'));
      const value = loadIdp(win, provider.domain, provider.protocol).then((idp) =>
        idp.generate(contents, win.location.origin, provider.hint).finally(idp.dispose).then((result) => {
          const r = result as { idp?: { domain?: unknown; protocol?: unknown }; assertion?: unknown } | null;
          if (typeof r?.idp?.domain !== 'string' || typeof r.assertion !== 'string') {
            throw { name: 'OperationError', message: 'the IdP generated an invalid assertion (no idp.domain or assertion string)' } satisfies IdpFailure;
          }
          const idp = { domain: r.idp.domain, protocol: typeof r.idp.protocol === 'string' ? r.idp.protocol : 'default' };
          return base64(win, JSON.stringify({ idp, assertion: r.assertion }));
        }),
      );
      const stored = { key, value };
      s.stored = stored;
      return value.catch((failure: IdpFailure) => {
        if (s.stored === stored) s.stored = null;
        // 2016 WD §9.3.1: an IdpLoginError's loginUrl is the app's idpLoginUrl.
        if (failure?.name === 'IdpLoginError' && typeof failure.loginUrl === 'string') s.loginUrl = failure.loginUrl;
        throw error('NotReadableError', `identity assertion failed: ${failure?.name ?? 'Error'}: ${failure?.message ?? failure}`);
      });
    };

    /** The description `created` with the assertion added (createOffer/createAnswer with a provider). */
    const asserted = (pc: RTCPeerConnection, created: Promise<unknown>) =>
      created.then((d) => {
        const desc = d as RTCSessionDescriptionInit;
        return assertionFor(pc, desc.sdp ?? '').then((value) => {
          state(pc).localIdentity = value;
          const init = { type: desc.type, sdp: withIdentity(desc.sdp ?? '', value) };
          return desc instanceof win.RTCSessionDescription ? new win.RTCSessionDescription(init) : init;
        });
      });

    const widenCreate = (name: 'createOffer' | 'createAnswer') => {
      const current = native[name];
      const methods = {
        [name](this: RTCPeerConnection): unknown {
          const s = states.get(this);
          if (!s?.provider) return current.apply(this, arguments as unknown as unknown[]);
          const [success, failure, options] = arguments as unknown as [unknown, unknown, unknown];
          if (typeof success === 'function') {
            // The legacy callback form, kept by every draft since 2013.
            asserted(this, current.call(this, options) as Promise<unknown>).then(
              (d) => (success as (d: unknown) => void)(d),
              (e) => typeof failure === 'function' && (failure as (e: unknown) => void)(e),
            );
            return Promise.resolve();
          }
          return asserted(this, current.apply(this, arguments as unknown as unknown[]) as Promise<unknown>);
        },
      };
      Object.defineProperty(methods[name], 'length', { value: current.length });
      ctx.define(proto, 'RTCPeerConnection.prototype', name, { value: methods[name], writable: true, enumerable: true });
    };
    widenCreate('createOffer');
    widenCreate('createAnswer');

    // Today's engines keep only what they parse: a local description read back gets its assertion again.
    const readBack = new WeakMap<object, RTCSessionDescription>();
    for (const name of ['localDescription', 'currentLocalDescription', 'pendingLocalDescription'] as const) {
      const get = Object.getOwnPropertyDescriptor(proto, name)?.get as Getter<RTCSessionDescription | null> | undefined;
      if (!get) continue;
      const holder = {
        get [name](): RTCSessionDescription | null {
          const d = get.call(this as unknown as RTCPeerConnection);
          const value = states.get(this as unknown as RTCPeerConnection)?.localIdentity;
          if (!d || !value || identityValue(d.sdp) !== null) return d;
          let copy = readBack.get(d);
          if (!copy) readBack.set(d, (copy = new win.RTCSessionDescription({ type: d.type, sdp: withIdentity(d.sdp, value) })));
          return copy;
        },
      };
      ctx.define(proto, 'RTCPeerConnection.prototype', name, { get: Object.getOwnPropertyDescriptor(holder, name)!.get, enumerable: true });
    }

    /** The peer's identity, or why not: 2016 WD §9.4 steps 2–7 (an IdpFailure is thrown). */
    const check = async (value: string | null, sdp: string): Promise<{ idp: string; name: string }> => {
      if (value === null) throw { name: 'OperationError', message: 'the description has no a=identity: the far side asserted no identity' };
      const decoded = decodeIdentity(value, unbase64(win));
      if (!decoded) throw { name: 'OperationError', message: 'a=identity is not base64 JSON with idp.domain and assertion' };
      const idp = await loadIdp(win, decoded.idp.domain, decoded.idp.protocol ?? 'default');
      const result = (await idp.validate(decoded.assertion, win.location.origin).finally(idp.dispose)) as { identity?: unknown; contents?: unknown } | null;
      if (typeof result?.identity !== 'string' || typeof result.contents !== 'string') {
        throw { name: 'OperationError', message: 'the IdP validated the assertion without identity and contents strings' };
      }
      let contents: unknown;
      try {
        contents = JSON.parse(result.contents);
      } catch {
        throw { name: 'OperationError', message: 'the validated contents are not JSON' };
      }
      if (!covers(contents, sdp)) throw { name: 'OperationError', message: 'the assertion does not cover every a=fingerprint of the description' };
      // RTCWEB-SECURITY-ARCH §7.6: the identity's domain is the IdP's (Firefox 153 compares it without the port).
      const at = result.identity.lastIndexOf('@');
      const idpHost = decoded.idp.domain.replace(/:\d+$/, '');
      if (at < 0 || result.identity.slice(at + 1) !== idpHost) {
        throw { name: 'OperationError', message: `the identity ${result.identity} is not of the IdP's domain ${idpHost}` };
      }
      return { idp: decoded.idp.domain, name: result.identity };
    };

    /**
     * 2016 WD §9.4: validate a remote description's assertion, one validation at a time; peerIdentity
     * resolves, or is rejected (and replaced by a new pending promise only while there is no target peer
     * identity). The outcome is what setRemoteDescription needs when it awaits the validation.
     */
    const validate = (pc: RTCPeerConnection, value: string | null, sdp: string): Promise<Outcome> => {
      const s = state(pc);
      const run = async (): Promise<Outcome> => {
        const target = s.target ?? s.verified;
        if (!target && s.peer.settled) return { ok: true };
        let peer: { idp: string; name: string };
        try {
          peer = await check(value, sdp);
        } catch (e) {
          const failure = e as IdpFailure;
          fail(s, !!target, `identity validation failed: ${failure?.message ?? failure}`);
          return { ok: false, mismatch: false, message: failure?.message ?? String(failure) };
        }
        if (target && peer.name !== target) {
          fail(s, true, `Peer Identity mismatch, expected: ${target}`);
          return { ok: false, mismatch: true, message: `the far side is ${peer.name}, not the target peer identity ${target}` };
        }
        s.verified = peer.name;
        // An RTCIdentityAssertion where the window has the interface (identity-assertion.ts installs it first).
        const Assertion = (win as unknown as { RTCIdentityAssertion?: new (idp: string, name: string) => object }).RTCIdentityAssertion;
        if (!s.peer.settled) s.peer.resolve(Assertion ? new Assertion(peer.idp, peer.name) : { idp: peer.idp, name: peer.name });
        return { ok: true };
      };
      const outcome = s.validating.then(run);
      s.validating = outcome.then(() => {});
      return outcome;
    };
    const fail = (s: IdentityState, targeted: boolean, message: string) => {
      complain(`peerIdentity rejected: ${message}`);
      if (s.peer.settled) return;
      const rejected = s.peer;
      // "If the promise is rejected, a new unresolved value is created, unless … a target peer identity has been established."
      if (!targeted) s.peer = deferred();
      rejected.reject(error('OperationError', message));
    };

    const srd = native.setRemoteDescription;
    const setRemoteDescription = {
      setRemoteDescription(this: RTCPeerConnection): unknown {
        const s = states.get(this);
        const given = arguments[0] as RTCSessionDescriptionInit | undefined;
        const sdp = given !== null && typeof given === 'object' ? given.sdp : undefined;
        const targeted = !!(s && (s.target ?? s.verified)) && typeof sdp === 'string' && given!.type !== 'rollback' && signalingState.call(this) !== 'closed';
        if (!targeted) {
          const result = srd.apply(this, arguments as unknown as unknown[]);
          const value = typeof sdp === 'string' ? identityValue(sdp) : null;
          if (value !== null && result instanceof win.Promise) result.then(() => void validate(this, value, sdp!), () => {});
          return result;
        }
        // 2016 WD §4.3.2 setRemoteDescription: with a target peer identity the operation awaits the
        // validation; the description is applied only for the target, so a failure changes no state.
        const pc = this;
        const rest = Array.prototype.slice.call(arguments, 1) as unknown[];
        const callbacks = typeof rest[0] === 'function' ? (rest.splice(0, 2) as [(() => void), ((e: unknown) => void) | undefined]) : null;
        const done = validate(pc, identityValue(sdp!), sdp!).then((o) => {
          if (o.ok) return srd.call(pc, given, ...rest) as Promise<void>;
          if (!o.mismatch) throw error('OperationError', `identity validation failed: ${o.message}`);
          // "The target peer identity cannot be changed once set … reject … with InvalidModificationError";
          // "The RTCPeerConnection MUST be closed if the validated peer identity does not match."
          pc.close();
          throw error('InvalidModificationError', o.message);
        });
        if (!callbacks) return done;
        return done.then(() => callbacks[0](), (e) => typeof callbacks[1] === 'function' && callbacks[1](e)).then(() => undefined);
      },
    }.setRemoteDescription;
    Object.defineProperty(setRemoteDescription, 'length', { value: srd.length });
    ctx.define(proto, 'RTCPeerConnection.prototype', 'setRemoteDescription', { value: setRemoteDescription, writable: true, enumerable: true });

    // 2015-02 → 2016 RTCConfiguration.peerIdentity, the target peer identity: read where the app gives it
    // (the widened constructor, wd-2012-08-21), listed by getConfiguration(), fixed for setConfiguration().
    onConstruct(win, (pc, live, args) => {
      const given = (args[0] as { peerIdentity?: unknown } | null | undefined)?.peerIdentity;
      if (live() && given !== undefined) state(pc).target = String(given);
    });
    widenMethod<(this: RTCPeerConnection) => RTCConfiguration>(ctx, proto, 'RTCPeerConnection.prototype', 'getConfiguration', (current) =>
      function (this: RTCPeerConnection) {
        const config = current.apply(this, arguments as unknown as []);
        const target = states.get(this)?.target;
        return target == null ? config : { ...config, peerIdentity: target };
      },
    );
    widenMethod<(this: RTCPeerConnection, c?: RTCConfiguration) => void>(ctx, proto, 'RTCPeerConnection.prototype', 'setConfiguration', (current) =>
      function (this: RTCPeerConnection) {
        const given = (arguments[0] as { peerIdentity?: unknown } | null | undefined)?.peerIdentity;
        const s = states.get(this);
        const target = s ? s.target ?? s.verified : null;
        if (given !== undefined && signalingState.call(this) !== 'closed') {
          // 2016 WD §4.4.1.6 set a configuration: "configuration.peerIdentity is set and its value differs
          // from the target peer identity, throw an InvalidModificationError" (after the closed check);
          // none yet differs from any value too (Firefox 153 alike, measured).
          if (String(given) !== target) throw error('InvalidModificationError', `the target peer identity is ${target ?? 'not set'}; it is given at construction and cannot change`);
        }
        return current.apply(this, arguments as unknown as []);
      },
    );

    const members = {
      setIdentityProvider(this: RTCPeerConnection, provider: string): void {
        const s = state(this);
        if (arguments.length < 1) throw new TypeError("Failed to execute 'setIdentityProvider' on 'RTCPeerConnection': 1 argument required, but only 0 present.");
        if (signalingState.call(this) === 'closed') throw error('InvalidStateError', 'The RTCPeerConnection is closed.');
        ctx.deprecated('RTCPeerConnection.prototype.setIdentityProvider', 'your own identity check');
        void provider;
        const next = readProvider(arguments);
        // "If any identity provider value has changed, discard any stored identity assertion."
        if (JSON.stringify(next) !== JSON.stringify(s.provider)) s.stored = null;
        s.provider = next;
      },
      getIdentityAssertion(this: RTCPeerConnection): Promise<string> {
        let s: IdentityState;
        try {
          s = state(this);
        } catch (e) {
          return Promise.reject(e);
        }
        if (signalingState.call(this) === 'closed') return Promise.reject(error('InvalidStateError', 'The RTCPeerConnection is closed.'));
        if (!s.provider) return Promise.reject(error('InvalidStateError', 'no identity provider: call setIdentityProvider() first'));
        // The fingerprints come from a description the engine makes now (createOffer/createAnswer change no state).
        const make = signalingState.call(this) === 'have-remote-offer' ? native.createAnswer : native.createOffer;
        return (make.call(this) as Promise<RTCSessionDescriptionInit>).then((d) => assertionFor(this, d.sdp ?? ''));
      },
      get peerIdentity(): Promise<unknown> {
        return state(this as unknown as RTCPeerConnection).peer.promise;
      },
      get idpLoginUrl(): string | null {
        return state(this as unknown as RTCPeerConnection).loginUrl;
      },
    };
    for (const name of ['setIdentityProvider', 'getIdentityAssertion'] as const) {
      ctx.define(proto, 'RTCPeerConnection.prototype', name, { value: members[name], writable: true, enumerable: true });
    }
    for (const name of ['peerIdentity', 'idpLoginUrl'] as const) {
      ctx.define(proto, 'RTCPeerConnection.prototype', name, { get: Object.getOwnPropertyDescriptor(members, name)!.get, enumerable: true });
    }
  },
};
