/** The drafts an app can ask for by date (design.md "The `era` option"). */
export const ERAS = [
  '2011-10-27',
  '2012-02-09',
  '2012-03-18',
  '2012-08-21',
  '2013-09-10',
  '2015-02-10',
  '2016-01-28',
  '2016-05-31',
  '2016-11-24',
] as const;

export type DraftDate = (typeof ERAS)[number];
export type Era = 'auto' | DraftDate;

export type LegacyWindow = Window & typeof globalThis;

export interface InstallOptions {
  /** The window to patch; defaults to the global one. */
  window?: LegacyWindow;
  /**
   * `'auto'` installs every legacy member whose name means nothing today or whose modern meaning
   * would only reject the input. A draft date additionally gives colliding names that draft's meaning.
   */
  era?: Era;
  /** One console message the first time an app uses each legacy member. */
  warnings?: boolean;
}

/** One property the shim defined, as `installed()` lists it. */
export interface PatchedProperty {
  surface: string;
  target: string;
  property: string;
  /**
   * True when the name was nowhere on the target or its prototype chain before: a pure addition, which
   * a modern app that never names it cannot observe (principle 1: install adds or widens).
   */
  added: boolean;
}

/** What a surface module receives while installing: the only way it may touch a window. */
export interface InstallContext {
  readonly win: LegacyWindow;
  readonly era: Era;
  /** Defines `name` on `target`, remembering the original descriptor so uninstall restores it exactly. */
  define(target: object, targetName: string, name: PropertyKey, descriptor: PropertyDescriptor): void;
  /** Whether a surface (usually a colliding behaviour flag) is installed on this window. */
  active(surfaceId: string): boolean;
  /** A one-time deprecation message, printed only with `warnings: true`. */
  deprecated(member: string, modern: string): void;
}

/**
 * The contract every legacy surface module follows (design.md "Patterns").
 * `detect` answers "is something missing or different here?"; only then is `install` called.
 */
export interface Surface {
  readonly id: string;
  /** Drafts in which this surface exists, by date. */
  readonly drafts: readonly DraftDate[];
  /**
   * True when the name has a live, different modern meaning: installed only when `era` names one of
   * `drafts` (principle 1: the modern meaning is the default).
   */
  readonly collides: boolean;
  detect(win: LegacyWindow): boolean;
  install(ctx: InstallContext): void;
}
