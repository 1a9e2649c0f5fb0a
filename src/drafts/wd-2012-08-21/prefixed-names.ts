import { isInterfaceObject } from '../../core/interface-objects';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

type Family = 'moz' | 'webkit';

/**
 * The prefixed interface names apps of 2012–2015 chose their code path by (adapter.js of 2013:
 * `if (navigator.mozGetUserMedia) { RTCPeerConnection = mozRTCPeerConnection; … } else if
 * (navigator.webkitGetUserMedia) { RTCPeerConnection = webkitRTCPeerConnection; … }`), each the
 * unprefixed interface of today. `webkitURL` is the 2011 object-url surface's.
 */
const NAMES: readonly { family: Family; name: string; of: keyof LegacyWindow }[] = [
  { family: 'moz', name: 'mozRTCPeerConnection', of: 'RTCPeerConnection' },
  { family: 'moz', name: 'mozRTCSessionDescription', of: 'RTCSessionDescription' },
  { family: 'moz', name: 'mozRTCIceCandidate', of: 'RTCIceCandidate' },
  { family: 'webkit', name: 'webkitRTCPeerConnection', of: 'RTCPeerConnection' },
  { family: 'webkit', name: 'webkitMediaStream', of: 'MediaStream' },
];

const missing = (win: LegacyWindow, families: { moz: boolean; webkit: boolean } = { moz: true, webkit: true }) =>
  NAMES.filter((n) => families[n.family] && !(n.name in win) && typeof win[n.of] === 'function');

/**
 * Principle 2: completed within the family the engine announces (`ctx.prefixes`), both with
 * `prefixes: 'all'`. Each name is the unprefixed interface: as it was at install, or the shim's
 * widening of it installed later (MediaStream's constructor installs last), never what the page
 * assigned to the unprefixed name since (core/interface-objects.ts: adapter.js nulls or wraps it);
 * assigning the prefixed name makes it an ordinary data property, as the engines' own names are.
 */
export const prefixedNames: Surface = {
  id: 'wd-2012-08-21/prefixed-names',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: NAMES.map((n) => ({ name: `window.${n.name}`, replacement: `window.${String(n.of)}` })),
  detect: (win) => missing(win).length > 0,
  install(ctx: InstallContext) {
    const { win } = ctx;
    for (const n of missing(win, ctx.prefixes)) {
      const name = n.name;
      let iface = win[n.of];
      ctx.define(win, 'window', name, {
        enumerable: false,
        get: () => {
          ctx.deprecated(`window.${name}`, String(n.of));
          if (isInterfaceObject(win[n.of])) iface = win[n.of];
          return iface;
        },
        set(value: unknown) {
          Object.defineProperty(win, name, { value, writable: true, enumerable: false, configurable: true });
        },
      });
    }
  },
};
