#!/usr/bin/env node
// npm run fuzz: hostile signaling input for the 2011 PeerConnection's processSignalingMessage, fed to
// live connections in headless Chromium and Firefox ESR, in every state (NEW, SDP_WAITING, SDP_IDLE,
// ACTIVE, CLOSING). Messages are mutations of real messages captured from 2011 calls in each browser
// at the start of the run (fuzz/mutators.js); the page (fuzz/page.html) judges each one, checks each
// victim is still alive after its share (a real ANSWER is taken, a stream its app adds is offered), and
// after each batch that a normal call in the same page still reaches ACTIVE.
//
//   npm run fuzz -- [--seed N] [--count N] [--browser chromium|firefox] [--batch N]
//                   [--only-index N | --range FROM-TO] [--corpus reports/fuzz-corpus-<browser>.json]
//                   [--report FILE]
//
// Reproducing a failure: the run prints `--seed S --browser B --only-index N`. Message N is rebuilt
// from the seed alone; the corpus is captured afresh (new session ids, ports, fingerprints) unless
// --corpus gives the one the failing run saved next to the report.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserNames, launch } from '../test/e2e/browsers.js';
import { startServer, REPO_ROOT } from '../server/app.js';
import { generate, stateOf, STATES } from './mutators.js';

export const DEFAULTS = { count: 10_000, batchSize: 100 };

/**
 * Runs the fuzzer in each browser. Returns the report ({ seed, count, browsers: { name: summary } }).
 * @param {{ seed: number, count?: number, browsers?: string[], batchSize?: number, onlyIndex?: number,
 *   corpusFile?: string, log?: (line: string) => void, saveCorpusDir?: string }} options
 */
export async function runFuzz({ seed, count = DEFAULTS.count, browsers = browserNames(), batchSize = DEFAULTS.batchSize, onlyIndex, range, corpusFile, log = () => {}, saveCorpusDir }) {
  const server = await startServer({ port: 0 });
  const report = { seed, count: range ? range[1] - range[0] + 1 : onlyIndex === undefined ? count : 1, batchSize, onlyIndex, range, started: new Date().toISOString(), browsers: {} };
  try {
    for (const engine of browsers) report.browsers[engine] = await runEngine({ engine, server, seed, count, batchSize, onlyIndex, range, corpusFile, log, saveCorpusDir });
  } finally {
    await server.close();
  }
  return report;
}

