// puppeteer-core launcher for the e2e tests: headless Chromium (CDP) and
// Firefox (WebDriver BiDi), both with fake camera/microphone, optionally set up
// to deny camera/microphone permission.
//
// Environment:
//   CHROME_BIN, FIREFOX_BIN   browser executables (default /usr/bin/chromium,
//                             /usr/bin/firefox-esr, then chromium / chromium-browser,
//                             firefox-esr / firefox on PATH)
//   BROWSERS=chromium,firefox which engines browserNames() returns (default: both)
//   BROWSER_DUMPIO=1          pipe the browsers' stdout/stderr to ours (debugging)
//
// Permission behaviour, verified by experiment (Chromium 156, Firefox 153 ESR,
// puppeteer-core 24.43, pages served from http://127.0.0.1):
//
// Chromium
//   allow: --use-fake-device-for-media-stream --use-fake-ui-for-media-stream
//          -> gUM({audio,video}) resolves in ~0.3 s, 1+1 tracks, 640x480 video plays.
//   deny:  --use-fake-ui-for-media-stream=deny
//          -> NotAllowedError "Permission denied" in ~0.1 s.
//          (Leaving the flag out also gives NotAllowedError in headless mode, since
//          headless auto-dismisses the prompt, but we say "deny" explicitly.)
//
// Firefox
//   allow: media.navigator.streams.fake=true + media.navigator.permission.disabled=true
//          -> resolves in ~40 ms, 1+1 tracks, 640x480 video plays.
//   deny:  media.navigator.permission.disabled=false + permissions.default.camera=2
//          + permissions.default.microphone=2 (2 = DENY_ACTION)
//          -> NotAllowedError in <0.1 s.
//   Did NOT work for denial (getUserMedia never settles: a permission prompt is
//   opened that nobody answers in headless mode):
//          media.navigator.permission.disabled=false alone, and
//          media.navigator.permission.disabled=false + media.navigator.permission.fake=true.
//   Also no good: permission.disabled=true overrides permissions.default.*=2 (resolves).
//
// close(): the returned Browser's close() is wrapped so that it always ends the
// browser: graceful close with a time limit, then SIGKILL to the browser's process
// group (puppeteer spawns it detached, so the group is the browser and its children
// only), then removal of the temporary profile.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import puppeteer from 'puppeteer-core';

const ENGINES = ['chromium', 'firefox'];
const ALIASES = { chrome: 'chromium', 'chromium-browser': 'chromium', ff: 'firefox', 'firefox-esr': 'firefox' };

const CLOSE_TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in containers
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

const FIREFOX_PREFS = {
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

const FIREFOX_DENY_PREFS = {
  'media.navigator.permission.disabled': false,
  'permissions.default.camera': 2,
  'permissions.default.microphone': 2,
};

/** Engines to run: all, or those listed in $BROWSERS (comma/space separated). */
export function browserNames() {
  const filter = process.env.BROWSERS?.trim();
  if (!filter) return [...ENGINES];
  const names = filter
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((n) => ALIASES[n.toLowerCase()] ?? n.toLowerCase());
  const unknown = names.filter((n) => !ENGINES.includes(n));
  if (unknown.length) {
    throw new Error(`BROWSERS: unknown engine(s) ${unknown.join(', ')}; known: ${ENGINES.join(', ')}`);
  }
  return [...new Set(names)];
}

/** Path of the executable for an engine (env var, Debian default, then PATH). */
export function executablePath(name) {
  const [envVar, candidates] = {
    chromium: ['CHROME_BIN', ['/usr/bin/chromium', 'chromium', 'chromium-browser']],
    firefox: ['FIREFOX_BIN', ['/usr/bin/firefox-esr', 'firefox-esr', 'firefox']],
  }[name] ?? [];
  if (!envVar) throw new Error(`unknown browser '${name}'; known: ${ENGINES.join(', ')}`);

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

/**
 * Launch a headless browser with fake media devices.
 * @param {'chromium'|'firefox'} name
 * @param {{ deny?: boolean }} [options] deny: camera/microphone permission is denied
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launch(name, { deny = false } = {}) {
  const exe = executablePath(name);
  // Our own temporary profile for both engines, removed after the process has
  // exited. (puppeteer's own temp-profile removal for Firefox races with the Node
  // process exiting right after close().)
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `webrtc-legacy-${name}-`));
  const removeProfile = () => fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  // Last resort if nobody calls close() or Node is interrupted (puppeteer's own
  // SIGINT handler kills the browser and calls process.exit) - even mid-launch.
  const onNodeExit = () => removeProfile();
  process.once('exit', onNodeExit);
  const common = {
    executablePath: exe,
    headless: true,
    userDataDir: profile,
    dumpio: process.env.BROWSER_DUMPIO === '1',
    timeout: 60_000,
  };

  let browser;
  try {
    if (name === 'chromium') {
      browser = await puppeteer.launch({
        ...common,
        args: [
          ...CHROMIUM_ARGS,
          deny ? '--use-fake-ui-for-media-stream=deny' : '--use-fake-ui-for-media-stream',
        ],
      });
    } else {
      browser = await puppeteer.launch({
        ...common,
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        extraPrefsFirefox: { ...FIREFOX_PREFS, ...(deny ? FIREFOX_DENY_PREFS : {}) },
      });
    }
  } catch (err) {
    process.off('exit', onNodeExit);
    removeProfile();
    throw err;
  }

  const proc = browser.process();

  const gracefulClose = browser.close.bind(browser);
  let closing;
  browser.close = () => {
    closing ??= (async () => {
      try {
        await withTimeout(gracefulClose(), CLOSE_TIMEOUT_MS);
      } catch {
        // fall through to the hard kill
      }
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        // Still running, so its pid (= process group id, spawned detached) is ours.
        try {
          process.kill(-proc.pid, 'SIGKILL');
        } catch {
          try {
            proc.kill('SIGKILL');
          } catch {}
        }
        await withTimeout(once(proc, 'exit'), CLOSE_TIMEOUT_MS).catch(() => {});
      }
      process.off('exit', onNodeExit);
      removeProfile();
    })();
    return closing;
  };
  return browser;
}

/**
 * Open a new page, navigate to url (if given), run fn(page), always close the page.
 * Uncaught page errors are appended to the message if fn throws.
 * @template T
 * @param {import('puppeteer-core').Browser} browser
 * @param {string|null} url
 * @param {(page: import('puppeteer-core').Page) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withPage(browser, url, fn) {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err?.message ?? err)));
  try {
    if (url) {
      const response = await page.goto(url, { waitUntil: 'load' });
      if (response && !response.ok()) throw new Error(`GET ${url} -> HTTP ${response.status()}`);
    }
    return await fn(page);
  } catch (err) {
    if (pageErrors.length && err instanceof Error) {
      err.message += `\n  page errors:\n    ${pageErrors.join('\n    ')}`;
    }
    throw err;
  } finally {
    await page.close().catch(() => {});
  }
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
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
