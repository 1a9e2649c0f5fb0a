import { widenMethod } from '../../core/widen';
import { complain } from '../../install/warnings';
import type { InstallContext, Surface } from '../../install/types';

/** A frozen copy of each server install() was given; a server without `urls` is said and left out. */
function frozenServers(given: unknown): readonly RTCIceServer[] {
  if (given === undefined) return Object.freeze([]);
  if (!Array.isArray(given)) {
    complain('install({ defaultIceServers }) takes an array of RTCIceServer; none used');
    return Object.freeze([]);
  }
  const out: RTCIceServer[] = [];
  for (const s of given as unknown[]) {
    const server = s as Partial<RTCIceServer> | null;
    const urls = server?.urls;
    const ok = typeof urls === 'string' || (Array.isArray(urls) && urls.length > 0 && urls.every((u) => typeof u === 'string'));
    if (!ok) {
      complain(`install({ defaultIceServers }): ${JSON.stringify(s)} has no urls; left out`);
      continue;
    }
    const copy: RTCIceServer = { urls: Array.isArray(urls) ? Object.freeze([...urls]) as string[] : urls };
    if (server!.username !== undefined) copy.username = String(server!.username);
    if (server!.credential !== undefined) copy.credential = String(server!.credential);
    out.push(Object.freeze(copy));
  }
  return Object.freeze(out);
}

/**
 * 2016-01-28 … 2016-11-24 WD §4.3.2 `static readonly attribute FrozenArray<RTCIceServer> defaultIceServers`:
 * "a list of ICE servers that are configured into the browser". No engine ever exposed its own, so the
 * list is the one the page gives install() (`defaultIceServers`), empty otherwise; a connection whose
 * configuration has no `iceServers` member uses it (an explicit `iceServers: []` still means none).
 *
 * setConfiguration() fills the same member in (2016-05-31 WD: both "set a configuration").
 *
 * With servers, window.RTCPeerConnection becomes a Proxy of the current constructor that only fills
 * that member in (its name, length, prototype, statics and instanceof are the native ones); without,
 * the constructor is left alone.
 */
export const defaultIceServers: Surface = {
  id: 'wd-2016-01-28/default-ice-servers',
  drafts: ['2016-01-28', '2016-05-31', '2016-11-24'],
  collides: true,
  members: [
    {
      name: 'RTCPeerConnection.defaultIceServers',
      replacement: 'new RTCPeerConnection({ iceServers: myIceServers })',
      note: "the list comes from install({ era, defaultIceServers }); engines never exposed the browser's own",
    },
  ],
  detect: (win) => typeof win.RTCPeerConnection === 'function' && !('defaultIceServers' in win.RTCPeerConnection),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const servers = frozenServers(ctx.options.defaultIceServers);
    const Current = win.RTCPeerConnection;
    const attribute = {
      get defaultIceServers(): readonly RTCIceServer[] {
        ctx.deprecated('RTCPeerConnection.defaultIceServers', 'your own list of ICE servers');
        return servers;
      },
    };
    ctx.define(Current, 'RTCPeerConnection', 'defaultIceServers', { get: Object.getOwnPropertyDescriptor(attribute, 'defaultIceServers')!.get, enumerable: true });
    if (!servers.length) return;

    const withDefaults = (args: unknown[]): unknown[] => {
      const [config] = args;
      if (config === undefined || config === null) return [{ iceServers: servers.map((s) => ({ ...s })) }, ...args.slice(1)];
      if (typeof config !== 'object' && typeof config !== 'function') return args; // the native TypeError
      if ((config as RTCConfiguration).iceServers !== undefined) return args;
      // Inherits every other member the app gave (a dictionary is read through [[Get]]).
      const filled = Object.create(config as object, { iceServers: { value: servers.map((s) => ({ ...s })), enumerable: true } }) as object;
      return [filled, ...args.slice(1)];
    };
    const proxy: typeof Current = new Proxy(Current, {
      construct(target, args, newTarget): object {
        return Reflect.construct(target, withDefaults(args), newTarget === proxy ? target : newTarget) as object;
      },
    });
    const global = Object.getOwnPropertyDescriptor(win, 'RTCPeerConnection');
    ctx.define(win, 'window', 'RTCPeerConnection', { value: proxy, writable: global?.writable ?? true, enumerable: global?.enumerable ?? false });
    if ((win as unknown as Record<string, unknown>).webkitRTCPeerConnection === Current) {
      const webkit = Object.getOwnPropertyDescriptor(win, 'webkitRTCPeerConnection');
      ctx.define(win, 'window', 'webkitRTCPeerConnection', { value: proxy, writable: webkit?.writable ?? true, enumerable: webkit?.enumerable ?? false });
    }
    ctx.define(Current.prototype, 'RTCPeerConnection.prototype', 'constructor', { value: proxy, writable: true, enumerable: false });
    // 2016-05-31 WD §4.4.1.6: setConfiguration() "set[s] the configuration" as the constructor does, so a
    // configuration without iceServers gets the default ones there too.
    widenMethod<(this: RTCPeerConnection, c?: RTCConfiguration) => void>(ctx, Current.prototype, 'RTCPeerConnection.prototype', 'setConfiguration', (current) =>
      function (this: RTCPeerConnection) {
        return current.apply(this, withDefaults(Array.from(arguments)) as [RTCConfiguration?]);
      },
    );
  },
};
