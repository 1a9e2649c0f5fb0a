import { asOperation } from '../../core/webidl';
import { eventHandlerDescriptor } from '../../core/event-handler';
import { legacyError } from '../../core/legacy-errors';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { complain } from '../../install/warnings';

// LegacyDTMFSender: the 2013-09 WD §7.2 RTCDTMFSender, declared in src/types/globals.ts.
type LegacyDTMFSenderClass = new (track: MediaStreamTrack, dtmf: RTCDTMFSender) => LegacyDTMFSender;

/**
 * 2013-09 WD §7.2 (and Chromium, which implemented that text): a tone lasts 100 ms and tones are
 * 50 ms apart unless insertDTMF says otherwise. Today's defaults are 100 and 70.
 */
const DEFAULT_DURATION = 100;
const DEFAULT_GAP = 50;

const classes = new WeakMap<LegacyWindow, LegacyDTMFSenderClass>();

/**
 * The 2013 shape over today's `sender.dtmf`: tones are played by the native sender (the real audio
 * engine puts RFC 4733 telephone-events on the wire), whose `tonechange` events — one per tone and a
 * final one with an empty tone, measured in Chromium 156 and Firefox 153 — are re-fired here, so the
 * app's listeners see `this` sender as the target. `[NoInterfaceObject]`: no global is defined.
 */
function dtmfSenderClass(win: LegacyWindow): LegacyDTMFSenderClass {
  let cls = classes.get(win);
  if (cls) return cls;
  const ToneChange = win.RTCDTMFToneChangeEvent;
  class RTCDTMFSender extends win.EventTarget {
    readonly #track: MediaStreamTrack;
    readonly #dtmf: globalThis.RTCDTMFSender;
    #duration = DEFAULT_DURATION;
    #gap = DEFAULT_GAP;
    constructor(track: MediaStreamTrack, dtmf: globalThis.RTCDTMFSender) {
      super();
      this.#track = track;
      this.#dtmf = dtmf;
      dtmf.addEventListener('tonechange', (e) => {
        const tone = (e as RTCDTMFToneChangeEvent).tone;
        this.dispatchEvent(typeof ToneChange === 'function' ? new ToneChange('tonechange', { tone }) : Object.assign(new win.Event('tonechange'), { tone }));
      });
    }
    get canInsertDTMF(): boolean {
      return this.#dtmf.canInsertDTMF;
    }
    get track(): MediaStreamTrack {
      return this.#track;
    }
    get toneBuffer(): string {
      return this.#dtmf.toneBuffer;
    }
    get duration(): number {
      return this.#duration;
    }
    get interToneGap(): number {
      return this.#gap;
    }
    insertDTMF(tones: string, duration?: number, interToneGap?: number): void {
      if (arguments.length < 1) throw new win.TypeError("Failed to execute 'insertDTMF' on 'RTCDTMFSender': 1 argument required, but only 0 present.");
      const d = duration === undefined ? DEFAULT_DURATION : Number(duration);
      const g = interToneGap === undefined ? DEFAULT_GAP : Number(interToneGap);
      try {
        // The native sender throws InvalidCharacterError for a tone outside 0-9 A-D # * , (the
        // draft's error), and clamps the times as today's spec says.
        this.#dtmf.insertDTMF(tones, d, g);
      } catch (e) {
        complain(`insertDTMF(${JSON.stringify(String(tones))}): ${String(e)}`);
        throw e;
      }
      this.#duration = d;
      this.#gap = g;
    }
  }
  Object.defineProperty(RTCDTMFSender.prototype, 'ontonechange', eventHandlerDescriptor('tonechange'));
  // insertDTMF(tones, optional duration, optional interToneGap): WebIDL length 1.
  Object.defineProperty(RTCDTMFSender.prototype.insertDTMF, 'length', { value: 1 });
  cls = RTCDTMFSender as unknown as LegacyDTMFSenderClass;
  classes.set(win, cls);
  return cls;
}

