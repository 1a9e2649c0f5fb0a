/**
 * `{mandatory: {...}, optional: [{...}, ...]}` track constraints (Media Capture 2012-06-28 through the
 * 2014 editor's drafts, Chrome's callback getUserMedia until 2019) as today's constraints. Pure:
 * unit-tested in node (test/unit/legacy-constraints.test.js).
 *
 * mediacapture-2012-06-28 §"Constraints": every mandatory constraint must be met, or the call fails
 * with the name of the one that could not be; optional ones are tried in the order given, earlier
 * ones preferred; an optional constraint the UA does not know is ignored, a mandatory one fails.
 * Today: a mandatory bound is `min`/`max`/`exact`, an optional one is `ideal` (the first wins).
 */
export type Bound = 'min' | 'max' | 'exact';
type ValueType = 'number' | 'string' | 'boolean';

interface Row {
  /** The legacy key, as apps wrote it. */
  readonly legacy: string;
  /** Today's constraint name; null: known then, nothing today (accepted, dropped with a message). */
  readonly modern: string | null;
  readonly bound: Bound;
  readonly type: ValueType;
  /** Where the key comes from. */
  readonly source: string;
}

const row = (legacy: string, modern: string | null, bound: Bound, type: ValueType, source: string): Row => ({ legacy, modern, bound, type, source });

/** The one translation table. */
export const LEGACY_CONSTRAINTS: readonly Row[] = [
  row('minWidth', 'width', 'min', 'number', 'mediacapture-2012-06-28 examples; Chrome 21–75'),
  row('maxWidth', 'width', 'max', 'number', 'mediacapture-2012-06-28 examples; Chrome 21–75'),
  row('minHeight', 'height', 'min', 'number', 'Chrome 21–75'),
  row('maxHeight', 'height', 'max', 'number', 'Chrome 21–75'),
  row('minAspectRatio', 'aspectRatio', 'min', 'number', 'Chrome 21–75'),
  row('maxAspectRatio', 'aspectRatio', 'max', 'number', 'Chrome 21–75'),
  row('minFrameRate', 'frameRate', 'min', 'number', 'Chrome 21–75'),
  row('maxFrameRate', 'frameRate', 'max', 'number', 'Chrome 21–75'),
  row('sourceId', 'deviceId', 'exact', 'string', 'Chrome 30–75 (MediaStreamTrack.getSources ids)'),
  row('facingMode', 'facingMode', 'exact', 'string', 'mediacapture-2013-09-03 MediaTrackConstraintSet'),
  row('googEchoCancellation', 'echoCancellation', 'exact', 'boolean', 'Chrome 29–75 audio processing'),
  row('echoCancellation', 'echoCancellation', 'exact', 'boolean', 'Chrome 31–75, Firefox'),
  row('googAutoGainControl', 'autoGainControl', 'exact', 'boolean', 'Chrome 29–75 audio processing'),
  row('googNoiseSuppression', 'noiseSuppression', 'exact', 'boolean', 'Chrome 29–75 audio processing'),
  row('googHighpassFilter', null, 'exact', 'boolean', 'Chrome 29–75: no modern constraint'),
  row('googTypingNoiseDetection', null, 'exact', 'boolean', 'Chrome 33–75: no modern constraint'),
  row('googAudioMirroring', null, 'exact', 'boolean', 'Chrome 29–75: no modern constraint'),
  row('googEchoCancellation2', null, 'exact', 'boolean', 'Chrome 35–75: no modern constraint'),
  row('googAutoGainControl2', null, 'exact', 'boolean', 'Chrome 35–75: no modern constraint'),
  row('googNoiseSuppression2', null, 'exact', 'boolean', 'Chrome 35–75: no modern constraint'),
  row('googDucking', null, 'exact', 'boolean', 'Chrome 38–75: no modern constraint'),
];

const BY_KEY = new Map(LEGACY_CONSTRAINTS.map((r) => [r.legacy, r]));

