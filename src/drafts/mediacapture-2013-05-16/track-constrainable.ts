import { brandOf } from '../../core/brand';
import { operation } from '../../core/webidl';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { legacyTrackConstraints } from '../mediacapture-2012-06-28/constraints';
import { isRemote } from './media-stream-track';

type Dict = Record<string, unknown>;
type Constrainable = MediaStreamTrack;

/**
 * mediacapture-2013-05-16 / -2013-09-03 §"Constrainable" before it became ConstrainablePattern (2015-02-12:
 * getConstraints/getSettings/getCapabilities): `constraints()`, `states()`, `capabilities()` on every
 * track, read from today's three methods of the same track on every call — nothing cached, nothing made up.
 */
const OPERATIONS = ['constraints', 'states', 'capabilities'] as const;

const VIDEO_STATES = ['width', 'height', 'frameRate', 'aspectRatio'] as const;

/** 2013-09 MediaSourceStates: sourceType "camera" | "microphone" | "none" (a source that is no device). */
function states(track: MediaStreamTrack, remote: boolean): Dict {
  const s = track.getSettings() as Dict;
  const device = !remote && typeof s['deviceId'] === 'string' && track.label !== '';
  const out: Dict = {
    sourceType: device ? (track.kind === 'video' ? 'camera' : 'microphone') : 'none',
    sourceId: typeof s['deviceId'] === 'string' ? s['deviceId'] : '',
  };
  if (track.kind === 'video') {
    for (const k of VIDEO_STATES) out[k] = typeof s[k] === 'number' ? s[k] : null;
    out['facingMode'] = typeof s['facingMode'] === 'string' ? s['facingMode'] : null;
  } else {
    // 2013-09 `unsigned long? volume` (0–100): no setting reports a volume today.
    out['volume'] = null;
  }
  return out;
}

/** 2013-09 AllVideoCapabilities / AllAudioCapabilities: CapabilityRange {min, max, supported}, CapabilityList. */
function capabilities(track: Constrainable, remote: boolean): Dict {
  const c = (typeof track.getCapabilities === 'function' ? track.getCapabilities() : {}) as Dict;
  const range = (v: unknown) => {
    const r = v as { min?: unknown; max?: unknown } | undefined;
    return r && typeof r === 'object' && 'min' in r ? { min: r.min, max: r.max, supported: true } : { supported: false };
  };
  if (track.kind !== 'video') return { volume: { supported: false } };
  const out: Dict = {};
  const st = states(track, remote);
  out['sourceType'] = [st['sourceType']];
  out['sourceId'] = typeof c['deviceId'] === 'string' ? [c['deviceId']] : [];
  for (const k of VIDEO_STATES) out[k] = range(c[k]);
  out['facingMode'] = Array.isArray(c['facingMode']) ? [...c['facingMode']] : [];
  return out;
}

export const trackConstrainable: Surface = {
  id: 'mediacapture-2013-05-16/track-constrainable',
  drafts: ['2012-08-21', '2013-09-10'],
  collides: false,
  members: [
    { name: 'MediaStreamTrack.prototype.constraints', replacement: 'track.getConstraints()' },
    { name: 'MediaStreamTrack.prototype.states', replacement: 'track.getSettings()' },
    { name: 'MediaStreamTrack.prototype.capabilities', replacement: 'track.getCapabilities()' },
  ],
  detect: (win) =>
    typeof win.MediaStreamTrack?.prototype.getSettings === 'function' && OPERATIONS.some((n) => !(n in win.MediaStreamTrack.prototype)),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.MediaStreamTrack.prototype;
    const brand = brandOf(proto, 'kind');
    const bodies: Record<(typeof OPERATIONS)[number], (t: Constrainable) => unknown> = {
      constraints: (t) => legacyTrackConstraints(t.getConstraints() as Dict),
      states: (t) => states(t, isRemote(t)),
      capabilities: (t) => capabilities(t, isRemote(t)),
    };
    for (const name of OPERATIONS) {
      if (name in proto) continue;
      const fn = operation(win, { iface: 'MediaStreamTrack', name, length: 0, required: 0, brand }, function (this: Constrainable) {
        return bodies[name](this);
      });
      ctx.define(proto, 'MediaStreamTrack.prototype', name, { value: fn, writable: true, enumerable: true });
    }
  },
};

/**
 * mediacapture-2013-05-16 … -2015-04-14 `readonly attribute boolean readonly` (the 2013-09 IDL escapes
 * it as `_readonly`): true where this track cannot change its source's settings. A track a connection
 * receives is such a track; a capture track is not (its applyConstraints reconfigures the camera).
 */
export const trackReadonly: Surface = {
  id: 'mediacapture-2013-05-16/track-readonly',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [{ name: 'MediaStreamTrack.prototype.readonly', replacement: 'pc.getReceivers().some((r) => r.track === track)' }],
  detect: (win: LegacyWindow) => !!win.MediaStreamTrack && !('readonly' in win.MediaStreamTrack.prototype),
  install(ctx: InstallContext) {
    const proto = ctx.win.MediaStreamTrack.prototype;
    const kind = Object.getOwnPropertyDescriptor(proto, 'kind')!.get!;
    const attribute = {
      get readonly(): boolean {
        kind.call(this);
        return isRemote(this as unknown as MediaStreamTrack);
      },
    };
    ctx.define(proto, 'MediaStreamTrack.prototype', 'readonly', { get: Object.getOwnPropertyDescriptor(attribute, 'readonly')!.get, enumerable: true });
  },
};
