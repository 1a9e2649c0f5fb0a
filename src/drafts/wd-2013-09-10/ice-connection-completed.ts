import { brandCheck } from '../../core/brand';
import { eventHandlerDescriptor } from '../../core/event-handler';
import { liveWindows } from '../../install/live';
import type { InstallContext, Surface } from '../../install/types';
import { onConstruct } from '../wd-2012-08-21/peer-connection-constructor';
import { recordOf } from '../wd-2012-08-21/connection-record';
import { iceConnectionStateOfTheTime } from '../wd-2012-08-21/peer-states';

const P = 'RTCPeerConnection.prototype';

/**
 * 2013-09 WD §4.3.1 `iceConnectionState` `completed`: "the ICE Agent has finished gathering and
 * checking and found a connection for all components". The engines of 2013–2015 reported it and the
 * tests of 2015 wait for it; today's stop at `connected`. A different value of a live name, so only
 * under an era of those drafts (collides): `connected` with gathering complete reads `completed`,
 * announced by an `iceconnectionstatechange` when gathering completes after the connection.
 */
export const iceConnectionCompleted: Surface = {
  id: 'wd-2013-09-10/ice-connection-completed',
  drafts: ['2013-09-10', '2015-02-10'],
  collides: true,
  members: [{ name: 'RTCPeerConnection.prototype.iceConnectionState "completed"', replacement: "pc.iceConnectionState === 'connected' && pc.iceGatheringState === 'complete'" }],
  detect: (win) => typeof win.RTCPeerConnection === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.RTCPeerConnection.prototype;
    const own = Object.getOwnPropertyDescriptor(proto, 'iceConnectionState')!;
    const nativeGet = own.get as (this: RTCPeerConnection) => string;
    ctx.define(proto, P, 'iceConnectionState', {
      enumerable: own.enumerable,
      get(this: RTCPeerConnection) {
        const native = nativeGet.call(this);
        return liveWindows.has(win) ? iceConnectionStateOfTheTime(native, this.iceGatheringState) : native;
      },
    });
    // Firefox 153 runs its own handler attributes only for the engine's events (measured with
    // addstream), so the shim's iceconnectionstatechange needs a handler attribute that listens.
    // The native attribute's brand check stays (idlharness: a wrong `this` throws TypeError).
    const brand = brandCheck(Object.getOwnPropertyDescriptor(proto, 'oniceconnectionstatechange')?.get);
    ctx.define(proto, P, 'oniceconnectionstatechange', eventHandlerDescriptor('iceconnectionstatechange', undefined, { brand }));
    onConstruct(win, (pc, live) => {
      const r = recordOf(pc);
      r.iceConnectionState = pc.iceConnectionState;
      const seen = () => (r.iceConnectionState = pc.iceConnectionState);
      pc.addEventListener('iceconnectionstatechange', seen);
      pc.addEventListener('icegatheringstatechange', () => {
        if (!live()) return;
        if (pc.iceConnectionState !== r.iceConnectionState) pc.dispatchEvent(new win.Event('iceconnectionstatechange'));
      });
    });
  },
};
