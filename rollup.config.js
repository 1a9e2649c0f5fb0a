import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import ts_ from 'typescript';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import { docFields } from './scripts/doc-fields.js';
import { sdpParseOnly } from './scripts/sdp-parse-only.js';

const root = resolve(import.meta.dirname);
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
/**
 * TypeScript to JavaScript file by file (tsconfig has isolatedModules), for the generated entries:
 * `npx tsc --noEmit` type-checks the whole tree once, so each extra build needs no type checker.
 */
const transpile = () => ({
  name: 'transpile',
  resolveId(source, importer) {
    if (!importer?.endsWith('.ts') || !source.startsWith('.')) return null;
    const base = resolve(importer, '..', source);
    return [`${base}.ts`, join(base, 'index.ts'), base].find((f) => existsSync(f)) ?? null;
  },
  transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const out = ts_.transpileModule(code, {
      fileName: id,
      compilerOptions: { target: ts_.ScriptTarget.ES2022, module: ts_.ModuleKind.ESNext, sourceMap: true, inlineSources: true, isolatedModules: true },
    });
    return { code: out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map: out.sourceMapText };
  },
});
const deps = Object.keys(pkg.dependencies ?? {});
/**
 * The module builds leave sdp-transform to the app's bundler, and the shim only parses (checked by
 * scripts/sdp-parse-only.js in the classic build, which holds every module): they import its parser
 * alone, so the app's bundle does not get its writer (0.4 KB min+gzip).
 */
const parserOnly = { 'sdp-transform': 'sdp-transform/lib/parser.js' };
const external = (id) => deps.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * One entry per draft folder (src/drafts/<draft-id>/index.ts, the registry's unit): a draft added
 * there gets its `webrtc-legacy/<draft-id>` import and its year's classic script with no edit here.
 */
export const drafts = readdirSync(join(root, 'src/drafts'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, 'src/drafts', e.name, 'index.ts')))
  .map((e) => e.name)
  .sort();
const yearOf = (draft) => /(\d{4})-\d\d-\d\d$/.exec(draft)?.[1] ?? 'other';
export const eras = [...new Set(drafts.map(yearOf))].sort();
const path = (p) => JSON.stringify(join(root, p));

/** Virtual modules: `\0draft:<id>` (an ESM entry) and `\0era:<year>` (a classic script). */
const entries = () => ({
  name: 'draft-entries',
  resolveId: (id) => (id.startsWith('\0draft:') || id.startsWith('\0era:') ? id : null),
  load(id) {
    if (id.startsWith('\0draft:')) {
      const draft = id.slice(7);
      return [
        `import * as draft from ${path(`src/drafts/${draft}/index.ts`)};`,
        `import { entryOf } from ${path('src/install/entry.ts')};`,
        `export { version } from ${path('src/version.ts')};`,
        'export const { surfaces, install, uninstall, installed, usage, report } = entryOf([draft]);',
      ].join('\n');
    }
    if (id.startsWith('\0era:')) {
      const list = drafts.filter((d) => yearOf(d) === id.slice(5));
      return [
        ...list.map((d, i) => `import * as d${i} from ${path(`src/drafts/${d}/index.ts`)};`),
        `import { entryOf } from ${path('src/install/entry.ts')};`,
        `import { startClassic } from ${path('src/install/classic-entry.ts')};`,
        `startClassic(entryOf([${list.map((_, i) => `d${i}`).join(', ')}]));`,
      ].join('\n');
    }
    return null;
  },
});

/** dist/drafts/<id>.d.ts: each draft entry's API, typed by the main declarations (and their globals). */
const draftTypes = () => ({
  name: 'draft-types',
  generateBundle(options) {
    if (options.format !== 'es') return;
    const source = [
      "import type { InstallOptions, PatchedProperty, Surface, UsageRow } from '../webrtc-legacy.js';",
      "type On = Pick<InstallOptions, 'window'>;",
      '/** This draft\'s surfaces, in install order. */',
      'export declare const surfaces: readonly Surface[];',
      '/** Installs this draft\'s surfaces only (see the main module\'s install()). */',
      'export declare function install(options?: InstallOptions): PatchedProperty[];',
      'export declare function uninstall(options?: On): void;',
      'export declare function installed(options?: On): PatchedProperty[];',
      'export declare function usage(options?: On): Record<string, number>;',
      'export declare function report(options?: On): UsageRow[];',
      'export declare const version: string;',
      '',
    ].join('\n');
    for (const d of drafts) this.emitFile({ type: 'asset', fileName: `${d}.d.ts`, source });
  },
});

/**
 * Rollup's rendered length of every module of each entry (its chunk and the chunks it imports), for
 * `npm run size -- --check` to name the module that grew: dist/sizes/<name>.json.
 */
