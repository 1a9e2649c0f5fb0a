import type { InstallContext, Surface } from '../../install/types';
import { stoppedBy } from '../wd-2016-01-28/transceiver-stopped';

/** 2016-05-31 WD §5.4 `enum RTCRtpTransceiverDirection`: no "stopped" yet. */
const DIRECTIONS_2016: readonly string[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

type Getter<T> = (this: RTCRtpTransceiver) => T;
type Setter<T> = (this: RTCRtpTransceiver, value: T) => void;

/**
 * 2016-05-31 … 2016-11-24 WD §5.4 `void setDirection(RTCRtpTransceiverDirection direction)`: "sets the
 * direction of the RTCRtpTransceiver … Calling setDirection() sets the negotiation-needed flag"; and the
 * readonly `direction`, which "retains the value it had prior to calling stop()".
 *
 * setDirection() is the native `direction` setter, which updates the negotiation-needed flag (today's
 * engines fire negotiationneeded when the direction changes; setting the same one changes nothing to
 * negotiate, so no event — the draft's flag would give an offer with no change). Only the 2016
 * enum is taken (a method argument: anything else is a TypeError, where today's setter ignores it).
 * `direction` reads the native value, except after stop() (the one before) and never "stopped", a
 * value 2016 had not (a transceiver stopped by the far side reads "inactive": nothing flows).
 * `direction` stays writable (today's setter) so that modern code in the same page keeps working.
 */
export const setDirection: Surface = {
  id: 'wd-2016-05-31/set-direction',
  drafts: ['2016-05-31', '2016-11-24'],
  collides: true,
  members: [
    { name: 'RTCRtpTransceiver.prototype.setDirection', replacement: "transceiver.direction = 'sendrecv'" },
    {
      name: 'RTCRtpTransceiver.prototype.direction (2016: kept after stop(), never "stopped")',
      replacement: "transceiver.currentDirection === 'stopped' ? … : transceiver.direction",
    },
  ],
  detect: (win) =>
    typeof win.RTCRtpTransceiver === 'function' &&
    typeof Object.getOwnPropertyDescriptor(win.RTCRtpTransceiver.prototype, 'direction')?.set === 'function',
  install(ctx: InstallContext) {
    const proto = ctx.win.RTCRtpTransceiver.prototype;
    const own = Object.getOwnPropertyDescriptor(proto, 'direction')!;
    const get = own.get as Getter<RTCRtpTransceiverDirection>;
    const set = own.set as Setter<RTCRtpTransceiverDirection>;

    const methods = {
      setDirection(this: RTCRtpTransceiver, direction: RTCRtpTransceiverDirection): void {
        get.call(this); // brand check: the native TypeError for a wrong `this`
        if (arguments.length < 1) {
          throw new TypeError("Failed to execute 'setDirection' on 'RTCRtpTransceiver': 1 argument required, but only 0 present.");
        }
        const value = String(direction);
        if (!DIRECTIONS_2016.includes(value)) {
          throw new TypeError(`Failed to execute 'setDirection' on 'RTCRtpTransceiver': The provided value '${value}' is not a valid enum value of type RTCRtpTransceiverDirection.`);
        }
        ctx.deprecated('RTCRtpTransceiver.prototype.setDirection', "transceiver.direction = '" + value + "'");
        set.call(this, value as RTCRtpTransceiverDirection);
      },
      get direction(): RTCRtpTransceiverDirection {
        const now = get.call(this as unknown as RTCRtpTransceiver);
        const before = stoppedBy.get(this as unknown as RTCRtpTransceiver);
        const value = before !== undefined ? before : now;
        return value === 'stopped' ? 'inactive' : value;
      },
    };
    ctx.define(proto, 'RTCRtpTransceiver.prototype', 'setDirection', { value: methods.setDirection, writable: true, enumerable: true });
    ctx.define(proto, 'RTCRtpTransceiver.prototype', 'direction', {
      get: Object.getOwnPropertyDescriptor(methods, 'direction')!.get,
      set,
      enumerable: own.enumerable,
    });
  },
};
