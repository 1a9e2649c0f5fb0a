#!/usr/bin/env node
// `npm run size`: raw, minified and gzip bytes of every dist file (run `npm run build` first).
// Minified is measured with terser for files that are not minified already; .d.ts and maps are raw only.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const dist = resolve(import.meta.dirname, '..', 'dist');
const rows = [];
for (const name of readdirSync(dist).sort()) {
  const code = readFileSync(join(dist, name), 'utf8');
  const isCode = /\.(c|m)?js$/.test(name);
  let min = null;
  if (isCode) {
    min = name.endsWith('.min.js')
      ? code
      : (await minify(code, { module: name.endsWith('.mjs'), compress: true, mangle: true })).code;
  }
  rows.push({
    file: name,
    raw: Buffer.byteLength(code),
    min: min === null ? null : Buffer.byteLength(min),
    gzip: gzipSync(min ?? code, { level: 9 }).length,
  });
}
const kb = (n) => (n === null ? '—' : `${(n / 1024).toFixed(2)} KB`);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(28)}${pad('raw', 12)}${pad('minified', 12)}${pad('min+gzip', 12)}`);
for (const r of rows) console.log(`${r.file.padEnd(28)}${pad(kb(r.raw), 12)}${pad(kb(r.min), 12)}${pad(kb(r.gzip), 12)}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
