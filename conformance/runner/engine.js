// The Node side of the conformance suite: serves the repository, opens conformance/page/index.html
// in each browser × mode × draft, loads the draft's member table and assertion scripts into it and
// runs every check, one at a time (presence checks in batches: they are synchronous lookups).
//
// One page is reused for all checks of one draft and mode; it is reloaded only after a check left it
// unusable (a node-side watchdog fired, or the page navigated or crashed). Contract:
// conformance/README.md.

import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/app.js';
import { launch } from '../../test/e2e/browsers.js';
import { summarise } from './summary.js';
import { markLeftOut, readLeftOut } from './left-out.js';

// 2011 WD §6 (the Window keeps each PeerConnection alive) is only observable across a real garbage
// collection: Chromium exposes window.gc() with this V8 flag. Firefox has no such switch for pages,
// so that assertion reports itself skipped there, with the reason.
const launchOptions = (name) => (name === 'chromium' ? { args: ['--js-flags=--expose-gc'] } : {});

export const CONFORMANCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(CONFORMANCE_DIR, '..');
export const BROWSERS = ['chromium', 'firefox'];
export const MODES = ['native', 'shim'];

/** Beyond a check's own (in-page) timeout, how long Node waits before it gives up on the page. */
const WATCHDOG_MARGIN_MS = 8000;
/** Presence checks are synchronous lookups: a batch that takes this long has wedged the page. */
const BATCH_WATCHDOG_MS = 30000;
const BATCH_SIZE = 100;
const LOAD_TIMEOUT_MS = 60000;

export function readDrafts() {
  return JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'drafts.json'), 'utf8'));
}

/** The draft's member table, null when it is not written yet; a table that does not parse throws. */
export function readTable(draftId) {
  const file = path.join(CONFORMANCE_DIR, 'members', `${draftId}.json`);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Assertion scripts of a draft, as paths below conformance/ (sorted, so runs are repeatable). */
export function scriptsOf(draftId) {
  const dir = draftId === 'modern' ? 'modern' : path.join('assertions', draftId);
  const abs = path.join(CONFORMANCE_DIR, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => `${dir.split(path.sep).join('/')}/${f}`);
}

class Watchdog extends Error {}

function withWatchdog(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Watchdog(`${what}: the page did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** First place where two observations differ, as a short path and both values. */
export function firstDifference(a, b, at = '') {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`);
      if (d) return d;
    }
  }
  const show = (v) => (v === undefined ? 'nothing' : JSON.stringify(v)).slice(0, 200);
  return `${at || 'observation'}: native ${show(a)}, shim ${show(b)}`;
}

/**
 * Run the suite.
 * @param {{ browsers?: string[], drafts?: string[], modes?: string[], fast?: boolean, parallel?: boolean,
 *           log?: (line: string) => void, server?: { url: string } }} [options]
 * @returns {Promise<{ generated: string, durationSeconds: number, browsers: Record<string,string>,
 *                     drafts: object[], results: object[] }>}
 */
export async function runConformance({
  browsers = BROWSERS,
  drafts: draftIds,
  modes = MODES,
  fast = false,
  parallel = false,
  log = () => {},
  server: givenServer,
} = {}) {
  const started = Date.now();
  const known = readDrafts();
  const drafts = draftIds?.length ? draftIds.map((id) => known.find((d) => d.id === id) ?? unknownDraft(id, known)) : known;
  for (const b of browsers) if (!BROWSERS.includes(b)) throw new Error(`unknown browser '${b}'; known: ${BROWSERS.join(', ')}`);

  const server = givenServer ?? (await startServer({ port: 0 }));
  const versions = {};
  const perBrowser = {};
  try {
    const one = async (name) => {
      perBrowser[name] = await runBrowser(name, { server, drafts, modes, fast, log, versions });
    };
    if (parallel) await Promise.all(browsers.map(one));
    else for (const name of browsers) await one(name);
  } finally {
    if (!givenServer) await server.close();
  }
  const results = browsers.flatMap((b) => perBrowser[b] ?? []);
  return {
    generated: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 100) / 10,
    fast,
    browsers: versions,
    drafts: drafts.map(({ id, title }) => ({ id, title })),
    results,
    summary: summarise(results, drafts.map((d) => d.id)),
  };
}

