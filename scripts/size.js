#!/usr/bin/env node
// `npm run size`: raw, minified and gzip bytes of every dist file, then each budgeted bundle against
// its budget (package.json "sizeBudgets"). Run `npm run build` first.
//   --check   exit 1 when a bundle is over its budget, naming the modules that grew (rollup's rendered
//             length per module, against scripts/size-baseline.json) — `npm test` runs this
//   --update  rewrite scripts/size-baseline.json from this build
//   --json    last line: the dist files as JSON (bench/size.js reads it)
//   --by-draft  where the classic script's bytes go: its minified bytes by draft folder (and core/,
//             install/, sdp/, dependencies), read from its source map; min+gzip shared out in proportion
// Bundles: `classic` is dist/webrtc-legacy.min.js (every draft); each draft id is what an app's bundler
// makes of `import { install } from 'webrtc-legacy/<draft-id>'` (dist/drafts/<id>.mjs with sdp-transform,
// terser compress+mangle). min+gzip is gzip -9 of the minified code.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
// SIZE_BASELINE / SIZE_BUDGETS (JSON) stand in for the file and package.json's budgets: for the size test.
const baselineFile = process.env.SIZE_BASELINE ?? join(root, 'scripts', 'size-baseline.json');
const args = process.argv.slice(2);
const kb = (n) => (n === null ? '—' : `${(n / 1024).toFixed(2)} KB`);
const pad = (s, n) => String(s).padStart(n);
const gzip = (code) => gzipSync(code, { level: 9 }).length;

if (!existsSync(join(dist, 'webrtc-legacy.min.js'))) {
  console.error('size: dist/ is not built (npm run build)');
  process.exit(1);
}

// ---------------------------------------------------------------- every dist file
const rows = [];
for (const name of readdirSync(dist).sort()) {
  if (!statSync(join(dist, name)).isFile()) continue;
  const code = readFileSync(join(dist, name), 'utf8');
  const isCode = /\.(c|m)?js$/.test(name);
  let min = null;
  if (isCode) min = name.endsWith('.min.js') ? code : (await minify(code, { module: name.endsWith('.mjs'), compress: true, mangle: true })).code;
  rows.push({ file: name, raw: Buffer.byteLength(code), min: min === null ? null : Buffer.byteLength(min), gzip: gzip(min ?? code) });
}
console.log(`${'file'.padEnd(28)}${pad('raw', 12)}${pad('minified', 12)}${pad('min+gzip', 12)}`);
for (const r of rows) console.log(`${r.file.padEnd(28)}${pad(kb(r.raw), 12)}${pad(kb(r.min), 12)}${pad(kb(r.gzip), 12)}`);

// ---------------------------------------------------------------- budgeted bundles
/** "28 KB" → bytes (KB = 1024 bytes). */
function bytes(budget) {
  const m = /^\s*([\d.]+)\s*(KB|B)?\s*$/i.exec(String(budget));
  if (!m) throw new Error(`size: budget ${JSON.stringify(budget)} is not "N KB"`);
  return Math.round(Number(m[1]) * (m[2]?.toUpperCase() === 'B' ? 1 : 1024));
}
const readJson = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const pkg = readJson(join(root, 'package.json'));
const budgets = process.env.SIZE_BUDGETS ? JSON.parse(process.env.SIZE_BUDGETS) : (pkg.sizeBudgets ?? {});
const draftIds = existsSync(join(dist, 'drafts')) ? readdirSync(join(dist, 'drafts')).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4)).sort() : [];

