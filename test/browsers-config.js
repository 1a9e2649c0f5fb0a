// Where the browsers are and how they start, for karma (test/browser) and puppeteer (test/e2e) alike.
// CHROME_BIN / FIREFOX_BIN point at other builds. Each flag and pref below was checked on
// Chromium 156 and Firefox 153 ESR, headless, as root (notes in test/e2e/browsers.js).
import fs from 'node:fs';
import path from 'node:path';

/** Headless as root, fake camera and microphone granted without a prompt, autoplay allowed, offline. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox', // we run as root in containers
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream', // "=deny" refuses camera and microphone instead
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];

export const FIREFOX_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.autoplay.default': 0, // 0 = allow audible autoplay
  // No sound server/ALSA device in containers: without a mock cubeb context an
  // AudioContext stays 'suspended' forever (resume() never settles) and <audio>
  // runs faster than real time. With it: 'running', real-time playback.
  'media.cubeb.force_mock_context': true,
  // Offline hygiene. puppeteer already sets most update/telemetry/safebrowsing
  // prefs; these cover the remaining network probes of Firefox 153 ESR.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.discovery.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.topsites.contile.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.autoupdate': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'datareporting.policy.dataSubmissionEnabled': false,
};

export const FIREFOX_DENY_PREFS = {
  'media.navigator.permission.disabled': false,
  'permissions.default.camera': 2,
  'permissions.default.microphone': 2,
};

/** Path of the executable for an engine (env var, Debian default, then PATH). */
export function executablePath(name) {
  const [envVar, candidates] = {
    chromium: ['CHROME_BIN', ['/usr/bin/chromium', 'chromium', 'chromium-browser']],
    firefox: ['FIREFOX_BIN', ['/usr/bin/firefox-esr', 'firefox-esr', 'firefox']],
  }[name] ?? [];
  if (!envVar) throw new Error(`unknown browser '${name}'; known: ${'chromium, firefox'}`);

  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${envVar}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  for (const candidate of candidates) {
    const found = candidate.includes('/') ? (isExecutable(candidate) ? candidate : null) : which(candidate);
    if (found) return found;
  }
  throw new Error(`${name} not found (tried ${candidates.join(', ')}); set ${envVar}`);
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  return null;
}
