/**
 * The classic `<script src="webrtc-legacy.js">` entry: installs with defaults on load, as an old app
 * expects, and exposes `window.WebRTCLegacy`. A page may set `window.WebRTCLegacyOptions` before the
 * script tag (`{ era, warnings }`, or `{ autoInstall: false }` to install later by hand).
 */
import { install, installed, report, uninstall, usage } from './install/install';
import type { InstallOptions } from './install/types';
import { version } from './version';
import * as roap from './roap/roap';

// roap: the 2011 wire format's parse / serialize, for a page's modern code that talks to a 2011 app.
const api = { install, uninstall, installed, usage, report, version, roap };

declare global {
  interface Window {
    WebRTCLegacy?: typeof api;
    WebRTCLegacyOptions?: InstallOptions & { autoInstall?: boolean };
  }
}

if (typeof window !== 'undefined') {
  window.WebRTCLegacy = api;
  const { autoInstall = true, ...options } = window.WebRTCLegacyOptions ?? {};
  if (autoInstall) install(options);
}
