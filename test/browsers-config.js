// Where the browsers are and how they are started, for karma and puppeteer alike.
// CHROME_BIN / FIREFOX_BIN point at other builds.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

function which(names) {
  for (const n of names) {
    if (n.startsWith('/') && existsSync(n)) return n;
    try {
      const p = execFileSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {}
  }
  return undefined;
}

export const chromiumBin = () => process.env.CHROME_BIN || which(['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome']) || 'chromium';
export const firefoxBin = () => process.env.FIREFOX_BIN || which(['/usr/bin/firefox-esr', 'firefox-esr', 'firefox']) || 'firefox';

/** Headless as root, fake camera and microphone granted without a prompt, autoplay allowed, offline. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
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
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // Offline machines: no update, telemetry or captive-portal probes.
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
};