/** Missing (Firefox), or present without the 2013 shape (Chromium returns `sender.dtmf`: no track, duration, interToneGap). */
function needed(win: LegacyWindow): boolean {
  if (typeof win.RTCPeerConnection !== 'function' || typeof win.RTCRtpSender !== 'function' || !('dtmf' in win.RTCRtpSender.prototype)) return false;
  const NativeSender = (win as unknown as { RTCDTMFSender?: { prototype: object } }).RTCDTMFSender;
  if (!('createDTMFSender' in win.RTCPeerConnection.prototype)) return true;
  return !NativeSender || !['track', 'duration', 'interToneGap'].every((m) => m in NativeSender.prototype);
}

/**
 * 2013-09 WD §7.1 `createDTMFSender(track)`: an RTCDTMFSender for an audio track the connection
 * sends, over the native `RTCRtpSender.dtmf` of that track's sender.
 */
export const createDTMFSender: Surface = {
  id: 'wd-2013-09-10/create-dtmf-sender',
  drafts: ['2013-09-10', '2015-02-10'],
  collides: false,
  members: [
    {
      name: 'RTCPeerConnection.prototype.createDTMFSender',
      replacement: 'pc.getSenders().find((s) => s.track === track).dtmf',
      note: 'today\'s RTCDTMFSender has no track, duration or interToneGap',
    },
  ],
  detect: needed,
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.RTCPeerConnection.prototype;
    const brand = Object.getOwnPropertyDescriptor(proto, 'signalingState')!.get! as (this: RTCPeerConnection) => RTCSignalingState;
    const kind = Object.getOwnPropertyDescriptor(win.MediaStreamTrack.prototype, 'kind')!.get! as (this: MediaStreamTrack) => string;
    const nativeGetSenders = proto.getSenders as (this: RTCPeerConnection) => RTCRtpSender[];
    const senderDtmf = Object.getOwnPropertyDescriptor(win.RTCRtpSender.prototype, 'dtmf')!.get! as (this: RTCRtpSender) => globalThis.RTCDTMFSender | null;
    const senderTrack = Object.getOwnPropertyDescriptor(win.RTCRtpSender.prototype, 'track')!.get! as (this: RTCRtpSender) => MediaStreamTrack | null;
    const fail = (name: 'InvalidStateError' | 'SyntaxError' | 'NotSupportedError', message: string) => {
      complain(`createDTMFSender(): ${message}`);
      return legacyError(win, name, `Failed to execute 'createDTMFSender' on 'RTCPeerConnection': ${message}`);
    };

    const createDTMFSender = function createDTMFSender(this: RTCPeerConnection, track: MediaStreamTrack): LegacyDTMFSender {
      const state = brand.call(this);
      if (arguments.length < 1) throw new win.TypeError("Failed to execute 'createDTMFSender' on 'RTCPeerConnection': 1 argument required, but only 0 present.");
      try {
        kind.call(track);
      } catch {
        throw new win.TypeError("Failed to execute 'createDTMFSender' on 'RTCPeerConnection': parameter 1 is not of type 'MediaStreamTrack'.");
      }
      ctx.deprecated('RTCPeerConnection.prototype.createDTMFSender', 'pc.getSenders().find((s) => s.track === track).dtmf');
      if (state === 'closed') throw fail('InvalidStateError', 'the connection is closed.');
      const sender = nativeGetSenders.call(this).find((s) => senderTrack.call(s) === track);
      // 2013-09 WD §7.1: the track must be one the connection sends (then: in a stream of its local
      // streams set); Chromium threw SyntaxError then and still does.
      if (!sender) throw fail('SyntaxError', `the track ${track.id} is not sent on this connection (add its stream first).`);
      const dtmf = senderDtmf.call(sender);
      if (!dtmf) throw fail('NotSupportedError', `the ${kind.call(track)} track ${track.id} cannot send DTMF (only an audio track can).`);
      return new (dtmfSenderClass(win))(track, dtmf);
    };
    // A method, as the native operation (idlharness: no [[Construct]], no own prototype).
    ctx.define(proto, 'RTCPeerConnection.prototype', 'createDTMFSender', { value: asOperation(createDTMFSender), writable: true, enumerable: true });
  },
};
