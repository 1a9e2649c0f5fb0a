import { prefixFamilies } from '../core/prefix-family';
import { liveWindows } from './live';
import { Patcher } from './patch';
import { memberTable, Usage, usages, type UsageRow } from './usage';
import { ERAS, type Era, type InstallContext, type InstallOptions, type LegacyWindow, type PatchedProperty, type PrefixOption, type Surface } from './types';

/**
 * install() over any list of surfaces: the full registry (install.ts) or one draft's (the per-draft
 * entry points rollup.config.js generates from src/drafts/*), so a draft's bundle holds only its code.
 */
interface Installation {
  era: Era;
  /** The options that change what surfaces install, beyond era/prefixes/warnings, as JSON. */
  more: string;
  prefixes: PrefixOption;
  surfaces: readonly Surface[];
  usage: Usage;
  patcher: Patcher;
  installed: Set<string>;
}

const installations = new WeakMap<LegacyWindow, Installation>();

function defaultWindow(): LegacyWindow {
  if (typeof window === 'undefined') throw new TypeError('webrtc-legacy: install() needs a window (none in this environment)');
  return window;
}

/** design.md: 'auto' takes the surfaces that collide with nothing; a date also takes its colliding ones. */
export function wanted(surface: Surface, era: Era): boolean {
  return !surface.collides || (era !== 'auto' && surface.drafts.includes(era));
}

/**
 * Installs every surface of `surfaces` this window lacks. Idempotent: a second call with the same
 * options changes nothing; with other options it reinstalls, as if uninstall() had been called first.
 */
export function installSurfaces(surfaces: readonly Surface[], options: InstallOptions = {}): PatchedProperty[] {
  const win = options.window ?? defaultWindow();
  const era = options.era ?? 'auto';
  if (era !== 'auto' && !(ERAS as readonly string[]).includes(era)) {
    throw new TypeError(`webrtc-legacy: unknown era ${JSON.stringify(era)}; use 'auto' or one of ${ERAS.join(', ')}`);
  }
  const prefixes = options.prefixes ?? 'family';
  if (prefixes !== 'family' && prefixes !== 'all') throw new TypeError(`webrtc-legacy: unknown prefixes ${JSON.stringify(prefixes)}; use 'family' or 'all'`);
  const more = JSON.stringify(options.defaultIceServers ?? []);
  const current = installations.get(win);
  if (current) {
    if (current.era === era && current.prefixes === prefixes && current.usage.warnings === !!options.warnings && current.surfaces === surfaces && current.more === more) {
      return current.patcher.list();
    }
    uninstall({ window: win });
  }
  // Before any surface defines a prefixed name of its own.
  const families = prefixFamilies(win, prefixes);
  const usage = new Usage(!!options.warnings, memberTable(surfaces));
  const it: Installation = { era, more, prefixes, surfaces, usage, patcher: new Patcher(), installed: new Set() };
  installations.set(win, it);
  usages.set(win, usage);
  liveWindows.add(win);
  for (const surface of surfaces) {
    if (!wanted(surface, era) || !surface.detect(win)) continue;
    const ctx: InstallContext = {
      win,
      era,
      define: (target, targetName, name, descriptor) => it.patcher.define(surface.id, target, targetName, name, descriptor),
      active: (id) => it.installed.has(id),
      used: (member) => usage.used(member),
      deprecated: (member, modern) => usage.used(member, modern),
      prefixes: families,
      options,
    };
    try {
      surface.install(ctx);
      it.installed.add(surface.id);
    } catch (e) {
      // One surface that cannot install (an engine without some base interface) must not take the rest down.
      console.warn(`webrtc-legacy: ${surface.id} not installed:`, e);
    }
  }
  return it.patcher.list();
}

/** Restores every property install() touched to its exact original descriptor. */
export function uninstall(options: Pick<InstallOptions, 'window'> = {}): void {
  const win = options.window ?? defaultWindow();
  const it = installations.get(win);
  if (!it) return;
  it.patcher.restoreAll();
  installations.delete(win);
  usages.delete(win);
  liveWindows.delete(win);
}

/** What the shim patched on this window: one row per property, with the surface that owns it. */
export function installed(options: Pick<InstallOptions, 'window'> = {}): PatchedProperty[] {
  const win = options.window ?? defaultWindow();
  return installations.get(win)?.patcher.list() ?? [];
}

/** How often each legacy member was used on this window (counted whether or not warnings are on). */
export function usage(options: Pick<InstallOptions, 'window'> = {}): Record<string, number> {
  const win = options.window ?? defaultWindow();
  return installations.get(win)?.usage.counts() ?? {};
}

/**
 * Every legacy member the page used since install(), in first-use order: count, first call sites
 * (`file:line:column`), draft and modern replacement. `console.table(report())`, or
 * `JSON.stringify(report())`.
 */
export function report(options: Pick<InstallOptions, 'window'> = {}): UsageRow[] {
  const win = options.window ?? defaultWindow();
  return installations.get(win)?.usage.report() ?? [];
}