const moduleSizes = (name) => ({
  name: 'module-sizes',
  generateBundle(options, bundle) {
    if (options.format === 'cjs') return; // the ESM output's record serves both
    const byFile = Object.fromEntries(Object.values(bundle).filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
    for (const chunk of Object.values(byFile)) {
      if (!chunk.isEntry) continue;
      const modules = {};
      const seen = new Set();
      const walk = (c) => {
        if (!c || seen.has(c.fileName)) return;
        seen.add(c.fileName);
        for (const [id, m] of Object.entries(c.modules)) {
          if (m.renderedLength > 0) modules[id.replace(/^\0/, '').replace(/^.*node_modules\//, 'node_modules/').replace(`${root}/`, '')] = m.renderedLength;
        }
        c.imports.forEach((f) => walk(byFile[f]));
      };
      walk(chunk);
      const entry = name ?? chunk.name;
      this.emitFile({ type: 'asset', fileName: `sizes/${entry}.json`, source: `${JSON.stringify(modules, null, 1)}\n` });
    }
  },
});

/**
 * dist/webrtc-legacy.members.js: the replacement table (`name → [replacement, note]`) that the browser
 * bundles leave out (scripts/doc-fields.js), as a classic script setting `window.WebRTCLegacyMembers`
 * for their warnings and report(). Written from the module just built, whose registry is the table.
 */
const membersScript = () => ({
  name: 'members-script',
  async writeBundle(options) {
    if (options.format !== 'es') return;
    const { registry } = await import(`${pathToFileURL(resolve(root, options.file)).href}?${Date.now()}`);
    const table = {};
    for (const s of registry) {
      for (const m of s.members ?? []) if (!(m.name in table)) table[m.name] = m.note ? [m.replacement, m.note] : [m.replacement];
    }
    const code = `${banner}\n// The modern replacement of each legacy member, for warnings and report() (add it after webrtc-legacy.js).\nglobalThis.WebRTCLegacyMembers = ${JSON.stringify(table)};\n`;
    writeFileSync(join(root, 'dist', 'webrtc-legacy.members.js'), code);
  },
});

export default [
  // The classic script: one file, dependencies inside, installs on load.
  {
    input: 'src/classic.ts',
    plugins: [version(), sdpParseOnly(root), nodeResolve({ browser: true }), commonjs(), ts(), docFields(root), moduleSizes('classic')],
    output: [
      { file: 'dist/webrtc-legacy.js', format: 'iife', sourcemap: true, banner },
      { file: 'dist/webrtc-legacy.min.js', format: 'iife', sourcemap: true, banner, plugins: [terser({ format: { comments: /^!/ } })] },
    ],
  },
  // The module builds: no side effects on import; dependencies stay the bundler's business (the
  // per-draft entries below take sdp-transform's parser inside, trimmed: sdpParseOnly).
  {
    input: 'src/index.ts',
    external,
    plugins: [version(), ts(), membersScript()],
    output: [
      { file: 'dist/webrtc-legacy.mjs', format: 'es', sourcemap: true, banner, paths: parserOnly },
      { file: 'dist/webrtc-legacy.cjs', format: 'cjs', sourcemap: true, banner, exports: 'named', paths: parserOnly },
    ],
  },
  {
    input: 'src/index.ts',
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    output: { file: 'dist/webrtc-legacy.d.ts', format: 'es' },
  },
  // `webrtc-legacy/<draft-id>`: one entry per draft, code shared between drafts in chunks.
  {
    input: Object.fromEntries(drafts.map((d) => [d, `\0draft:${d}`])),
    // sdp-transform's parser and the grammar rules the shim can use come inside (sdpParseOnly).
    external: (id) => !id.startsWith('sdp-transform') && external(id),
    plugins: [entries(), sdpParseOnly(root), transpile(), docFields(root), version(), nodeResolve({ browser: true }), commonjs(), moduleSizes(), draftTypes()],
    output: [
      { dir: 'dist/drafts', format: 'es', sourcemap: true, banner, entryFileNames: '[name].mjs', chunkFileNames: 'shared/[name]-[hash].mjs', paths: parserOnly },
      { dir: 'dist/drafts', format: 'cjs', sourcemap: true, banner, exports: 'named', entryFileNames: '[name].cjs', chunkFileNames: 'shared/[name]-[hash].cjs', paths: parserOnly },
    ],
  },
  // dist/webrtc-legacy.<year>.js: the classic script of one era's drafts, for old pages that load one.
  ...eras.map((year) => ({
    input: `\0era:${year}`,
    plugins: [entries(), sdpParseOnly(root), transpile(), docFields(root), version(), nodeResolve({ browser: true }), commonjs(), moduleSizes(`classic-${year}`)],
    output: [
      { file: `dist/webrtc-legacy.${year}.js`, format: 'iife', sourcemap: true, banner },
      { file: `dist/webrtc-legacy.${year}.min.js`, format: 'iife', sourcemap: true, banner, plugins: [terser({ format: { comments: /^!/ } })] },
    ],
  })),
];
