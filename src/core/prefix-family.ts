import type { LegacyWindow, PrefixFamilies, PrefixOption } from '../install/types';

/**
 * Principle 2: apps of 2012–2015 chose their code path by the prefix the engine announced
 * (`navigator.mozGetUserMedia` → Firefox path, `webkitGetUserMedia` → Chrome path), so by default only
 * that family's names are completed. Read before any surface installs, so the shim's own definitions
 * never count as the engine's announcement. `'all'` adds both, for pages written for one engine.
 */
export function prefixFamilies(win: LegacyWindow, option: PrefixOption = 'family'): PrefixFamilies {
  if (option === 'all') return { moz: true, webkit: true };
  const nav = win.Navigator?.prototype as unknown as Record<string, unknown> | undefined;
  return {
    moz: !!nav && typeof nav['mozGetUserMedia'] === 'function',
    webkit: !!nav && typeof nav['webkitGetUserMedia'] === 'function',
  };
}
