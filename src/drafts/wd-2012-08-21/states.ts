import { defineEventHandler, eventHandlerDescriptor } from '../../core/event-handler';
import { brandCheck } from '../../core/widen';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { complain } from '../../install/warnings';
import { gathersNothing, translateConfiguration } from './configuration';
import { recordOf } from './connection-record';
import { isLegacyConstraints, translateOfferConstraints } from './offer-constraints';
import { onConstruct } from './peer-connection-constructor';
import { iceState, peerState, type NativeStates } from './peer-states';

const P = 'RTCPeerConnection.prototype';
const NAMES = ['readyState', 'iceState', 'onstatechange', 'onicechange', 'onopen', 'onnegotationneeded', 'updateIce'] as const;

const missing = (win: LegacyWindow) =>
  typeof win.RTCPeerConnection === 'function' ? NAMES.filter((n) => !(n in win.RTCPeerConnection.prototype)) : [];

function natives(pc: RTCPeerConnection): NativeStates {
  const signalingState = pc.signalingState;
  return {
    signalingState,
    iceConnectionState: pc.iceConnectionState,
    iceGatheringState: pc.iceGatheringState,
    // Firefox throws on the descriptions of a closed connection.
    described: signalingState !== 'closed' && !!(pc.localDescription || pc.remoteDescription),
    wasActive: recordOf(pc).active,
  };
}

function readyStateOf(pc: RTCPeerConnection): string {
  const state = peerState(natives(pc));
  if (state === 'active') recordOf(pc).active = true;
  return state;
}

/**
 * 2012-08 WD §4.3.1–4.3.3: `readyState`, `iceState`, `onstatechange`, `onicechange`, `onopen`,
 * `onnegotationneeded` (the draft's spelling, beside today's `onnegotiationneeded`) and `updateIce`.
 * Both states are derived from the native ones when read (peer-states.ts); their events come from
 * the native state events of each connection the constructor makes, once per change, in order.
 */
export const states: Surface = {
  id: 'wd-2012-08-21/states',
  drafts: ['2012-08-21'],
  collides: false,
  members: [
    { name: 'RTCPeerConnection.prototype.readyState', replacement: 'pc.connectionState / pc.signalingState' },
    { name: 'RTCPeerConnection.prototype.iceState', replacement: 'pc.iceConnectionState / pc.iceGatheringState' },
    { name: 'RTCPeerConnection.prototype.onstatechange', replacement: 'pc.onconnectionstatechange' },
    { name: 'RTCPeerConnection.prototype.onicechange', replacement: 'pc.oniceconnectionstatechange' },
    { name: 'RTCPeerConnection.prototype.onopen', replacement: "pc.onconnectionstatechange = () => pc.connectionState === 'connected' && …" },
    { name: 'RTCPeerConnection.prototype.onnegotationneeded', replacement: 'pc.onnegotiationneeded' },
    { name: 'RTCPeerConnection.prototype.updateIce(configuration, constraints, restart)', replacement: 'pc.setConfiguration(configuration); pc.restartIce()' },
  ],
  detect: (win) => missing(win).length > 0,
  install(ctx: InstallContext) {
    const { win } = ctx;
    const todo = new Set(missing(win));
    const proto = win.RTCPeerConnection.prototype;
    const check = brandCheck(win, proto, 'signalingState', 'RTCPeerConnection');
    const attribute = (name: 'readyState' | 'iceState', read: (pc: RTCPeerConnection) => string) => {
      if (!todo.has(name)) return;
      ctx.define(proto, P, name, {
        enumerable: true,
        get(this: RTCPeerConnection) {
          check(this, name);
          ctx.deprecated(`RTCPeerConnection.prototype.${name}`, name === 'readyState' ? 'pc.connectionState' : 'pc.iceConnectionState');
          return read(this);
        },
      });
    };
    attribute('readyState', readyStateOf);
    attribute('iceState', (pc) => iceState(natives(pc)));
    for (const type of ['statechange', 'icechange', 'open'] as const) if (todo.has(`on${type}`)) defineEventHandler(ctx, proto, P, type);
    if (todo.has('onnegotationneeded')) ctx.define(proto, P, 'onnegotationneeded', eventHandlerDescriptor('negotiationneeded', undefined, { name: 'onnegotationneeded' }));

    // The events, from the native state events of every connection made from now on.
    onConstruct(win, (pc, live) => {
      const r = recordOf(pc);
      r.readyState = readyStateOf(pc);
      r.iceState = iceState(natives(pc));
      const changed = () => {
        if (!live()) return;
        const ready = readyStateOf(pc);
        const ice = iceState(natives(pc));
        if (ice !== r.iceState) {
          r.iceState = ice;
          pc.dispatchEvent(new win.Event('icechange'));
        }
        if (ready !== r.readyState) {
          r.readyState = ready;
          pc.dispatchEvent(new win.Event('statechange'));
          if (ready === 'active') pc.dispatchEvent(new win.Event('open'));
        }
      };
      for (const type of ['signalingstatechange', 'iceconnectionstatechange', 'icegatheringstatechange']) pc.addEventListener(type, changed);
    });

    if (todo.has('updateIce')) {
      ctx.define(proto, P, 'updateIce', {
        writable: true,
        enumerable: true,
        value: {
          /**
           * 2012-08 WD §4.3.2 updateIce(configuration, constraints, restart): new servers or policy
           * for the ICE agent, and with `restart` (or the IceRestart constraint) new credentials;
           * the app then offers again, as it did in 2012.
           */
          updateIce(this: RTCPeerConnection, configuration?: unknown, constraints?: unknown, restart?: unknown): void {
            check(this, 'updateIce');
            ctx.deprecated('RTCPeerConnection.prototype.updateIce(configuration, constraints, restart)', 'pc.setConfiguration(configuration); pc.restartIce()');
            const r = recordOf(this);
            if (configuration !== undefined && configuration !== null) {
              const t = translateConfiguration(configuration);
              if (t.notes.length) complain(`RTCPeerConnection.updateIce: ${t.notes.join('; ')}`);
              const next: RTCConfiguration = { ...this.getConfiguration(), ...t.configuration };
              const given = (configuration as { iceServers?: unknown }).iceServers !== undefined;
              const c = configuration as { iceTransports?: unknown; iceTransportPolicy?: unknown };
              if (gathersNothing(c)) r.iceServersAside = given ? translateConfiguration({ ...c, iceTransports: 'all', iceTransportPolicy: 'all' }).configuration.iceServers : this.getConfiguration().iceServers;
              else if ((c.iceTransports ?? c.iceTransportPolicy) !== undefined && !given && r.iceServersAside) {
                next.iceServers = r.iceServersAside;
                r.iceServersAside = undefined;
              }
              this.setConfiguration(next);
            }
            let again = restart === true;
            if (isLegacyConstraints(constraints)) again ||= translateOfferConstraints(constraints).options?.iceRestart === true;
            if (again) this.restartIce();
          },
        }.updateIce,
      });
    }
  },
};

