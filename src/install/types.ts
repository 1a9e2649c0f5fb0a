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
  /**
   * Principle 2: `'family'` (default) completes the prefixed names of the family the engine announces
   * (`moz*` where `navigator.mozGetUserMedia` exists, `webkit*` where `webkitGetUserMedia` does);
   * `'all'` also adds the other family, for pages written for one engine only.
   */
  prefixes?: PrefixOption;
  /**
   * 2016 WD §4.3.2 `RTCPeerConnection.defaultIceServers`: the ICE servers "configured into the browser",
   * which today's engines never expose. Given here, a 2016 era lists them (frozen) and uses them for a
   * connection whose configuration has no `iceServers`. Default: none (an empty list, nothing changes).
   */
  defaultIceServers?: readonly RTCIceServer[];
}

export type PrefixOption = 'family' | 'all';
/** Which prefixed families a surface may define names of, decided once per install (core/prefix-family.ts). */
export interface PrefixFamilies {
  readonly moz: boolean;
  readonly webkit: boolean;
}

/**
 * One legacy member an app can call, and what to write instead today (issue 15: one table, read by the
 * warnings, report(), the scanner (scripts/scan) and the docs).
 */
export interface LegacyMember {
  /**
   * As an app writes it, and the key the shim counts uses under (`ctx.used(name)`):
   * `MediaStream.prototype.stop`, `navigator.getUserMedia`, `PeerConnection`. Unique in the registry.
   */
  readonly name: string;
  /** A short line of modern code. */
  readonly replacement: string;
  readonly note?: string;
  /** The drafts this member comes from when not all of its surface's `drafts` (first = introduced). */
  readonly drafts?: readonly DraftDate[];
  /**
   * How the source scanner recognises a use, alternatives separated by ` | ` (scripts/scan/patterns.js):
   * `new X` a construction of the global X · `X` any reference to the global X · `T#m()` a call of m on a
   * receiver of type T (`*` any receiver) · `T#p` a read or write of p · `…#m(fn)` first argument a
   * function · `…#m(T)` first argument of type T · `{k}` an object literal with key k · `@type` an
   * `ontype` handler or addEventListener('type'). Types come from constructions, getUserMedia callbacks
   * and `.stream`; a receiver whose type is unknown but whose name says it (`stream` for MediaStream) is a
   * "possible" finding. No pattern: the scanner cannot see this member.
   */
  readonly pattern?: string;
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
  /**
   * The app used the legacy member `member` (a `LegacyMember.name` of the registry): counted, with its
   * call site, for report(); with `warnings: true` a one-time console message. Call it only on the
   * legacy path of a widened native member, never for a modern call.
   */
  used(member: string): void;
  /** Kept for surfaces written before `used`: `used(member)`, with `modern` if the table lacks it. */
  deprecated(member: string, modern: string): void;
  /** The prefixed families this install completes (principle 2); read it, never the user agent. */
  readonly prefixes: PrefixFamilies;
  /** The options install() was called with (read by surfaces that take one, e.g. defaultIceServers). */
  readonly options: Readonly<InstallOptions>;
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
  /**
   * The members it provides, each with its modern replacement. Optional in the type so a surface written
   * before the table still compiles; test/unit/members.test.js fails for a registered surface without them.
   */
  readonly members?: readonly LegacyMember[];
  detect(win: LegacyWindow): boolean;
  install(ctx: InstallContext): void;
}
