#!/usr/bin/env node
// `npm test`: type check, build, then every suite — unit (node), in-browser (karma: Chromium and
// Firefox ESR), end-to-end (puppeteer) — and one closing line `N passed, M failed`.
// Options: --only=unit,browser,e2e  (default all);  BROWSERS=chromium|firefox limits the engines.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import karma from 'karma';

const root = resolve(import.meta.dirname, '..');
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '--only=unit,browser,e2e').slice(7).split(',');
const tally = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

/** A command that must succeed; `counted` makes it one test of the tally (passed or failed). */
function step(name, cmd, args, { counted = false } = {}) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    tally.failed++;
    console.log(`✗ ${name} failed (exit ${r.status})`);
    return false;
  }
  if (counted) tally.passed++;
  return true;
}

function files(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

async function mochaSuite(name, dir, timeout) {
  const list = files(join(root, dir));
  if (!list.length) return;
  console.log(`\n▶ ${name}`);
  const mocha = new Mocha({ timeout, reporter: 'spec' });
  list.forEach((f) => mocha.addFile(f));
  await mocha.loadFilesAsync();
  await new Promise((done) => {
    const runner = mocha.run(() => done());
    runner.on('pass', () => tally.passed++);
    runner.on('fail', () => tally.failed++);
    runner.on('pending', () => tally.skipped++);
  });
}

async function karmaSuite() {
  console.log('\n▶ in-browser tests (karma: Chromium and Firefox ESR)');
  const config = await karma.config.parseConfig(join(root, 'karma.conf.js'), {}, { promiseConfig: true, throwErrors: true });
  await new Promise((done) => {
    const server = new karma.Server(config, () => done());
    server.on('run_complete', (_browsers, r) => {
      tally.passed += r.success;
      tally.failed += r.failed + (r.error || r.disconnected ? 1 : 0);
      tally.skipped += r.skipped;
      if (r.error || r.disconnected) console.log('✗ karma: a browser errored or disconnected');
    });
    server.start();
  });
}

const built = step('type check', 'npx', ['tsc', '--noEmit', '-p', '.']) & step('build', 'npx', ['rollup', '-c', '--silent']);
if (built) {
  // Size budgets (package.json sizeBudgets): a bundle over its budget fails, naming the module that grew.
  step('size budgets', process.execPath, [join(root, 'scripts', 'size.js'), '--check'], { counted: true });
  if (only.includes('unit')) await mochaSuite('unit tests (node)', 'test/unit', 10000);
  if (only.includes('browser')) await karmaSuite();
  if (only.includes('e2e')) await mochaSuite('end-to-end tests (puppeteer: Chromium and Firefox ESR)', 'test/e2e', 120000);
}
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
process.exit(tally.failed ? 1 : 0);
