/**
 * The MediaConstraints of createOffer/createAnswer (2012-08 WD §4.3.2, 2013-09 WD §4.3.2:
 * `{mandatory: {Name: value}, optional: [{Name: value}, …]}`), translated to today's
 * RTCOfferOptions. One table, one small engine; no DOM, unit-tested in node.
 */

/** One legacy constraint name and the RTCOfferOptions member it became. */
interface OfferConstraintRow {
  readonly legacy: string;
  readonly modern: 'offerToReceiveAudio' | 'offerToReceiveVideo' | 'iceRestart' | 'voiceActivityDetection';
  /** Where the name comes from. */
  readonly cite: string;
}

export const OFFER_CONSTRAINTS: readonly OfferConstraintRow[] = [
  { legacy: 'OfferToReceiveAudio', modern: 'offerToReceiveAudio', cite: 'draft-ietf-rtcweb-jsep-01 §6.1, 2012-08 WD §4.3.2 example' },
  { legacy: 'OfferToReceiveVideo', modern: 'offerToReceiveVideo', cite: 'draft-ietf-rtcweb-jsep-01 §6.1, 2012-08 WD §4.3.2 example' },
  { legacy: 'IceRestart', modern: 'iceRestart', cite: 'draft-ietf-rtcweb-jsep-03 §6.1.3, 2015-02 WD RTCOfferOptions.iceRestart' },
  { legacy: 'VoiceActivityDetection', modern: 'voiceActivityDetection', cite: 'draft-ietf-rtcweb-jsep-03 §6.1.2, 2015-02 WD RTCOfferOptions.voiceActivityDetection' },
];

/**
 * Names apps of the time put in the constraints that were never about the offer's content (engine
 * switches of Chrome and Firefox, 2012–2014); accepted and ignored even under `mandatory`, since
 * those engines did so.
 */
export const IGNORED_CONSTRAINTS: readonly string[] = [
  'MozDontOfferDataChannel', // Firefox 22–26: the data channel m-line; today's engines offer one only with a channel
  'MozBundleOnly',
  'googUseRtpMUX',
];

export interface OfferTranslation {
  /** The modern options, when the constraints could be honoured. */
  readonly options?: RTCOfferOptions;
  /** Why not: the draft's constraint failure (an unknown or ill-typed mandatory constraint). */
  readonly error?: { readonly constraint: string; readonly message: string };
  /** Optional entries that were dropped, each with the reason (the draft: ignore them). */
  readonly ignored: readonly string[];
}

/** A `{mandatory, optional}` object, as opposed to a modern options dictionary. */
export function isLegacyConstraints(x: unknown): x is { mandatory?: unknown; optional?: unknown } {
  if (typeof x !== 'object' || x === null) return false;
  if (!('mandatory' in x) && !('optional' in x)) return false;
  // A dictionary that also names today's members is a modern one: it goes to the engine untouched.
  return !OFFER_CONSTRAINTS.some((row) => row.modern in x);
}

const byName = new Map(OFFER_CONSTRAINTS.map((row) => [row.legacy, row]));

/** Constraint values of the time: booleans, and the strings "true"/"false" some apps sent. */
function asBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

/**
 * 2012-08 WD §4.3.2 / mediacapture constraints algorithm: every mandatory constraint must be
 * understood and satisfiable, or the call fails; optional ones are applied in order where they can
 * be and otherwise ignored. An earlier entry wins over a later one (mandatory before optional).
 */
export function translateOfferConstraints(constraints: { mandatory?: unknown; optional?: unknown }): OfferTranslation {
  const options: Record<string, boolean> = {};
  const ignored: string[] = [];
  const { mandatory, optional } = constraints;
  if (mandatory !== undefined && mandatory !== null) {
    if (typeof mandatory !== 'object' || Array.isArray(mandatory)) {
      return { error: { constraint: 'mandatory', message: 'mandatory must be an object of constraint names' }, ignored };
    }
    for (const [name, value] of Object.entries(mandatory as object)) {
      if (IGNORED_CONSTRAINTS.includes(name)) continue;
      const row = byName.get(name);
      if (!row) return { error: { constraint: name, message: `unknown mandatory constraint ${name}` }, ignored };
      const b = asBoolean(value);
      if (b === undefined) return { error: { constraint: name, message: `mandatory constraint ${name} must be a boolean` }, ignored };
      options[row.modern] = b;
    }
  }
  if (optional !== undefined && optional !== null) {
    if (!Array.isArray(optional)) {
      ignored.push('optional: not an array');
    } else {
      for (const entry of optional as unknown[]) {
        if (typeof entry !== 'object' || entry === null) {
          ignored.push(`optional entry ${String(entry)}: not an object`);
          continue;
        }
        for (const [name, value] of Object.entries(entry)) {
          if (IGNORED_CONSTRAINTS.includes(name)) continue;
          const row = byName.get(name);
          const b = asBoolean(value);
          if (!row) ignored.push(`${name}: unknown`);
          else if (b === undefined) ignored.push(`${name}: not a boolean`);
          else if (!(row.modern in options)) options[row.modern] = b;
        }
      }
    }
  }
  return { options: options as RTCOfferOptions, ignored };
}
