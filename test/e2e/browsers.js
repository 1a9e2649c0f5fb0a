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
// Launch time (2 vCPU, loaded): Chromium 0.4-0.7 s; Firefox 3.3-4.5 s, of which
// ~3 s is Firefox answering BiDi session.new (its own start-up to "listening" is
// ~0.6 s). close(): Chromium ~0.3 s, Firefox ~0.8 s.
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
import { CHROMIUM_FLAGS, FIREFOX_PREFS, FIREFOX_DENY_PREFS, executablePath } from '../browsers-config.js';
import { startServer } from '../../server/app.js';

export { executablePath };

const ENGINES = ['chromium', 'firefox'];
const ALIASES = { chrome: 'chromium', 'chromium-browser': 'chromium', ff: 'firefox', 'firefox-esr': 'firefox' };

const CLOSE_TIMEOUT_MS = 10_000;

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

/**
 * Launch a headless browser with fake media devices.
 * @param {'chromium'|'firefox'} name
 * @param {{ deny?: boolean, args?: string[], acceptInsecureCerts?: boolean }} [options] deny: camera/microphone
 *   permission is denied; args: extra command-line arguments (e.g. the benchmarks' `--js-flags=--expose-gc` for
 *   Chromium); acceptInsecureCerts: trust self-signed certificates (the demo IdP's)
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launch(name, { deny = false, args: extraArgs = [], acceptInsecureCerts = false } = {}) {
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
    // The demo IdP's self-signed certificate (server/idp.js): Firefox's IdP loader honours it too.
    acceptInsecureCerts,
  };

  let browser;
  try {
    if (name === 'chromium') {
      browser = await puppeteer.launch({
        ...common,
        args: [...CHROMIUM_FLAGS.map((f) => (deny && f === '--use-fake-ui-for-media-stream' ? `${f}=deny` : f)), ...extraArgs],
      });
    } else {
      browser = await puppeteer.launch({
        ...common,
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        // System access lets revokeCapture() reach Firefox's own "Stop sharing" machinery.
        args: ['--remote-allow-system-access', ...extraArgs],
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


// Firefox's own "Stop sharing" button, run in the browser's privileged window (needs the
// --remote-allow-system-access launch flag): it clears the site's camera/microphone permissions
// and sends "webrtc:StopSharing" to the page's WebRTC actor, which revokes the page's capture in the
// content process — the tracks end and fire `ended`, as when a user stops sharing. These are
// Firefox internals (WebRTCChild.sys.mjs, webrtcUI.sys.mjs), checked on Firefox 153 ESR.
const FIREFOX_STOP_SHARING = `(contextId) => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const top = NavigableManager.getBrowsingContextById(contextId);
  if (!top) throw new Error('no browsing context ' + contextId);
  try {
    const { SitePermissions } = ChromeUtils.importESModule('resource:///modules/SitePermissions.sys.mjs');
    const browser = top.top.embedderElement;
    for (const perm of SitePermissions.getAllForBrowser(browser)) {
      const id = perm.id.split(SitePermissions.PERM_KEY_DELIMITER)[0];
      if (id === 'camera' || id === 'microphone') SitePermissions.removeFromPrincipal(browser.contentPrincipal, perm.id, browser);
    }
  } catch (e) {}
  let sent = 0;
  for (const bc of top.getAllBrowsingContextsInSubtree()) {
    const wg = bc.currentWindowGlobal;
    if (!wg) continue;
    wg.getActor('WebRTC').sendAsyncMessage('webrtc:StopSharing', String(wg.innerWindowId));
    sent++;
  }
  return sent;
}`;

/**
 * Ends a page's camera and microphone capture the way its user revoking access does: the browser
 * ends the tracks and they fire `ended` (track.stop() from the page would fire nothing).
 * Chromium: the permission is set to denied through CDP, for the page's origin, until the browser closes.
 */
export async function revokeCapture(page) {
  const browser = page.browser();
  if ((await browser.version()).toLowerCase().includes('firefox')) {
    const { result: tree } = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const { result } = await browser.connection.send('script.callFunction', {
      functionDeclaration: FIREFOX_STOP_SHARING,
      target: { context: tree.contexts[0].context },
      arguments: [{ type: 'string', value: page.mainFrame()._id }],
      awaitPromise: false,
    });
    if (result.type === 'exception') throw new Error(`Firefox stop sharing failed: ${JSON.stringify(result.exceptionDetails)}`);
    return;
  }
  const origin = new URL(page.url()).origin;
  const cdp = await page.createCDPSession();
  for (const name of ['camera', 'microphone']) {
    await cdp.send('Browser.setPermission', { permission: { name }, setting: 'denied', origin });
  }
  await cdp.detach();
}

/**
 * Mocha hooks for a suite that needs the project server and one browser of each engine: started in
 * before(), closed in after(). The returned object's `server` and `browsers[engine]` are set once
 * before() has run.
 */
export function useServerAndBrowsers(engines) {
  const env = { server: undefined, browsers: {} };
  before(async () => {
    env.server = await startServer({ port: 0 });
    for (const e of engines) env.browsers[e] = await launch(e);
  });
  after(async () => {
    for (const b of Object.values(env.browsers)) await b.close();
    await env.server?.close();
  });
  return env;
}
