import { installed, installSurfaces, report, uninstall, usage } from './engine';
import type { InstallOptions, PatchedProperty, Surface } from './types';

/** What a draft folder's index.ts exports: its surfaces, and those that must install after every draft's. */
export interface DraftModule {
  readonly surfaces: readonly Surface[];
  readonly last?: readonly Surface[];
}

/** The API of an entry point over some drafts: the same functions as the full one, over their surfaces only. */
export interface EntryApi {
  readonly surfaces: readonly Surface[];
  install(options?: InstallOptions): PatchedProperty[];
  uninstall: typeof uninstall;
  installed: typeof installed;
  usage: typeof usage;
  report: typeof report;
}

/**
 * The per-draft entry points (`webrtc-legacy/<draft-id>`, `dist/webrtc-legacy.<year>.js`): rollup.config.js
 * generates one per src/drafts/* folder, each importing only its drafts, so the bundle holds only their code.
 */
export function entryOf(drafts: readonly DraftModule[]): EntryApi {
  // The registry's order: every draft's surfaces, then every draft's `last`.
  const surfaces = [...drafts.flatMap((d) => d.surfaces), ...drafts.flatMap((d) => d.last ?? [])];
  return {
    surfaces,
    install: (options?: InstallOptions) => installSurfaces(surfaces, options),
    uninstall,
    installed,
    usage,
    report,
  };
}
