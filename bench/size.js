// Size section of `npm run bench`: every dist file (scripts/size.js --json), the 2011-only ESM bundle
// with its per-module breakdown, and webrtc-adapter's browser bundle and factory measured the same way
// (terser compress+mangle, gzip level 9).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { ROOT, BUILD, bundle2011, buildAdapterFactory } from './bundles.js';

export const ADAPTER_BUNDLE = 'node_modules/webrtc-adapter/out/adapter.js';

async function measure(code, { module = false, minified = false } = {}) {
  const min = minified ? code : (await minify(code, { module, compress: true, mangle: true })).code;
  return { raw: Buffer.byteLength(code), min: Buffer.byteLength(min), gzip: gzipSync(min, { level: 9 }).length, minCode: min };
}

export async function sizes() {
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'size.js'), '--json'], { cwd: ROOT, encoding: 'utf8' });
  const dist = JSON.parse(out.trim().split('\n').pop());

  const esm = await bundle2011();
  const esm2011 = await measure(esm.code, { module: true });
  // The same entry built from src/, only to attribute bytes to source modules (renderedLength is
  // rollup's size of each module's code in the bundle, before minification).
  const bySource = await bundle2011({ fromSrc: true });

  mkdirSync(BUILD, { recursive: true });
  const adapterCode = readFileSync(join(ROOT, ADAPTER_BUNDLE), 'utf8');
  const adapter = await measure(adapterCode);
  // Copies served to the load-cost page (node_modules is not served).
  writeFileSync(join(BUILD, 'adapter.js'), adapterCode);
  writeFileSync(join(BUILD, 'adapter.min.js'), adapter.minCode);
  const factory = await measure(await buildAdapterFactory());
  const adapterVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/webrtc-adapter/package.json'), 'utf8')).version;

  const strip = ({ minCode, ...r }) => r;
  return {
    dist,
    esm2011: { entry: 'bench/entry-2011.js', ...strip(esm2011), modules: bySource.modules, distModules: esm.modules },
    adapter: { file: ADAPTER_BUNDLE, version: adapterVersion, ...strip(adapter) },
    adapterFactory: { entry: 'bench/entry-adapter-factory.js (rollup, sdp inside)', ...strip(factory) },
  };
}
