import { InternalSlots } from '../../core/internal-slots';
import { widenMethod } from '../../core/widen';
import type { InstallContext, Surface } from '../../install/types';

interface Values {
  readonly timestamp: number;
  readonly source: number;
  readonly audioLevel: number | null;
  readonly voiceActivityFlag: boolean | null;
}

/** Today's entry (RTCRtpContributingSource dictionary: a linear level 0..1) as the 2016 object reads it. */
interface ModernSource {
  timestamp: number;
  source: number;
  audioLevel?: number;
  voiceActivityFlag?: boolean;
}

/**
 * 2016 WD §5.3 audioLevel: "an integral value from 0 to 127 representing the audio level in negative
 * decibels … 0 represents the loudest signal … 127 represents silence" (RFC 6464/6465). Today's level is
 * linear, 10^(-level/20) of it (webrtc-pc §5.4), so the 2016 one is -20·log10(level), rounded, in 0..127.
 */
export function rfc6464Level(linear: number | undefined): number | null {
  if (typeof linear !== 'number' || Number.isNaN(linear)) return null;
  if (linear <= 0) return 127;
  return Math.min(127, Math.max(0, Math.round(-20 * Math.log10(Math.min(1, linear)))));
}

function install(ctx: InstallContext) {
  const { win } = ctx;
  const values = new InternalSlots<object, Values>();
  const own = (self: unknown) => values.of(win, self);
  // No constructor in the IDL: `new RTCRtpContributingSource()` throws, as an interface object does.
  const RTCRtpContributingSource = function RTCRtpContributingSource(): never {
    throw new win.TypeError('Illegal constructor');
  } as unknown as { prototype: object };
  const proto = RTCRtpContributingSource.prototype;
  const getters = {
    get timestamp(): number {
      return own(this).timestamp;
    },
    get source(): number {
      return own(this).source;
    },
    get audioLevel(): number | null {
      return own(this).audioLevel;
    },
    get voiceActivityFlag(): boolean | null {
      return own(this).voiceActivityFlag;
    },
  };
  for (const key of Object.keys(getters)) {
    Object.defineProperty(proto, key, { get: Object.getOwnPropertyDescriptor(getters, key)!.get, enumerable: true, configurable: true });
  }
  Object.defineProperty(proto, Symbol.toStringTag, { value: 'RTCRtpContributingSource', configurable: true });
  ctx.define(win, 'window', 'RTCRtpContributingSource', { value: RTCRtpContributingSource, writable: true, enumerable: false });

  const receiverProto = win.RTCRtpReceiver.prototype;
  const synchronization = receiverProto.getSynchronizationSources as ((this: RTCRtpReceiver) => ModernSource[]) | undefined;
  widenMethod<(this: RTCRtpReceiver) => ModernSource[]>(ctx, receiverProto, 'RTCRtpReceiver.prototype', 'getContributingSources', (current) =>
    function (this: RTCRtpReceiver) {
      // 2016: one list of the sources "set from an SSRC" and "from a CSRC"; today's engines split them in two.
      const list = [...(synchronization ? synchronization.call(this) : []), ...current.apply(this, arguments as unknown as [])];
      ctx.used('RTCRtpReceiver.prototype.getContributingSources (RTCRtpContributingSource objects)');
      return list.map((s) => {
        const o = Object.create(proto) as object;
        values.set(o, {
          timestamp: s.timestamp,
          source: s.source,
          audioLevel: rfc6464Level(s.audioLevel),
          // Set only where the peer sends RFC 6464's V bit; neither engine reports it today (null, "not set").
          voiceActivityFlag: typeof s.voiceActivityFlag === 'boolean' ? s.voiceActivityFlag : null,
        });
        return o;
      });
    },
  );
}

/**
 * 2016-01-28 … 2016-11-24 WD §5.3 `interface RTCRtpContributingSource` (timestamp, source, audioLevel as an
 * RFC 6464 byte, voiceActivityFlag) returned by RTCRtpReceiver.getContributingSources(). Today's method
 * returns only the CSRCs, as dictionaries with a linear audioLevel (0..1), a live different meaning: under a
 * 2016 era only, it lists today's getSynchronizationSources() then getContributingSources(), each entry an
 * RTCRtpContributingSource read from today's, the level converted.
 */
export const contributingSource: Surface = {
  id: 'wd-2016-01-28/contributing-source',
  drafts: ['2016-01-28', '2016-05-31', '2016-11-24'],
  collides: true,
  members: [
    { name: 'window.RTCRtpContributingSource', replacement: 'receiver.getContributingSources() entries are plain objects' },
    {
      name: 'RTCRtpReceiver.prototype.getContributingSources (RTCRtpContributingSource objects)',
      replacement: 'receiver.getContributingSources() // audioLevel linear 0..1: rfc = Math.round(-20 * Math.log10(level))',
    },
  ],
  detect: (win) => typeof win.RTCRtpReceiver === 'function' && typeof win.RTCRtpReceiver.prototype.getContributingSources === 'function' && !('RTCRtpContributingSource' in win),
  install,
};