function unknownDraft(id, known) {
  throw new Error(`unknown draft '${id}'; known: ${known.map((d) => d.id).join(', ')}`);
}

async function runBrowser(name, { server, drafts, modes, fast, log, versions }) {
  const results = [];
  let browser = await launch(name, launchOptions(name));
  try {
    versions[name] = await browser.version();
    // The modern set compares shim observations with native ones: native always runs first.
    const nativeObservations = new Map();
    for (const draft of drafts) {
      const draftModes = draft.id === 'modern' && modes.includes('shim') ? MODES : MODES.filter((m) => modes.includes(m));
      for (const mode of draftModes) {
        const t0 = Date.now();
        const session = new PageSession({ browser, name, server, draft, mode, fast, log });
        let rows;
        try {
          rows = await session.runAll();
        } finally {
          await session.close();
          if (session.browserDead) {
            log(`${name}: the browser stopped answering; starting a new one`);
            await browser.close().catch(() => {});
            browser = await launch(name, launchOptions(name));
          }
        }
        for (const row of rows) {
          if (row.kind === 'modern') {
            const key = row.id;
            if (mode === 'native') nativeObservations.set(key, { ...row });
            else compareModern(row, nativeObservations.get(key));
          }
          delete row.observation;
          results.push(row);
        }
        const count = (r) => rows.filter((x) => x.result === r).length;
        log(
          `${name.padEnd(8)} ${mode.padEnd(6)} ${draft.id.padEnd(28)} ${String(rows.length).padStart(4)} checks: ` +
            `${count('passed')} passed, ${count('failed')} failed, ${count('timeout')} timeout, ${count('skipped')} skipped` +
            ` (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Shim mode of a modern flow passes when it completes and the app saw exactly what it saw natively. */
function compareModern(shim, native) {
  if (shim.result !== 'passed') {
    if (native && native.result !== 'passed' && native.result === shim.result && native.error === shim.error) {
      shim.result = 'skipped';
      shim.error = `the flow does not complete natively either (${native.error}); same outcome with the shim`;
    }
    return;
  }
  if (!native) {
    shim.result = 'failed';
    shim.error = 'no native run to compare with';
  } else if (native.result !== 'passed') {
    shim.result = 'failed';
    shim.error = `completes with the shim but not natively (${native.result}: ${native.error}): the shim changed what the app sees`;
  } else {
    const diff = firstDifference(native.observation, shim.observation);
    if (diff) {
      shim.result = 'failed';
      shim.error = `observation differs from native: ${diff}`;
    }
  }
}

/** One page for one browser × draft × mode. */
class PageSession {
  constructor({ browser, name, server, draft, mode, fast, log }) {
    Object.assign(this, { browser, name, server, draft, mode, fast, log });
    this.leftOut = readLeftOut(draft.id);
    this.page = null;
    this.browserDead = false;
    const q = new URLSearchParams({ draft: draft.id, mode, browser: name });
    if (mode === 'shim') q.set('era', draft.era ?? 'auto');
    this.url = new URL(`conformance/page/index.html?${q}`, server.url).href;
  }

  row(check, outcome) {
    return markLeftOut({
      id: check.id,
      draft: check.draft ?? this.draft.id,
      section: check.section ?? (check.kind === 'presence' ? 'IDL' : ''),
      kind: check.kind,
      title: check.title ?? check.id,
      browser: this.name,
      mode: this.mode,
      result: outcome.result,
      error: outcome.error ?? null,
      ms: outcome.ms ?? 0,
      observation: outcome.observation ?? null,
    }, this.leftOut);
  }

  /** (Re)open the page and load the draft's checks into it. */
  async prepare() {
    if (this.page) await this.page.close().catch(() => {});
    this.page = null;
    const page = await withWatchdog(this.browser.newPage(), LOAD_TIMEOUT_MS, 'new page');
    this.page = page;
    // An assertion's alert()/confirm() must not block the page.
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    const res = await withWatchdog(page.goto(this.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }), LOAD_TIMEOUT_MS + 5000, 'load');
    if (res && !res.ok()) throw new Error(`GET ${this.url} -> HTTP ${res.status()}`);
    let table = null;
    const problems = [];
    try {
      table = readTable(this.draft.id);
    } catch (err) {
      problems.push({ id: `${this.draft.id} IDL`, kind: 'presence', error: `conformance/members/${this.draft.id}.json: ${err.message}` });
    }
    const scripts = scriptsOf(this.draft.id).map((p) => `/conformance/${p}`);
    const loaded = await withWatchdog(
      page.evaluate((opts) => window.conformance.load(opts), { table, scripts }),
      LOAD_TIMEOUT_MS,
      'conformance.load',
    );
    return { checks: loaded.checks, problems: [...problems, ...loaded.problems] };
  }

  async runAll() {
    const rows = [];
    let loaded;
    try {
      loaded = await this.prepare();
    } catch (err) {
      return [this.row({ id: `${this.draft.id} page`, kind: 'behaviour', section: '', title: 'the conformance page loads' }, { result: 'failed', error: `page did not load: ${err.message}` })];
    }
    for (const p of loaded.problems) {
      rows.push(this.row({ id: p.id, kind: p.kind, section: p.kind === 'presence' ? 'IDL' : 'load', title: p.id }, { result: 'failed', error: p.error }));
    }
    const checks = loaded.checks.filter((c) => !this.fast || c.fast || c.kind === 'presence');
    const presence = checks.filter((c) => c.kind === 'presence');
    const others = checks.filter((c) => c.kind !== 'presence');

    for (let i = 0; i < presence.length; i += BATCH_SIZE) {
      const batch = presence.slice(i, i + BATCH_SIZE);
      let outcomes = null;
      try {
        outcomes = await withWatchdog(
          this.page.evaluate((ids) => window.conformance.runMany(ids), batch.map((c) => c.id)),
          BATCH_WATCHDOG_MS,
          'presence batch',
        );
      } catch (err) {
        // Find the culprit: reload and run this batch one check at a time.
        if (!(await this.recover(err))) outcomes = batch.map(() => ({ result: 'failed', error: `page unusable: ${err.message}` }));
      }
      if (outcomes) batch.forEach((c, k) => rows.push(this.row(c, outcomes[k])));
      else for (const c of batch) rows.push(await this.runOne(c));
    }
    for (const c of others) rows.push(await this.runOne(c));
    return rows;
  }

  async runOne(check) {
    if (!this.page) {
      return this.row(check, { result: 'failed', error: 'not run: the page could not be reloaded after an earlier check' });
    }
    const limit = check.timeout + WATCHDOG_MARGIN_MS;
    const t0 = Date.now();
    try {
      const outcome = await withWatchdog(this.page.evaluate((id) => window.conformance.run(id), check.id), limit, check.id);
      return this.row(check, outcome);
    } catch (err) {
      const ms = Date.now() - t0;
      const row =
        err instanceof Watchdog
          ? this.row(check, { result: 'timeout', error: `the page stopped answering: no result within ${limit} ms (page reloaded)`, ms })
          : this.row(check, { result: 'failed', error: `the page failed while running it: ${err.message.split('\n')[0]} (page reloaded)`, ms });
      await this.recover(err);
      return row;
    }
  }

  /** Reload the page after a wedge; false when it cannot be brought back. */
  async recover(cause) {
    this.log(`${this.name} ${this.mode} ${this.draft.id}: reloading the page (${String(cause.message).split('\n')[0]})`);
    try {
      await this.prepare();
      return true;
    } catch (err) {
      this.log(`${this.name} ${this.mode} ${this.draft.id}: reload failed: ${err.message}`);
      if (this.page) await this.page.close().catch(() => {});
      this.page = null;
      this.browserDead = true;
      return false;
    }
  }

  async close() {
    if (this.page) await withWatchdog(this.page.close(), 10000, 'close page').catch(() => {});
    this.page = null;
  }
}
