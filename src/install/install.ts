import { installSurfaces } from './engine';
import { registry } from './registry';
import type { InstallOptions, PatchedProperty } from './types';

export { installed, report, uninstall, usage, wanted } from './engine';

/**
 * Installs every legacy surface of every draft this window lacks. Idempotent: a second call with the
 * same options changes nothing; with other options it reinstalls, as if uninstall() had been called first.
 */
export function install(options: InstallOptions = {}): PatchedProperty[] {
  return installSurfaces(registry, options);
}
