import { operation } from '../../core/webidl';
import type { InstallContext, Surface } from '../../install/types';

/** Today's constrainable properties that apply to one kind only (mediacapture-main §"Constrainable Properties"). */
const ONLY: Record<string, 'audio' | 'video'> = {
  width: 'video', height: 'video', aspectRatio: 'video', frameRate: 'video', facingMode: 'video', resizeMode: 'video',
  volume: 'audio', sampleRate: 'audio', sampleSize: 'audio', echoCancellation: 'audio', autoGainControl: 'audio',
  noiseSuppression: 'audio', latency: 'audio', channelCount: 'audio', voiceIsolation: 'audio',
};

/**
 * mediacapture-2015-02-12 `static Dictionary getSupportedConstraints(DOMString kind)` on MediaDevices: the
 * constraint names the UA knows for `kind` ("audio" or "video"), each `true`. From the engine's own
 * `navigator.mediaDevices.getSupportedConstraints()` (2015-04-14 on, no kind), narrowed to the kind; any
 * other kind gets every name.
 */
export const staticSupportedConstraints: Surface = {
  id: 'mediacapture-2015-02-12/static-get-supported-constraints',
  drafts: ['2015-02-10'],
  collides: false,
  members: [{ name: 'MediaDevices.getSupportedConstraints', replacement: 'navigator.mediaDevices.getSupportedConstraints()' }],
  detect: (win) =>
    typeof win.MediaDevices === 'function' &&
    !('getSupportedConstraints' in win.MediaDevices) &&
    typeof win.navigator.mediaDevices?.getSupportedConstraints === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const fn = operation(win, { iface: 'MediaDevices', name: 'getSupportedConstraints', length: 1, required: 1 }, (kind: unknown) => {
      const k = String(kind);
      ctx.deprecated('MediaDevices.getSupportedConstraints', 'navigator.mediaDevices.getSupportedConstraints()');
      const all = win.navigator.mediaDevices.getSupportedConstraints() as Record<string, boolean>;
      const out: Record<string, boolean> = {};
      for (const [name, supported] of Object.entries(all)) {
        const only = ONLY[name];
        if (supported && (!only || only === k || (k !== 'audio' && k !== 'video'))) out[name] = true;
      }
      return out;
    });
    ctx.define(win.MediaDevices, 'MediaDevices', 'getSupportedConstraints', { value: fn, writable: true, enumerable: true });
  },
};
