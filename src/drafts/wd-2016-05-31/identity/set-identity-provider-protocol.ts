import type { InstallContext, Surface } from '../../../install/types';

type SetIdentityProvider = (this: RTCPeerConnection, provider: string, options?: unknown) => void;

/**
 * 2016-05-31 … 2016-09-13 WD §9.5 `setIdentityProvider(provider, optional DOMString protocol, optional
 * DOMString usernameHint)` where the engine has the 2016-11 options form only (Firefox 153: a string
 * second argument throws TypeError "can't be converted to a dictionary", measured). A string becomes
 * `{ protocol, usernameHint }`; every other call goes to the native method as it came.
 */
export const setIdentityProviderProtocol: Surface = {
  id: 'wd-2016-05-31/set-identity-provider-protocol',
  drafts: ['2016-05-31'],
  collides: false,
  members: [
    {
      name: 'RTCPeerConnection.prototype.setIdentityProvider(provider, protocol, usernameHint)',
      replacement: 'pc.setIdentityProvider(provider, { protocol, usernameHint })',
    },
  ],
  // Firefox is the only engine with identity, and its setIdentityProvider takes only the options object;
  // an engine that took the string would read it the same way, so no probe is needed.
  detect: (win) => typeof (win.RTCPeerConnection?.prototype as { setIdentityProvider?: unknown } | undefined)?.setIdentityProvider === 'function',
  install(ctx: InstallContext) {
    const proto = ctx.win.RTCPeerConnection.prototype;
    const current = (proto as unknown as { setIdentityProvider: SetIdentityProvider }).setIdentityProvider;
    const setIdentityProvider = {
      setIdentityProvider(this: RTCPeerConnection): void {
      const args = Array.from(arguments as unknown as unknown[]);
      if (typeof args[1] === 'string') {
        ctx.deprecated('RTCPeerConnection.prototype.setIdentityProvider(provider, protocol, usernameHint)', 'pc.setIdentityProvider(provider, { protocol, usernameHint })');
        const options: { protocol: string; usernameHint?: string } = { protocol: args[1] };
        if (args[2] !== undefined) options.usernameHint = String(args[2]);
        return current.call(this, args[0] as string, options);
      }
      return current.apply(this, args as [string, unknown]);
    },
    }.setIdentityProvider;
    Object.defineProperty(setIdentityProvider, 'length', { value: current.length });
    ctx.define(proto, 'RTCPeerConnection.prototype', 'setIdentityProvider', { value: setIdentityProvider, writable: true, enumerable: true });
  },
};