/** An app bundler's view of `import … from 'webrtc-legacy/<id>'`: the entry with its chunks and sdp-transform. */
async function importBundle(id) {
  const b = await rollup({ input: join(dist, 'drafts', `${id}.mjs`), plugins: [nodeResolve({ browser: true }), commonjs()], onwarn: () => {} });
  const { output } = await b.generate({ format: 'es' });
  await b.close();
  const chunk = output[0];
  const min = (await minify(chunk.code, { module: true, compress: true, mangle: true })).code;
  // Source modules from the build's record; the dependencies as this bundle rendered them.
  const modules = { ...readJson(join(dist, 'drafts', 'sizes', `${id}.json`)) };
  for (const [mid, m] of Object.entries(chunk.modules)) {
    if (mid.includes('node_modules') && m.renderedLength > 0) modules[mid.replace(/^\0/, '').replace(/^.*node_modules\//, 'node_modules/')] = m.renderedLength;
  }
  return { gzip: gzip(min), modules };
}

const bundles = [{ name: 'classic', what: 'dist/webrtc-legacy.min.js', gzip: gzip(readFileSync(join(dist, 'webrtc-legacy.min.js'), 'utf8')), modules: readJson(join(dist, 'sizes', 'classic.json')) ?? {} }];
for (const id of draftIds) bundles.push({ name: id, what: `import 'webrtc-legacy/${id}'`, ...(await importBundle(id)) });
for (const b of bundles) b.budget = budgets[b.name] ?? (b.name === 'classic' ? undefined : budgets['*']);

console.log(`\n${'bundle (budgets: package.json sizeBudgets)'.padEnd(48)}${pad('min+gzip', 12)}${pad('budget', 12)}`);
for (const b of bundles) {
  const over = b.budget !== undefined && b.gzip > bytes(b.budget);
  console.log(`${b.what.padEnd(48)}${pad(kb(b.gzip), 12)}${pad(b.budget ?? '—', 12)}${over ? '  OVER' : ''}`);
}

const baseline = readJson(baselineFile) ?? {};
if (args.includes('--update')) {
  writeFileSync(baselineFile, `${JSON.stringify(Object.fromEntries(bundles.map((b) => [b.name, b.modules])), null, 1)}\n`);
  console.log(`\nsize: wrote ${baselineFile}`);
}

if (args.includes('--check')) {
  let failed = 0;
  for (const b of bundles) {
    if (b.budget === undefined || b.gzip <= bytes(b.budget)) continue;
    failed++;
    const before = baseline[b.name] ?? {};
    const grew = Object.entries(b.modules)
      .map(([module, length]) => ({ module, length, growth: length - (before[module] ?? 0), added: !(module in before) }))
      .filter((m) => m.growth > 0)
      .sort((x, y) => y.growth - x.growth);
    const named = grew.length ? grew : Object.entries(b.modules).map(([module, length]) => ({ module, length, growth: 0 })).sort((x, y) => y.length - x.length);
    console.log(`\n✗ ${b.what} is ${kb(b.gzip)} min+gzip, over its budget of ${b.budget} (${kb(b.gzip - bytes(b.budget))} over).`);
    console.log(grew.length ? '  Modules that grew since scripts/size-baseline.json (rendered bytes before minification):' : '  Largest modules (rendered bytes before minification):');
    for (const m of named.slice(0, 5)) {
      console.log(`    ${m.module}: ${m.length} B${m.growth ? (m.added ? ' (new)' : ` (+${m.growth} B)`) : ''}`);
    }
  }
  if (failed) process.exit(1);
  console.log('\nsize: every bundle is within its budget');
}
if (args.includes('--by-draft')) byDraft(join(dist, 'webrtc-legacy.min.js'), bundles[0].gzip);
if (args.includes('--json')) console.log(JSON.stringify(rows));

/** The minified bytes of `file` by the source each comes from (its source map), summed by folder. */
function byDraft(file, gzipped) {
  const code = readFileSync(file, 'utf8');
  const { sources, mappings } = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const groupOf = (s) => {
    const path = s.replace(/^(\.\.\/)+/, '');
    return /src\/drafts\/[^/]+/.exec(path)?.[0] ?? /node_modules\/[^/]+/.exec(path)?.[0] ?? /src\/[^/]+/.exec(path)?.[0]?.replace(/\.ts$/, '') ?? path;
  };
  const totals = new Map();
  const lines = code.split('\n');
  let source = 0;
  mappings.split(';').forEach((segs, l) => {
    // Each segment starts a run of columns that comes from one source: [col, source, line, col, name] as VLQ deltas.
    let col = 0;
    const runs = [];
    for (const seg of segs ? segs.split(',') : []) {
      const v = [];
      for (let i = 0, shift = 0, n = 0; i < seg.length; i++) {
        const d = B64.indexOf(seg[i]);
        n += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          v.push(n & 1 ? -(n >>> 1) : n >>> 1);
          n = shift = 0;
        }
      }
      col += v[0];
      if (v.length > 1) source += v[1];
      runs.push([col, v.length > 1 ? source : -1]);
    }
    const len = lines[l]?.length ?? 0;
    runs.forEach(([c, s], i) => {
      const key = s < 0 ? '(no source)' : groupOf(sources[s]);
      totals.set(key, (totals.get(key) ?? 0) + ((runs[i + 1]?.[0] ?? len) - c));
    });
  });
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log(`\nwhere the classic script's bytes go (minified bytes from its source map; min+gzip in proportion)`);
  for (const [group, n] of [...totals].sort((a, b) => b[1] - a[1])) {
    console.log(`${group.padEnd(48)}${pad(kb(n), 12)}${pad(kb((n / all) * gzipped), 12)}`);
  }
}
