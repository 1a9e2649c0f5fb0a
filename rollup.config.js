import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const banner = `/*! webrtc-legacy ${pkg.version} | MIT */`;

/** The version, written in where src/version.ts names it. */
const version = () => ({
  name: 'version',
  transform(code, id) {
    // The replacement stays on its line, so the source map needs no change (map: null).
    if (id.endsWith('src/version.ts')) return { code: code.replace('__WEBRTC_LEGACY_VERSION__', JSON.stringify(pkg.version)), map: null };
    return null;
  },
});

const ts = () => typescript({ tsconfig: './tsconfig.json', sourceMap: true, inlineSources: true });
const deps = Object.keys(pkg.dependencies ?? {});

export default [
  // The classic script: one file, dependencies inside, installs on load.
  {
    input: 'src/classic.ts',
    plugins: [version(), nodeResolve({ browser: true }), commonjs(), ts()],
    output: [
      { file: 'dist/webrtc-legacy.js', format: 'iife', sourcemap: true, banner },
      { file: 'dist/webrtc-legacy.min.js', format: 'iife', sourcemap: true, banner, plugins: [terser({ format: { comments: /^!/ } })] },
    ],
  },
  // The module builds: no side effects on import; dependencies stay the bundler's business.
  {
    input: 'src/index.ts',
    external: (id) => deps.some((d) => id === d || id.startsWith(`${d}/`)),
    plugins: [version(), ts()],
    output: [
      { file: 'dist/webrtc-legacy.mjs', format: 'es', sourcemap: true, banner },
      { file: 'dist/webrtc-legacy.cjs', format: 'cjs', sourcemap: true, banner, exports: 'named' },
    ],
  },
  {
    input: 'src/index.ts',
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    output: { file: 'dist/webrtc-legacy.d.ts', format: 'es' },
  },
];