async function runEngine({ engine, server, seed, count, batchSize, onlyIndex, range, corpusFile, log, saveCorpusDir }) {
  const started = Date.now();
  const summary = { messages: 0, seconds: 0, outcomes: {}, reasons: {}, byState: {}, failures: [], healthChecks: { passed: 0, failed: [] }, liveness: { passed: 0, failed: [] }, setupFailures: [], pageErrors: [], corpus: {} };
  const browser = await launch(engine);
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => summary.pageErrors.push(String(e?.message ?? e)));
    await page.goto(`${server.url}fuzz/page.html`, { waitUntil: 'load' });
    let corpus;
    if (corpusFile) corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8'));
    else corpus = await page.evaluate(() => window.fuzz.capture());
    for (const c of corpus) summary.corpus[c.type] = (summary.corpus[c.type] ?? 0) + 1;
    if (saveCorpusDir) {
      fs.mkdirSync(saveCorpusDir, { recursive: true });
      fs.writeFileSync(path.join(saveCorpusDir, `fuzz-corpus-${engine}.json`), JSON.stringify(corpus));
    }
    log(`[${engine}] corpus captured from real 2011 calls: ${Object.entries(summary.corpus).map(([t, n]) => `${n} ${t}`).join(', ')}`);

    const indices = range ? Array.from({ length: range[1] - range[0] + 1 }, (_, k) => range[0] + k) : onlyIndex === undefined ? [...Array(count).keys()] : [onlyIndex];
    const batches = new Map();
    for (const i of indices) {
      const b = Math.floor(i / batchSize);
      if (!batches.has(b)) batches.set(b, []);
      batches.get(b).push(i);
    }
    const generated = new Map();
    for (const [b, list] of batches) {
      const state = stateOf(list[0], batchSize);
      const items = list.map((index) => {
        const g = generate(seed, index, corpus);
        generated.set(index, g);
        return { index, payload: g.payload };
      });
      const t0 = Date.now();
      let out;
      try {
        out = await page.evaluate((arg) => window.fuzz.runBatch(arg), { state, items });
      } catch (e) {
        // The page hung or crashed: that is a finding too. Carry on in a fresh page.
        summary.failures.push({ index: null, state, failure: `batch ${b} did not finish: ${String(e?.message ?? e).slice(0, 300)}`, reproduce: `npm run fuzz -- --seed ${seed} --browser ${engine} --range ${list[0]}-${list[list.length - 1]} --batch ${batchSize}` });
        await page.goto(`${server.url}fuzz/page.html`, { waitUntil: 'load' }).catch(() => {});
        continue;
      }
      for (const r of out.results) {
        summary.messages++;
        const st = (summary.byState[r.state ?? state] ??= {});
        st[r.outcome] = (st[r.outcome] ?? 0) + 1;
        summary.outcomes[r.outcome] = (summary.outcomes[r.outcome] ?? 0) + 1;
        if (r.reason) {
          const k = `${r.outcome} — ${r.reason}`;
          summary.reasons[k] = (summary.reasons[k] ?? 0) + 1;
        }
        if (r.failure) {
          const g = generated.get(r.index);
          summary.failures.push({ index: r.index, state: r.state ?? state, victim: r.victim, failure: r.failure, base: g.base, mutators: g.mutators, message: r.message, reproduce: `npm run fuzz -- --seed ${seed} --browser ${engine} --only-index ${r.index} --batch ${batchSize}` });
        }
      }
      const missing = items.length - out.results.length;
      if (out.setupFailures.length) summary.setupFailures.push(...out.setupFailures.map((s) => `batch ${b} (${state}): ${s}`));
      if (missing > 0) summary.setupFailures.push(`batch ${b} (${state}): ${missing} messages not fed (victim setup failed)`);
      for (const late of out.late) summary.failures.push({ index: null, state, failure: late, reproduce: `npm run fuzz -- --seed ${seed} --browser ${engine} --count ${(b + 1) * batchSize} --batch ${batchSize}` });
      summary.liveness.passed += out.liveness.passed;
      for (const f of out.liveness.failed) {
        summary.liveness.failed.push(f);
        summary.failures.push({ index: f.to, state: f.state, failure: `after messages ${f.from}..${f.to} to one victim: ${f.detail}`, reproduce: `npm run fuzz -- --seed ${seed} --browser ${engine} --range ${f.from}-${f.to} --batch ${batchSize}` });
      }
      if (out.health.ok) summary.healthChecks.passed++;
      else summary.healthChecks.failed.push(`after batch ${b} (${state}): ${out.health.detail}`);
      log(`[${engine}] batch ${b} ${state.padEnd(11)} ${out.results.length} messages in ${((Date.now() - t0) / 1000).toFixed(1)} s; after it a normal call ${out.health.ok ? 'reached ACTIVE' : 'FAILED: ' + out.health.detail}`);
    }
    // The page's own 'error' and 'unhandledrejection' listeners are what counts (they name the message
    // an error followed). puppeteer's pageerror also carries the browser's own console errors (Firefox:
    // "WebRTC: ICE failed, add a STUN server..."), kept in the report as notes.
  } finally {
    await browser.close();
  }
  summary.seconds = Math.round((Date.now() - started) / 100) / 10;
  summary.failed = summary.failures.length + summary.healthChecks.failed.length + summary.setupFailures.length;
  return summary;
}

