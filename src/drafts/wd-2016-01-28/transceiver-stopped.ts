import type { InstallContext, Surface } from '../../install/types';

/**
 * The direction each transceiver had when the app called stop() (2016-05-31 WD §5.4: "If the stop() method
 * is called, direction retains the value it had prior to calling stop()"). Being here also means
 * stop() returned: `stopped` reads true from then on.
 */
export const stoppedBy = new WeakMap<RTCRtpTransceiver, RTCRtpTransceiverDirection>();

type Getter<T> = (this: RTCRtpTransceiver) => T;

/**
 * 2016-01-28 … 2016-11-24 WD §5.4 `RTCRtpTransceiver.stopped`: "true if either stop has been called or if
 * setting the local or remote description has caused the RTCRtpReceiver to be stopped". Firefox 153 keeps
 * its (deprecated) native `stopped` false until the next negotiation completes; today's meaning of a
 * stopped transceiver is `currentDirection === "stopped"`, so the 2016 one comes only with a 2016 era.
 *
 * stop() keeps the native function and its result; it notes that it returned, and the direction before.
 */
export const transceiverStopped: Surface = {
  id: 'wd-2016-01-28/transceiver-stopped',
  drafts: ['2016-01-28', '2016-05-31', '2016-11-24'],
  collides: true,
  members: [
    {
      name: 'RTCRtpTransceiver.prototype.stopped',
      replacement: "transceiver.currentDirection === 'stopped'",
      note: 'the 2016 meaning: true as soon as stop() returns',
    },
  ],
  detect: (win) => typeof win.RTCRtpTransceiver === 'function' && typeof win.RTCRtpTransceiver.prototype.stop === 'function',
  install(ctx: InstallContext) {
    const proto = ctx.win.RTCRtpTransceiver.prototype;
    const nativeStop = proto.stop as (this: RTCRtpTransceiver) => void;
    const direction = Object.getOwnPropertyDescriptor(proto, 'direction')?.get as Getter<RTCRtpTransceiverDirection>;
    const currentDirection = Object.getOwnPropertyDescriptor(proto, 'currentDirection')?.get as Getter<RTCRtpTransceiverDirection | null>;
    const nativeStopped = Object.getOwnPropertyDescriptor(proto, 'stopped')?.get as Getter<boolean> | undefined;

    const stop = {
      stop(this: RTCRtpTransceiver): void {
      // The native getter is the brand check: a wrong `this` throws its TypeError before anything happens.
      const before = direction.call(this);
      const result = nativeStop.apply(this, arguments as unknown as []);
      if (!stoppedBy.has(this)) stoppedBy.set(this, before);
      return result;
    },
    }.stop;
    const stopped = {
      get stopped(): boolean {
        const self = this as unknown as RTCRtpTransceiver;
        const now = currentDirection.call(self);
        ctx.deprecated('RTCRtpTransceiver.prototype.stopped', "transceiver.currentDirection === 'stopped'");
        return stoppedBy.has(self) || now === 'stopped' || (nativeStopped?.call(self) ?? false);
      },
    };
    const ownStop = Object.getOwnPropertyDescriptor(proto, 'stop');
    ctx.define(proto, 'RTCRtpTransceiver.prototype', 'stop', { value: stop, writable: ownStop?.writable ?? true, enumerable: ownStop?.enumerable ?? true });
    ctx.define(proto, 'RTCRtpTransceiver.prototype', 'stopped', { get: Object.getOwnPropertyDescriptor(stopped, 'stopped')!.get, enumerable: true });
  },
};
