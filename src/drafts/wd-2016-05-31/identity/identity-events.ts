import { defineEventHandler } from '../../../core/event-handler';
import { queueTask } from '../../../core/task';
import { brandCheck } from '../../../core/widen';
import type { InstallContext, Surface } from '../../../install/types';
import { decodeIdentity, identityValue } from './identity-sdp';

type Method = (this: RTCPeerConnection, ...args: unknown[]) => unknown;
interface Identity2016 {
  setIdentityProvider: Method;
  getIdentityAssertion: (this: RTCPeerConnection) => Promise<string>;
}

/**
 * The 2013-09-10 and 2015-02-10 WD identity shape, over the 2016 one the window has (Firefox's own, or
 * identity.ts in Chromium): `getIdentityAssertion()` returns nothing and answers with an `identityresult`
 * event (RTCIdentityEvent: `assertion`) or, 2015, `idpassertionerror` (RTCIdentityErrorEvent: `idp`,
 * `protocol`, `loginUrl`); `peerIdentity` is an `RTCIdentityAssertion?` attribute, null until a remote
 * description's assertion is validated, then 2015's `peeridentity` event (`idpvalidationerror` when it is
 * not). `peerIdentity` and getIdentityAssertion()'s result mean something else today (a promise), so this
 * comes only with era '2013-09-10' or '2015-02-10'. The events are queued tasks; their interfaces were
 * [NoInterfaceObject], so they are Events with those attributes.
 */
export const identityEvents: Surface = {
  id: 'wd-2016-05-31/identity-events-2013',
  drafts: ['2013-09-10', '2015-02-10'],
  collides: true,
  members: [
    { name: 'RTCPeerConnection.prototype.onidentityresult', replacement: 'pc.getIdentityAssertion().then(...)' },
    { name: 'RTCPeerConnection.prototype.peerIdentity (an attribute)', replacement: 'await pc.peerIdentity' },
    { name: 'RTCPeerConnection.prototype.onpeeridentity', replacement: 'pc.peerIdentity.then(...)' },
    { name: 'RTCPeerConnection.prototype.onidpassertionerror', replacement: 'pc.getIdentityAssertion().catch(...)' },
    { name: 'RTCPeerConnection.prototype.onidpvalidationerror', replacement: 'pc.peerIdentity.catch(...)' },
  ],
  detect: (win) => typeof (win.RTCPeerConnection?.prototype as Partial<Identity2016> | undefined)?.getIdentityAssertion === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.RTCPeerConnection.prototype as RTCPeerConnection & Identity2016;
    const current: Identity2016 = { setIdentityProvider: proto.setIdentityProvider, getIdentityAssertion: proto.getIdentityAssertion };
    const peerIdentity2016 = Object.getOwnPropertyDescriptor(proto, 'peerIdentity')!.get as (this: RTCPeerConnection) => Promise<{ idp: string; name: string }>;
    const idpLoginUrl = Object.getOwnPropertyDescriptor(proto, 'idpLoginUrl')?.get as ((this: RTCPeerConnection) => string | null) | undefined;
    const srd = proto.setRemoteDescription as unknown as Method;
    // Through a getter that throws (signalingState): the promise-typed peerIdentity only rejects.
    const check = brandCheck(win, proto, 'signalingState', 'RTCPeerConnection');
    const providers = new WeakMap<RTCPeerConnection, { idp: string; protocol: string }>();
    const peers = new WeakMap<RTCPeerConnection, object>();

    const fire = (pc: RTCPeerConnection, type: string, fields: Record<string, unknown>) =>
      queueTask(win, () => {
        const event = new win.Event(type);
        for (const [k, v] of Object.entries(fields)) Object.defineProperty(event, k, { value: v, enumerable: true });
        pc.dispatchEvent(event);
      });

    const methods = {
      setIdentityProvider(this: RTCPeerConnection): void {
        current.setIdentityProvider.apply(this, arguments as unknown as unknown[]);
        const second = arguments[1] as unknown;
        const protocol = second && typeof second === 'object' ? (second as { protocol?: string }).protocol : (second as string | undefined);
        providers.set(this, { idp: String(arguments[0]), protocol: protocol === undefined ? 'default' : String(protocol) });
      },
      getIdentityAssertion(this: RTCPeerConnection): void {
        // A void operation of the time: a wrong `this` throws TypeError first (idlharness), rather than
        // an event fired at a non-connection later.
        check(this, 'getIdentityAssertion');
        const pc = this;
        ctx.deprecated('RTCPeerConnection.prototype.onidentityresult', 'await pc.getIdentityAssertion()');
        current.getIdentityAssertion.call(pc).then(
          (assertion) => fire(pc, 'identityresult', { assertion }),
          () => fire(pc, 'idpassertionerror', { ...(providers.get(pc) ?? { idp: '', protocol: '' }), loginUrl: idpLoginUrl?.call(pc) ?? null }),
        );
      },
      get peerIdentity(): object | null {
        check(this, 'peerIdentity');
        return peers.get(this as unknown as RTCPeerConnection) ?? null;
      },
    };
    const setRemoteDescription = {
      setRemoteDescription(this: RTCPeerConnection): unknown {
      // The 2016 promise this description's validation will settle (read first: Firefox may finish
      // validating before setRemoteDescription resolves, and a rejected promise is replaced by a new one).
      let pending: Promise<{ idp: string; name: string }> | null = null;
      try {
        pending = peerIdentity2016.call(this);
      } catch {
        // A wrong `this`: the native method gives its own answer below.
      }
      const result = srd.apply(this, arguments as unknown as unknown[]);
      const sdp = (arguments[0] as RTCSessionDescriptionInit | undefined)?.sdp;
      const value = typeof sdp === 'string' ? identityValue(sdp) : null;
      if (value !== null && pending && result instanceof win.Promise) {
        const pc = this;
        const settled = pending;
        const idp = decodeIdentity(value, (s) => win.atob(s))?.idp;
        const failed = () => fire(pc, 'idpvalidationerror', { idp: idp?.domain ?? '', protocol: idp?.protocol ?? 'default', loginUrl: null });
        result.then(() => {
          settled.then((who) => {
            if (peers.has(pc)) return;
            const Assertion = (win as unknown as { RTCIdentityAssertion?: new (idp: string, name: string) => object }).RTCIdentityAssertion;
            peers.set(pc, Assertion ? new Assertion(who.idp, who.name) : { idp: who.idp, name: who.name });
            fire(pc, 'peeridentity', {});
          }, failed);
        }, () => {});
      }
      return result;
    },
    }.setRemoteDescription;
    Object.defineProperty(setRemoteDescription, 'length', { value: srd.length });
    for (const name of ['setIdentityProvider', 'getIdentityAssertion'] as const) {
      Object.defineProperty(methods[name], 'length', { value: current[name].length });
      ctx.define(proto, 'RTCPeerConnection.prototype', name, { value: methods[name], writable: true, enumerable: true });
    }
    ctx.define(proto, 'RTCPeerConnection.prototype', 'setRemoteDescription', { value: setRemoteDescription, writable: true, enumerable: true });
    ctx.define(proto, 'RTCPeerConnection.prototype', 'peerIdentity', { get: Object.getOwnPropertyDescriptor(methods, 'peerIdentity')!.get, enumerable: true });
    defineEventHandler(ctx, proto, 'RTCPeerConnection.prototype', 'identityresult');
    if (ctx.era === '2015-02-10') {
      for (const type of ['peeridentity', 'idpassertionerror', 'idpvalidationerror']) defineEventHandler(ctx, proto, 'RTCPeerConnection.prototype', type);
    }
  },
};
