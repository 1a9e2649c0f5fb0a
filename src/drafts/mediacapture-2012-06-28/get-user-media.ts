import { legacyError } from '../../core/legacy-errors';
import { queueTask } from '../../core/task';
import { brandOf, operation } from '../../core/webidl';
import { complain } from '../../install/warnings';
import type { DraftDate, Era, InstallContext, LegacyWindow, Surface } from '../../install/types';
import { localMediaStream, localMediaStreamClass } from '../wd-2011-10-27/local-media-stream';
import { NavigatorUserMediaError } from '../wd-2011-10-27/navigator-user-media-error';
import { errorNamesOfEra, legacyErrorName } from '../../core/get-user-media-error-names';
import { hasLegacyConstraints, translateConstraints, type TranslationFailure } from './constraints';

type Fn = (this: unknown, ...args: unknown[]) => unknown;
type Callback = (arg: unknown) => unknown;

/** Eras whose Media Capture draft reads getUserMedia's first argument as MediaStreamConstraints (2012-06 on). */
const CONSTRAINTS_ERAS: readonly Era[] = ['2012-03-18', '2012-08-21', '2013-09-10', '2015-02-10'];

interface Entry {
  ctx: InstallContext;
  /** The promise getUserMedia as it was before any of the shim's widening: translated requests go there. */
  promiseForm: (c: MediaStreamConstraints) => Promise<MediaStream>;
}

/** The browser's own mediaDevices.getUserMedia, before the widening below, per window. */
const nativePromiseForms = new WeakMap<LegacyWindow, (c: MediaStreamConstraints) => Promise<MediaStream>>();

function nativePromiseForm(win: LegacyWindow) {
  let f = nativePromiseForms.get(win);
  if (!f) {
    const native = win.MediaDevices.prototype.getUserMedia;
    nativePromiseForms.set(win, (f = (c) => native.call(win.navigator.mediaDevices, c)));
  }
  return f;
}

/** What a legacy success callback receives: a LocalMediaStream while the era's drafts had one. */
function legacyStream(ctx: InstallContext, stream: MediaStream, translated: boolean): MediaStream {
  const LocalMediaStream = localMediaStreamClass(ctx.win);
  if (stream instanceof LocalMediaStream) return stream;
  const eraHasIt = ctx.era !== 'auto' && (localMediaStream.drafts as readonly DraftDate[]).includes(ctx.era);
  // Under 'auto' a modern request keeps today's plain MediaStream; a translated one is legacy anyway.
  return eraHasIt || (translated && ctx.era === 'auto') ? new LocalMediaStream(stream.getTracks()) : stream;
}

function legacyErrorOf(ctx: InstallContext, cause: unknown): unknown {
  if (!errorNamesOfEra(ctx.era)) return cause;
  const name = (cause as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || legacyErrorName(name) === name) return cause;
  return new NavigatorUserMediaError(cause, legacyErrorName(name));
}

/** The callback getUserMedia of every name: translates `{mandatory, optional}`, passes the rest through. */
function widened(entry: Entry, name: string, delegate: Fn, length: number): Fn {
  const { ctx } = entry;
  const { win } = ctx;
  return operation(win, { iface: 'Navigator', name, length, required: 2, brand: brandOf(win.Navigator.prototype, 'onLine') }, function (
    this: unknown,
    ...args: unknown[]
  ) {
    const [constraints, ok, err] = args;
    // Fewer arguments than today's IDL asks are a call of the time only with a success callback; else
    // today's TypeError (idlharness "with too few arguments": the same with the shim).
    if (args.length < length && typeof ok !== 'function') throw new win.TypeError(`Navigator.${name}: ${length} arguments required, but only ${args.length} present.`);
    const c = constraints as { audio?: unknown; video?: unknown } | null | undefined;
    // mediacapture-2012-06-28 §getUserMedia: "If constraints is null or has neither audio nor video,
    // throw NOT_SUPPORTED_ERR" — under those eras; 'auto' keeps the 2011 reading (both true).
    if (ctx.era !== 'auto' && CONSTRAINTS_ERAS.includes(ctx.era) && (c === null || (typeof c === 'object' && !c.audio && !c.video))) {
      throw legacyError(win, 'NotSupportedError', `${name}: neither audio nor video was requested`);
    }
    const okFn = typeof ok === 'function' ? (ok as Callback) : null;
    const errFn = typeof err === 'function' ? (err as Callback) : null;
    if (!hasLegacyConstraints(c)) {
      const wrapped = [...args];
      if (okFn) wrapped[1] = (s: MediaStream) => okFn(legacyStream(ctx, s, false));
      if (errFn) wrapped[2] = (e: unknown) => errFn(legacyErrorOf(ctx, e));
      return delegate.apply(this, wrapped);
    }
    if (!okFn) throw new win.TypeError(`${name}: successCallback is not a function`);
    ctx.deprecated('navigator.getUserMedia({video: {mandatory, optional}}, ok, err)', 'navigator.mediaDevices.getUserMedia({video: {width: {max: 320}}})');
    const t = translateConstraints(c as MediaStreamConstraints);
    if (!t.ok) {
      complain(`${name}: ${t.message}`);
      const error = t.name === 'TypeError' ? new win.TypeError(t.message) : new NavigatorUserMediaError(t, t.name);
      if (errFn) queueTask(win, () => errFn(error));
      return undefined;
    }
    if (t.ignored.length) complain(`${name}: ignored ${t.ignored.join(', ')}`);
    entry.promiseForm(t.constraints).then(
      (stream) => {
        const s = legacyStream(ctx, stream, true);
        queueTask(win, () => okFn(s));
      },
      (cause: unknown) => {
        // The constraint named as the app wrote it (`maxWidth`, `sourceId`), not today's name.
        const modern = (cause as { constraint?: unknown } | null)?.constraint;
        const named = typeof modern === 'string' && t.legacyNames[modern] ? { name: (cause as Error).name, message: (cause as Error).message, constraint: t.legacyNames[modern] } : cause;
        const error = new NavigatorUserMediaError(named, errorNamesOfEra(ctx.era) ? legacyErrorName(String((cause as Error)?.name)) : undefined);
        if (errFn) queueTask(win, () => errFn(error));
      },
    );
    return undefined;
  });
}