/** The terminal table: outcomes per browser, then the reasons behind them. */
export function formatReport(report) {
  const names = Object.keys(report.browsers);
  const rows = [];
  const keys = (field) => [...new Set(names.flatMap((n) => Object.keys(report.browsers[n][field])))].sort();
  const width = 84;
  const line = (label, values) => rows.push(label.slice(0, width).padEnd(width) + values.map((v) => String(v).padStart(11)).join(''));
  line('outcome', names);
  line('messages', names.map((n) => report.browsers[n].messages));
  line('seconds', names.map((n) => report.browsers[n].seconds));
  for (const k of keys('outcomes')) line(k, names.map((n) => report.browsers[n].outcomes[k] ?? 0));
  line('victim still answers and offers after its messages: yes / no', names.map((n) => `${report.browsers[n].liveness.passed}/${report.browsers[n].liveness.failed.length}`));
  line('normal call after each batch: ACTIVE / failed', names.map((n) => `${report.browsers[n].healthChecks.passed}/${report.browsers[n].healthChecks.failed.length}`));
  line('failures', names.map((n) => report.browsers[n].failed));
  rows.push('', 'by reason');
  for (const k of keys('reasons')) line(`  ${k}`, names.map((n) => report.browsers[n].reasons[k] ?? 0));
  rows.push('', 'by state');
  for (const s of STATES) {
    const outs = [...new Set(names.flatMap((n) => Object.keys(report.browsers[n].byState[s] ?? {})))].sort();
    for (const o of outs) line(`  ${s}: ${o}`, names.map((n) => report.browsers[n].byState[s]?.[o] ?? 0));
  }
  return rows.join('\n');
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    const int = (name) => {
      const v = Number(value());
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${name}: a non-negative integer`);
      return v;
    };
    switch (flag) {
      case '--seed':
        opts.seed = int('--seed') >>> 0;
        break;
      case '--count':
        opts.count = int('--count');
        break;
      case '--batch':
        opts.batchSize = Math.max(1, int('--batch'));
        break;
      case '--only-index':
        opts.onlyIndex = int('--only-index');
        break;
      case '--range': {
        const m = /^(\d+)-(\d+)$/.exec(value() ?? '');
        if (!m || Number(m[2]) < Number(m[1])) throw new Error('--range: FROM-TO');
        opts.range = [Number(m[1]), Number(m[2])];
        break;
      }
      case '--browser':
        process.env.BROWSERS = value();
        break;
      case '--corpus':
        opts.corpusFile = value();
        break;
      case '--report':
        opts.reportFile = value();
        break;
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log('npm run fuzz -- [--seed N] [--count N (default 10000 per browser)] [--browser chromium|firefox] [--batch N] [--only-index N | --range FROM-TO] [--corpus FILE] [--report FILE]');
    return 0;
  }
  const seed = opts.seed ?? (Math.random() * 0x100000000) >>> 0;
  const reportFile = opts.reportFile ?? path.join(REPO_ROOT, 'reports', 'fuzz.json');
  const browsers = browserNames();
  console.log(`fuzz: seed ${seed}, ${opts.onlyIndex === undefined ? `${opts.count ?? DEFAULTS.count} messages` : `message ${opts.onlyIndex} only`} per browser (${browsers.join(', ')}), batches of ${opts.batchSize ?? DEFAULTS.batchSize}`);
  const report = await runFuzz({ ...opts, seed, browsers, log: (l) => console.log(l), saveCorpusDir: path.dirname(reportFile) });
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
  console.log('\n' + formatReport(report));
  let failed = 0;
  for (const [engine, s] of Object.entries(report.browsers)) {
    for (const f of s.failures) {
      failed++;
      const what = f.index === null ? '' : f.mutators ? `message ${f.index} (${f.state}, ${f.base} + ${f.mutators.join(', ')}): ` : `${f.state}: `;
      console.log(`\n✗ [${engine}] ${what}${f.failure}`);
      if (f.message !== undefined) {
        const m = typeof f.message === 'string' ? f.message : JSON.stringify(f.message);
        console.log(`  message (${m.length} chars): ${JSON.stringify(m.length > 2000 ? m.slice(0, 2000) + '…' : m)}`);
      }
      console.log(`  reproduce: ${f.reproduce}${f.index === null || !f.reproduce ? '' : ` --corpus ${path.relative(process.cwd(), path.join(path.dirname(reportFile), `fuzz-corpus-${engine}.json`))}`}`);
    }
    for (const h of s.healthChecks.failed) failed++, console.log(`\n✗ [${engine}] normal call ${h}`);
    for (const h of s.setupFailures) failed++, console.log(`\n✗ [${engine}] setup: ${h}`);
  }
  console.log(`\nseed ${seed}: ${failed ? `${failed} failures` : 'no failures'}; report in ${path.relative(process.cwd(), reportFile)}`);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}

