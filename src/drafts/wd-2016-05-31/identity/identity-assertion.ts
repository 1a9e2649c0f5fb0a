import { InternalSlots } from '../../../core/internal-slots';
import type { InstallContext, Surface } from '../../../install/types';

/** 2016 WD §9.5 `[Constructor(DOMString idp, DOMString name)] interface RTCIdentityAssertion`. */
function install(ctx: InstallContext) {
  const values = new InternalSlots<object, { idp: string; name: string }>();
  const own = (self: unknown) => values.of(ctx.win, self);
  class RTCIdentityAssertion {
    constructor(idp: string, name: string) {
      if (arguments.length < 2) throw new ctx.win.TypeError(`Failed to construct 'RTCIdentityAssertion': 2 arguments required, but only ${arguments.length} present.`);
      values.set(this, { idp: String(idp), name: String(name) });
    }
    get idp(): string {
      return own(this).idp;
    }
    set idp(v: string) {
      own(this).idp = String(v);
    }
    get name(): string {
      return own(this).name;
    }
    set name(v: string) {
      own(this).name = String(v);
    }
  }
  for (const key of ['idp', 'name']) Object.defineProperty(RTCIdentityAssertion.prototype, key, { ...Object.getOwnPropertyDescriptor(RTCIdentityAssertion.prototype, key)!, enumerable: true });
  Object.defineProperty(RTCIdentityAssertion.prototype, Symbol.toStringTag, { value: 'RTCIdentityAssertion', configurable: true });
  ctx.define(ctx.win, 'window', 'RTCIdentityAssertion', { value: RTCIdentityAssertion, writable: true, enumerable: false });
}

/**
 * The interface where the window lacks it: Chromium never had identity, and Firefox 153 resolves
 * peerIdentity with a plain dictionary and exposes no RTCIdentityAssertion (measured).
 */
export const identityAssertion: Surface = {
  id: 'wd-2016-05-31/identity-assertion',
  drafts: ['2016-01-28', '2016-05-31', '2016-11-24'],
  collides: false,
  members: [{ name: 'window.RTCIdentityAssertion', replacement: '{ idp, name } (a plain object)' }],
  detect: (win) => typeof win.RTCPeerConnection === 'function' && !('RTCIdentityAssertion' in win),
  install,
};
