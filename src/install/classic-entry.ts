import type { InstallOptions } from './types';
import type { EntryApi } from './entry';
import { version } from '../version';

/** window.WebRTCLegacy of a classic script: the entry's functions, the version, and what the script adds. */
export type ClassicApi = Omit<EntryApi, 'surfaces'> & { version: string } & Record<string, unknown>;

declare global {
  interface Window {
    WebRTCLegacy?: ClassicApi;
    WebRTCLegacyOptions?: InstallOptions & { autoInstall?: boolean };
  }
}

/**
 * A classic `<script>`: installs with defaults on load, as an old app expects, and exposes
 * `window.WebRTCLegacy`. A page may set `window.WebRTCLegacyOptions` before the script tag
 * (`{ era, warnings }`, or `{ autoInstall: false }` to install later by hand).
 */
export function startClassic(entry: EntryApi, extra: Record<string, unknown> = {}): void {
  if (typeof window === 'undefined') return;
  const { install, uninstall, installed, usage, report } = entry;
  window.WebRTCLegacy = { install, uninstall, installed, usage, report, version, ...extra };
  const { autoInstall = true, ...options } = window.WebRTCLegacyOptions ?? {};
  if (autoInstall) install(options);
}
