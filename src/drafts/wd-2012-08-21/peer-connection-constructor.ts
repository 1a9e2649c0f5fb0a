import { widenConstructor } from '../../core/webidl';
import { liveWindows } from '../../install/live';
import type { Era, LegacyWindow, Surface } from '../../install/types';
import { complain } from '../../install/warnings';
import { gathersNothing, hasLegacyOnlyMembers, translateConfiguration, writtenForDrafts } from './configuration';
import { recordOf } from './connection-record';

/** The eras whose apps wrote `iceTransports` (2014 ED) or `iceTransportPolicy: "none"` (2015-02 WD). */
const POLICY_ERAS: readonly Era[] = ['2012-08-21', '2013-09-10', '2015-02-10'];

/**
 * `live()` is true while the installation that registered the hook is the window's current one; `args`
 * are the constructor's arguments as the app gave them (2015-02 → 2016: the configuration's `peerIdentity`).
 */
type Hook = (pc: RTCPeerConnection, live: () => boolean, args: readonly unknown[]) => void;

/** What later surfaces want to do with every connection as it is made (one list per window and install). */
const hooks = new WeakMap<LegacyWindow, Hook[]>();

/**
 * Registers `hook` to run on every connection the (widened) constructor makes from now on; false when
 * the constructor is not widened on this window (a surface then works from the connection's state
 * when it first meets it).
 */
export function onConstruct(win: LegacyWindow, hook: Hook): boolean {
  const list = hooks.get(win);
  list?.push(hook);
  return !!list;
}

/**
 * 2012-08 WD §4.1 `new RTCPeerConnection(configuration, constraints)` with the configuration of the
 * time: `{url, credential}` servers (2012), `turn:user@host`, and the 2014 editor's draft
 * `iceTransports`. The second argument (`{optional:[{DtlsSrtpKeyAgreement:true}, {RtpDataChannels:
 * true}]}`) both engines still accept and ignore (measured: Chromium 156, Firefox 153).
 *
 * Widened without a trace for modern code: the interface object is a new function, but its
 * `prototype` IS the native prototype (so `instanceof`, subclassing and every prototype member are
 * the engine's), its statics (`generateCertificate`) are the native descriptors, its `.name`,
 * `.length` and [[Prototype]] (EventTarget) are the native ones; and a configuration today's
 * constructor takes is constructed with the same arguments. Only where today's constructor throws,
 * or would silently ignore `iceTransports`, is the configuration translated.
 */
export const peerConnectionConstructor: Surface = {
  id: 'wd-2012-08-21/peer-connection-constructor',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [
    { name: 'new RTCPeerConnection({iceServers: [{url, credential}]}, constraints)', replacement: 'new RTCPeerConnection({iceServers: [{urls, username, credential}]})' },
    {
      name: 'new RTCPeerConnection({iceTransports})',
      replacement: "new RTCPeerConnection({iceTransportPolicy: 'relay'})",
      note: "Honoured under install({ era }) of 2012-08 to 2015-02 only: today iceTransports has no effect and iceTransportPolicy 'none' throws, which web-platform-tests checks.",
    },
  ],
  detect: (win) => typeof win.RTCPeerConnection === 'function',
  install(ctx) {
    const { win } = ctx;
    const Native = win.RTCPeerConnection;
    const list: Hook[] = [];
    hooks.set(win, list);
    const live = () => liveWindows.has(win) && hooks.get(win) === list;

    // web-platform-tests RTCConfiguration-iceTransportPolicy.html: today `iceTransports` has no effect
    // and `iceTransportPolicy: "none"` throws TypeError; the drafts' meaning of both (2014 ED, 2015-02
    // WD) only under an explicit era, so the default install gives wpt the same results (issue 12).
    const policyOfDrafts = POLICY_ERAS.includes(ctx.era);
    const construct = (args: ArrayLike<unknown>, newTarget: Function): RTCPeerConnection => {
      const [given, ...rest] = Array.from(args);
      const configuration = policyOfDrafts ? given : withoutDraftPolicy(given);
      const translated = () => {
        const t = translateConfiguration(configuration);
        if (t.notes.length) complain(`new RTCPeerConnection(): ${t.notes.join('; ')}`);
        ctx.deprecated('new RTCPeerConnection({iceServers: [{url, credential}]}, constraints)', 'new RTCPeerConnection({iceServers: [{urls, username, credential}], iceTransportPolicy})');
        const pc = Reflect.construct(Native, [t.configuration, ...rest], newTarget) as RTCPeerConnection;
        // "none" gathers nothing until updateIce names another policy: the servers wait for it.
        if (gathersNothing(configuration)) {
          const aside = translateConfiguration({ ...(configuration as object), iceTransports: 'all', iceTransportPolicy: 'all' }).configuration.iceServers;
          if (aside?.length) recordOf(pc).iceServersAside = aside;
        }
        return pc;
      };
      if (hasLegacyOnlyMembers(given)) {
        if (policyOfDrafts) return translated();
        complain(`new RTCPeerConnection(): iceTransports (2014 editor's draft) has no effect today; write iceTransportPolicy, or install({ era: '2013-09-10' }) for the draft's meaning`);
      }
      try {
        return Reflect.construct(Native, args, newTarget) as RTCPeerConnection;
      } catch (e) {
        // Where the engine rejects the configuration of the time, the old meaning applies; if the
        // translation does not help either, the app gets the engine's own error. A configuration
        // written today's way keeps today's error (writtenForDrafts: web-platform-tests checks them).
        if (!writtenForDrafts(configuration, policyOfDrafts)) throw e;
        try {
          return translated();
        } catch {
          throw e;
        }
      }
    };

    const RTCPeerConnection = widenConstructor(ctx, 'RTCPeerConnection', Native, (args, newTarget) => {
      if (!live()) return Reflect.construct(Native, args, newTarget) as RTCPeerConnection;
      const pc = construct(args, newTarget);
      for (const hook of list) hook(pc, live, args);
      return pc;
    });
    // Chromium's webkitRTCPeerConnection is the same interface object: it stays the same one.
    const w = win as unknown as Record<string, unknown>;
    if (w['webkitRTCPeerConnection'] === Native) ctx.define(win, 'window', 'webkitRTCPeerConnection', { value: RTCPeerConnection, writable: true, enumerable: false });
  },
};

/** The configuration without the drafts' ICE policy (`iceTransports`), as the default install reads it. */
function withoutDraftPolicy(config: unknown): unknown {
  if (typeof config !== 'object' || config === null || !('iceTransports' in config)) return config;
  const { iceTransports: _ignored, ...rest } = config as Record<string, unknown>;
  return rest;
}