function entryOf(ctx: InstallContext): Entry {
  return { ctx, promiseForm: nativePromiseForm(ctx.win) };
}

/**
 * `navigator.getUserMedia(constraints, ok, err)` with 2012–2014 constraints, in both engines (Chromium's
 * own still maps them, with unknown mandatory keys ignored; Firefox has no navigator.getUserMedia),
 * wrapping whatever is there at install (the 2011 shim's, or the native one). And `webkitGetUserMedia`
 * / `mozGetUserMedia`: the engine's own is widened (native `.length`, modern calls untouched); the
 * family's missing name, or with `prefixes: 'all'` the other family's, is navigator.getUserMedia
 * under that name.
 */
export const getUserMedia: Surface = {
  id: 'mediacapture-2012-06-28/get-user-media',
  drafts: ['2012-03-18', '2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [
    { name: 'navigator.getUserMedia({video: {mandatory, optional}}, ok, err)', replacement: 'navigator.mediaDevices.getUserMedia({video: {width: {max: 320}, frameRate: {ideal: 30}}}).then(ok, err)' },
    { name: 'navigator.webkitGetUserMedia', replacement: 'navigator.mediaDevices.getUserMedia(constraints)' },
    { name: 'navigator.mozGetUserMedia', replacement: 'navigator.mediaDevices.getUserMedia(constraints)' },
  ],
  detect: (win) => typeof win.MediaDevices?.prototype.getUserMedia === 'function',
  install(ctx) {
    const proto = ctx.win.Navigator.prototype as unknown as Record<string, Fn | undefined>;
    const entry = entryOf(ctx);
    const current = proto['getUserMedia'];
    if (current) ctx.define(proto, 'Navigator.prototype', 'getUserMedia', { value: widened(entry, 'getUserMedia', current, current.length), writable: true, enumerable: true });
    const unprefixed = proto['getUserMedia'];
    for (const [family, name] of [['webkit', 'webkitGetUserMedia'], ['moz', 'mozGetUserMedia']] as const) {
      const own = proto[name];
      const delegate = own ?? unprefixed;
      if (!ctx.prefixes[family] || !delegate) continue;
      ctx.define(proto, 'Navigator.prototype', name, { value: widened(entry, name, delegate, own?.length ?? 3), writable: true, enumerable: true });
    }
  },
};

/**
 * 2015–2016 code handed the same objects to the promise form (adapter.js translated them then).
 * Chromium's promise form still maps them; Firefox's ignores them (measured: `maxWidth: 320` gave
 * 640×480), so there — where the engine's family is not webkit — the widening translates.
 */
export const mediaDevicesGetUserMedia: Surface = {
  id: 'mediacapture-2012-06-28/media-devices-get-user-media',
  drafts: ['2015-02-10', '2016-01-28'],
  collides: false,
  members: [{ name: 'navigator.mediaDevices.getUserMedia({video: {mandatory, optional}})', replacement: 'navigator.mediaDevices.getUserMedia({video: {width: {max: 320}}})' }],
  detect: (win) =>
    typeof win.MediaDevices?.prototype.getUserMedia === 'function' &&
    typeof (win.Navigator.prototype as unknown as Record<string, unknown>)['webkitGetUserMedia'] !== 'function',
  install(ctx) {
    const { win } = ctx;
    const proto = win.MediaDevices.prototype;
    nativePromiseForm(win);
    const current = proto.getUserMedia;
    // A promise operation: every failure is a rejection, and modern calls reach the native one as they came.
    const getUserMedia = {
      getUserMedia(this: MediaDevices, ...args: unknown[]): Promise<MediaStream> {
        const c = args[0];
        if (!hasLegacyConstraints(c)) return Reflect.apply(current, this, args) as Promise<MediaStream>;
        ctx.deprecated('navigator.mediaDevices.getUserMedia({video: {mandatory, optional}})', 'navigator.mediaDevices.getUserMedia({video: {width: {max: 320}}})');
        const t = translateConstraints(c as MediaStreamConstraints);
        if (!t.ok) return Promise.reject(promiseError(win, t));
        if (t.ignored.length) complain(`mediaDevices.getUserMedia: ignored ${t.ignored.join(', ')}`);
        return Reflect.apply(current, this, [t.constraints]) as Promise<MediaStream>;
      },
    }.getUserMedia;
    Object.defineProperty(getUserMedia, 'length', { value: current.length });
    ctx.define(proto, 'MediaDevices.prototype', 'getUserMedia', { value: getUserMedia, writable: true, enumerable: true });
  },
};

/** Today's names for the promise form: OverconstrainedError with `constraint`, or TypeError. */
function promiseError(win: LegacyWindow, t: TranslationFailure): Error {
  if (t.name === 'TypeError') return new win.TypeError(t.message);
  const e = new win.DOMException(t.message, 'OverconstrainedError');
  Object.defineProperty(e, 'constraint', { value: t.constraintName, enumerable: true });
  return e;
}
