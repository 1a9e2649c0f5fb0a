import type { Era } from '../install/types';

/**
 * The names a getUserMedia error callback gave apps of 2013–2016 (mediacapture-2013-05-16
 * NavigatorUserMediaError{name, message, constraintName}; the names are the ones Chrome 30–52 and
 * Firefox 30–49 shipped, which apps compared against), and today's name for the same failure.
 * Applied only under an explicit era of that period: today's names stay the default (principle 1).
 */
export const LEGACY_ERROR_NAMES: readonly (readonly [today: string, then: string])[] = [
  ['NotAllowedError', 'PermissionDeniedError'], // user or policy refused (Chrome 30–52)
  ['NotFoundError', 'DevicesNotFoundError'], // no camera / microphone (Chrome 30–52)
  ['OverconstrainedError', 'ConstraintNotSatisfiedError'], // a mandatory constraint (mediacapture-2013-05-16 CONSTRAINT_NOT_SATISFIED)
  ['NotReadableError', 'TrackStartError'], // the device would not start (Chrome 35–52)
];

/** Eras whose Media Capture draft in force had these names (mediacapture-2013-05-16 … -2015-04-14). */
const ERROR_NAME_ERAS: readonly Era[] = ['2012-08-21', '2013-09-10', '2015-02-10', '2016-01-28'];

export function errorNamesOfEra(era: Era): boolean {
  return ERROR_NAME_ERAS.includes(era);
}

/** The name of the time for today's `name`, or `name` itself when it did not change. */
export function legacyErrorName(name: string): string {
  return LEGACY_ERROR_NAMES.find(([today]) => today === name)?.[1] ?? name;
}
