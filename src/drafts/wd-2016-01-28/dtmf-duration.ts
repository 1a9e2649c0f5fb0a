import { brandOf } from '../../core/brand';
import { widenMethod } from '../../core/widen';
import type { Surface } from '../../install/types';

/** 2016 WD §7.2 insertDTMF(tones, duration = 100, interToneGap = 70), clamped as the draft says. */
const DEFAULTS = { duration: 100, interToneGap: 70 };
const clamp = (value: unknown, fallback: number, min: number, max: number) => {
  if (value === undefined) return fallback;
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/**
 * 2016-01-28 … 2016-09-13 WD §7.2 `RTCDTMFSender.duration` and `interToneGap` ("the current tone
 * duration / gap", set by insertDTMF; dropped in 2016-11): today's engines keep them inside. insertDTMF is
 * widened only to remember its (clamped: 40–6000 ms, gap at least 30 ms) values for the sender, with the same
 * arguments and result; before any call they read the draft's defaults.
 */
export const dtmfDuration: Surface = {
  id: 'wd-2016-01-28/dtmf-duration',
  drafts: ['2016-01-28', '2016-05-31'],
  collides: false,
  members: [
    { name: 'RTCDTMFSender.prototype.duration', replacement: 'remember the duration you gave insertDTMF()' },
    { name: 'RTCDTMFSender.prototype.interToneGap', replacement: 'remember the interToneGap you gave insertDTMF()' },
  ],
  detect: (win) => typeof win.RTCDTMFSender === 'function' && !('duration' in win.RTCDTMFSender.prototype),
  install(ctx) {
    const proto = ctx.win.RTCDTMFSender.prototype;
    const is = brandOf(proto, 'toneBuffer');
    const given = new WeakMap<object, { duration: number; interToneGap: number }>();
    widenMethod<(this: RTCDTMFSender, tones: string, duration?: number, gap?: number) => void>(ctx, proto, 'RTCDTMFSender.prototype', 'insertDTMF', (current) =>
      function (this: RTCDTMFSender, _tones: string, duration?: number, gap?: number) {
        const result = current.apply(this, arguments as unknown as [string]);
        // Only a call the engine accepted changes them.
        given.set(this, { duration: clamp(duration, DEFAULTS.duration, 40, 6000), interToneGap: clamp(gap, DEFAULTS.interToneGap, 30, Infinity) });
        return result;
      },
    );
    const read = (self: unknown, key: 'duration' | 'interToneGap'): number => {
      if (!is(self)) throw new ctx.win.TypeError('Illegal invocation');
      ctx.used(`RTCDTMFSender.prototype.${key}`);
      return (given.get(self as object) ?? DEFAULTS)[key];
    };
    const getters = {
      get duration(): number {
        return read(this, 'duration');
      },
      get interToneGap(): number {
        return read(this, 'interToneGap');
      },
    };
    for (const key of ['duration', 'interToneGap'] as const) {
      ctx.define(proto, 'RTCDTMFSender.prototype', key, { get: Object.getOwnPropertyDescriptor(getters, key)!.get, enumerable: true });
    }
  },
};