export type TrackRequest = boolean | MediaTrackConstraints;
export interface Translation {
  ok: true;
  constraints: MediaStreamConstraints;
  /** What was dropped and why, for one console message. */
  ignored: string[];
  /** `video.deviceId` → `sourceId`: the key the app wrote for each modern one, to name it in errors. */
  legacyNames: Record<string, string>;
}
export interface TranslationFailure {
  ok: false;
  /** `ConstraintNotSatisfiedError` with the key (mediacapture-2013-05-16 NavigatorUserMediaError.constraintName), or a malformed object. */
  name: 'ConstraintNotSatisfiedError' | 'TypeError';
  constraintName: string | null;
  message: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A track request written the 2012–2014 way: it has `mandatory` or `optional`. Modern ones never do. */
export function isLegacyTrackConstraints(v: unknown): boolean {
  return isObject(v) && ('mandatory' in v || 'optional' in v);
}

/** Whether getUserMedia's argument needs this translation at all. */
export function hasLegacyConstraints(c: unknown): boolean {
  return isObject(c) && (isLegacyTrackConstraints(c['audio']) || isLegacyTrackConstraints(c['video']));
}

function validValue(r: Row, v: unknown): boolean {
  if (r.type === 'number') return typeof v === 'number' && Number.isFinite(v) && v >= 0;
  return typeof v === r.type;
}

type Fail = (name: TranslationFailure['name'], constraintName: string | null, message: string) => never;

function translateTrack(kind: string, v: unknown, ignored: string[], names: Record<string, string>, fail: Fail): TrackRequest {
  if (!isLegacyTrackConstraints(v)) return v as TrackRequest;
  const { mandatory, optional, ...rest } = v as Record<string, unknown>;
  // Chrome said the same: "Malformed constraint: Cannot use both optional/mandatory and specific or advanced constraints."
  const mixed = Object.keys(rest);
  if (mixed.length) fail('TypeError', null, `${kind}: cannot mix mandatory/optional with today's constraints (${mixed.join(', ')})`);
  if (mandatory != null && !isObject(mandatory)) fail('TypeError', null, `${kind}.mandatory must be an object`);
  if (optional != null && !Array.isArray(optional)) fail('TypeError', null, `${kind}.optional must be an array of objects`);
  const out: Record<string, unknown> = {};
  const bounds = (name: string) => (out[name] ??= {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries((mandatory ?? {}) as Record<string, unknown>)) {
    const r = BY_KEY.get(key);
    if (!r) fail('ConstraintNotSatisfiedError', key, `${kind}: unknown mandatory constraint ${key}`);
    if (!validValue(r, value)) fail('ConstraintNotSatisfiedError', key, `${kind}: mandatory ${key} must be a ${r.type === 'number' ? 'non-negative number' : r.type}, not ${JSON.stringify(value)}`);
    if (!r.modern) {
      ignored.push(`${kind}.mandatory.${key} (${r.source})`);
      continue;
    }
    // Firefox lists each kind once with an empty id until the page has captured (getSources passes it
    // on): an empty sourceId names no device in particular.
    if (key === 'sourceId' && value === '') {
      ignored.push(`${kind}.mandatory.sourceId "" (no device named: the default one)`);
      continue;
    }
    bounds(r.modern)[r.bound] = value;
    names[r.modern] = key;
  }
  const preferred = new Set<string>();
  for (const item of (optional ?? []) as unknown[]) {
    if (!isObject(item)) {
      ignored.push(`${kind}.optional ${JSON.stringify(item)} (not an object)`);
      continue;
    }
    for (const [key, value] of Object.entries(item)) {
      const r = BY_KEY.get(key);
      if (!r || !r.modern || !validValue(r, value)) {
        ignored.push(`${kind}.optional.${key}${r?.modern ? ` = ${JSON.stringify(value)}` : ''}`);
        continue;
      }
      // Earlier entries are preferred: the first one for a modern name becomes its ideal.
      if (preferred.has(r.modern)) continue;
      preferred.add(r.modern);
      bounds(r.modern)['ideal'] = value;
    }
  }
  return out as MediaTrackConstraints;
}

/** getUserMedia's argument with its legacy track requests translated; others pass as they are. */
export function translateConstraints(c: MediaStreamConstraints | Record<string, unknown>): Translation | TranslationFailure {
  const ignored: string[] = [];
  const legacyNames: Record<string, string> = {};
  const fail: Fail = (name, constraintName, message) => {
    throw { ok: false, name, constraintName, message } satisfies TranslationFailure;
  };
  try {
    const o = c as Record<string, unknown>;
    const constraints: Record<string, unknown> = { ...o };
    for (const kind of ['audio', 'video'] as const) if (kind in o) constraints[kind] = translateTrack(kind, o[kind], ignored, legacyNames, fail);
    return { ok: true, constraints: constraints as MediaStreamConstraints, ignored, legacyNames };
  } catch (e) {
    if (isObject(e) && e['ok'] === false) return e as unknown as TranslationFailure;
    throw e;
  }
}

/**
 * Today's constraints of a track (`track.getConstraints()`) in the `{mandatory, optional}` form an app of
 * 2013 wrote (mediacapture-2013-05-16 / -2013-09-03 `MediaTrackConstraints? constraints()`), through the
 * same table read backwards: min/max/exact → mandatory, ideal or a bare value → optional, in order. A
 * modern name with no legacy key (and `advanced`) is left out; null when nothing was constrained.
 */
export function legacyTrackConstraints(modern: Record<string, unknown>): { mandatory: Record<string, unknown>; optional: Record<string, unknown>[] } | null {
  const mandatory: Record<string, unknown> = {};
  const optional: Record<string, unknown>[] = [];
  const keyFor = (name: string, bound: Bound) => LEGACY_CONSTRAINTS.find((r) => r.modern === name && r.bound === bound)?.legacy;
  for (const [name, value] of Object.entries(modern)) {
    if (name === 'advanced') continue;
    const asIdeal = (v: unknown) => {
      const key = keyFor(name, 'exact') ?? keyFor(name, 'min');
      if (key) optional.push({ [key]: v });
    };
    if (!isObject(value)) {
      asIdeal(value);
      continue;
    }
    for (const [bound, v] of Object.entries(value)) {
      if (bound === 'ideal') asIdeal(v);
      else if (bound === 'min' || bound === 'max') {
        const key = keyFor(name, bound);
        if (key) mandatory[key] = v;
      } else if (bound === 'exact') {
        const exact = keyFor(name, 'exact');
        if (exact) mandatory[exact] = v;
        else for (const b of ['min', 'max'] as const) {
          const key = keyFor(name, b);
          if (key) mandatory[key] = v;
        }
      }
    }
  }
  return Object.keys(mandatory).length || optional.length ? { mandatory, optional } : null;
}
