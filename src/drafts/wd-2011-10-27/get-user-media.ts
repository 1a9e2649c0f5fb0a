import { legacyError } from '../../core/legacy-errors';
import { queueTask } from '../../core/task';
import { brandOf, operation } from '../../core/webidl';
import { complain } from '../../install/warnings';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { localMediaStreamClass, localMediaStreamOf } from './local-media-stream';
import { readOptions, toConstraints } from './media-stream-options';
import { NavigatorUserMediaError } from './navigator-user-media-error';

type Callback = (arg: never) => unknown;
type CallbackGetUserMedia = (this: Navigator, options: unknown, ok: Callback, err?: Callback | null) => void;

/** The behaviour flag that gives MediaStreamOptions objects their 2011 reading (see registry). */
export const OPTIONS_OBJECTS_2011 = 'wd-2011-10-27/media-stream-options-defaults';

export const mediaStreamOptionsDefaults: Surface = {
  id: OPTIONS_OBJECTS_2011,
  drafts: ['2011-10-27', '2012-02-09'],
  // `{audio: true}` is audio-only today but audio+video in 2011: a live name with another meaning.
  collides: true,
  members: [
    {
      name: 'MediaStreamOptions',
      replacement: 'navigator.mediaDevices.getUserMedia({ audio: true, video: true })',
      note: 'In 2011 a kind left out of the options meant true; today it means false: name both kinds.',
    },
  ],
  detect: () => true,
  install() {},
};

function callbackOf(value: unknown): Callback | null {
  return typeof value === 'function' ? (value as Callback) : null;
}

/**
 * Today's meaning for today's inputs: the browser's own callback getUserMedia where it has one
 * (Chromium), else the promise API behind the same callback shape (Firefox has only mozGetUserMedia).
 */
function modernCallbackForm(win: LegacyWindow, native: CallbackGetUserMedia | undefined): CallbackGetUserMedia {
  if (native) return native;
  return function getUserMedia(this: Navigator, constraints, ok, err) {
    win.navigator.mediaDevices.getUserMedia(constraints as MediaStreamConstraints).then(
      (stream) => (ok as (s: MediaStream) => void)(stream),
      (e) => (err as ((e: unknown) => void) | null | undefined)?.(e),
    );
  };
}

export const getUserMedia: Surface = {
  id: 'wd-2011-10-27/get-user-media',
  drafts: ['2011-10-27', '2012-02-09', '2012-03-18', '2012-08-21', '2013-09-10'],
  collides: false,
  members: [
    {
      name: 'navigator.getUserMedia',
      replacement: 'const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })',
      note: "2011's option strings: 'audio,video user' is { audio: true, video: { facingMode: 'user' } }.",
      pattern: 'navigator.getUserMedia()',
    },
  ],
  // Today's engines either lack navigator.getUserMedia (Firefox) or reject strings and null callbacks
  // with it (Chromium): the 2011 forms are missing everywhere we know of.
  detect: () => true,
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.Navigator.prototype;
    const native = (proto as unknown as { getUserMedia?: CallbackGetUserMedia }).getUserMedia;
    const modern = modernCallbackForm(win, native);
    // The class extends the window's native MediaStream: made now, before any surface replaces it.
    localMediaStreamClass(win);

    // 2011 WD §2.1.1.1 getUserMedia(MediaStreamOptions? options, NavigatorUserMediaSuccessCallback?
    // successCallback, optional errorCallback): two required arguments. `.length` is the native
    // function's where the engine has one (3, Chromium), else 3 as in every draft from 2013-05 and today's
    // IDL, which idlharness checks: an app that probes `.length` sees no difference.
    const getUserMedia = operation(win, {
      iface: 'Navigator',
      name: 'getUserMedia',
      length: native?.length ?? 3,
      required: 2,
      brand: brandOf(proto, 'onLine'),
    }, function (this: Navigator, options: unknown, successCallback: unknown, errorCallback?: unknown): void {
      // Fewer than today's three arguments are the 2011 form only with a success callback; else the
      // TypeError today's IDL gives (idlharness "with too few arguments": the same with the shim).
      if (arguments.length < 3 && typeof successCallback !== 'function') {
        throw new win.TypeError(`Navigator.getUserMedia: 3 arguments required, but only ${arguments.length} present.`);
      }
      const ok = callbackOf(successCallback);
      // "If successCallback is null, abort these steps."
      if (!ok) return;
      const reading = readOptions(options, ctx.active(OPTIONS_OBJECTS_2011));
      if (reading.meaning === 'modern') {
        // Untouched: the same arguments, so the native function validates them as it always did.
        modern.apply(this, arguments as unknown as Parameters<CallbackGetUserMedia>);
        return;
      }
      const { request } = reading;
      ctx.used('navigator.getUserMedia');
      if (request.ignored.length) {
        complain(`getUserMedia options ${JSON.stringify(options)}: ignored ${request.ignored.map((t) => JSON.stringify(t)).join(', ')} (the 2011 draft knows "audio", "video", "user", "environment")`);
      }
      // "If both audio and video are still false, then throw a NOT_SUPPORTED_ERR exception."
      if (!request.audio && !request.video) {
        throw legacyError(win, 'NotSupportedError', 'getUserMedia: neither audio nor video was requested');
      }
      const err = callbackOf(errorCallback);
      win.navigator.mediaDevices.getUserMedia(toConstraints(request)).then(
        (native) => {
          const stream = localMediaStreamOf(win, native.getTracks());
          queueTask(win, () => (ok as (s: MediaStream) => void)(stream));
        },
        (cause: unknown) => {
          // "Failure: If errorCallback is null, abort these steps."
          if (!err) return;
          const error = new NavigatorUserMediaError(cause);
          queueTask(win, () => (err as (e: NavigatorUserMediaError) => void)(error));
        },
      );
    });

    ctx.define(proto, 'Navigator.prototype', 'getUserMedia', {
      value: getUserMedia,
      writable: true,
      enumerable: true,
    });
  },
};
