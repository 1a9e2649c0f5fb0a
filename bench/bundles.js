// Bundles the benchmarks build themselves, into bench/.build/ (never dist/):
// - the 2011-only ESM bundle (rollup tree-shaking from dist/webrtc-legacy.mjs, sdp-transform inside),
//   and the same entry from src/ for a per-module breakdown;
// - an instrumented classic script from src/ that times the shim's own signaling code (bench only);
// - webrtc-adapter's factory as a script that defines window.AdapterFactory.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import typescript from '@rollup/plugin-typescript';

export const ROOT = resolve(import.meta.dirname, '..');
export const BUILD = join(ROOT, 'bench', '.build');

const silent = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = () => ({
  name: 'version',
  transform(code, id) {
    if (id.endsWith('src/version.ts')) return { code: code.replace('__WEBRTC_LEGACY_VERSION__', JSON.stringify(pkg.version)), map: null };
    return null;
  },
});
const ts = () => typescript({ tsconfig: join(ROOT, 'tsconfig.json'), include: [join(ROOT, 'src/**/*.ts')], sourceMap: false, inlineSources: false, noEmitOnError: false, outputToFilesystem: false });

/** Rollup's tree-shaken ESM bundle of bench/entry-2011.js; code plus renderedLength per module. */
export async function bundle2011({ fromSrc = false } = {}) {
  const plugins = [];
  if (fromSrc) {
    // Same entry, with dist/webrtc-legacy.mjs replaced by src/index.ts, so rollup can say which source
    // module each byte comes from.
    plugins.push({
      name: 'dist-to-src',
      resolveId: (id) => (id.endsWith('dist/webrtc-legacy.mjs') ? join(ROOT, 'src', 'index.ts') : null),
    });
    plugins.push(version(), ts());
  }
  plugins.push(nodeResolve({ browser: true }), commonjs());
  const b = await rollup({ input: join(ROOT, 'bench', 'entry-2011.js'), plugins, onwarn: silent });
  const { output } = await b.generate({ format: 'es' });
  await b.close();
  const chunk = output[0];
  const modules = Object.entries(chunk.modules)
    .map(([id, m]) => ({ module: id.replace(/^\0/, '').replace(`${ROOT}/`, ''), renderedLength: m.renderedLength }))
    .filter((m) => m.renderedLength > 0)
    .sort((a, b) => b.renderedLength - a.renderedLength);
  return { code: chunk.code, modules };
}

/** webrtc-adapter's adapterFactory as a classic script defining window.AdapterFactory. */
export async function buildAdapterFactory() {
  const b = await rollup({ input: join(ROOT, 'bench', 'entry-adapter-factory.js'), plugins: [nodeResolve({ browser: true }), commonjs()], onwarn: silent });
  const { output } = await b.generate({ format: 'iife', name: 'AdapterFactory' });
  await b.close();
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(join(BUILD, 'adapter-factory.js'), output[0].code);
  return output[0].code;
}

/**
 * The classic script built from src/ with timing wrappers around the shim's own signaling functions:
 * every exported function of src/roap/roap.ts, src/sdp/legacy-sdp.ts and (the stats section)
 * src/drafts/wd-2013-09-10/get-stats.ts is renamed and re-exported as
 * a wrapper that adds its performance.now() time to window.__benchShimTime (outermost call only, so
 * nested shim calls are not counted twice). The page wraps processSignalingMessage the same way.
 * The published bundles are untouched; this one lives in bench/.build/ only.
 */
export async function buildInstrumented() {
  const targets = ['src/roap/roap.ts', 'src/sdp/legacy-sdp.ts', 'src/drafts/wd-2013-09-10/get-stats.ts'];
  const instrument = {
    name: 'bench-instrument',
    transform(code, id) {
      const rel = id.slice(ROOT.length + 1);
      if (!targets.includes(rel)) return null;
      const names = [];
      const renamed = code.replace(/^export function (\w+)\(/gm, (_, name) => {
        names.push(name);
        return `function __raw_${name}(`;
      });
      const wrappers = names
        .map((n) => `export function ${n}(...a) { return globalThis.__benchTime(${JSON.stringify(`${rel.split('/').pop().replace(/\.ts$/, '')}.${n}`)}, () => __raw_${n}(...a)); }`)
        .join('\n');
      return { code: `${renamed}\n${wrappers}\n`, map: null };
    },
  };
  const b = await rollup({
    input: join(ROOT, 'src', 'classic.ts'),
    // After ts(): @rollup/plugin-typescript compiles from disk, so the wrappers go into its JS output.
    plugins: [version(), nodeResolve({ browser: true }), commonjs(), ts(), instrument],
    onwarn: silent,
  });
  const { output } = await b.generate({ format: 'iife' });
  await b.close();
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(join(BUILD, 'webrtc-legacy.instrumented.js'), output[0].code);
  return output[0].code;
}
