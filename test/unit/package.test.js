// The dist files as package users get them: the ESM build has no side effects on import, the CJS
// build loads in node, the classic script installs only where there is a window.
import { expect } from 'chai';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('package and dist', () => {
  it('every file package.json points at exists after the build', () => {
    const paths = [pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg.jsdelivr, ...Object.values(pkg.exports['.']), ...pkg.sideEffects.filter((p) => !p.includes('*'))]; // patterns: entries.test.js
    for (const p of paths) expect(existsSync(new URL(`../../${p}`, import.meta.url)), p).to.equal(true);
    for (const f of ['webrtc-legacy.js.map', 'webrtc-legacy.min.js.map']) expect(existsSync(new URL(`../../dist/${f}`, import.meta.url)), f).to.equal(true);
  });

  it('importing the ESM build touches no global and exports install, uninstall and each surface', async () => {
    // In a fresh node process: this process has imported the module already.
    const probe = `const before = Object.getOwnPropertyNames(globalThis).join();
      await import(${JSON.stringify(new URL('../../dist/webrtc-legacy.mjs', import.meta.url).href)});
      process.stdout.write(String(Object.getOwnPropertyNames(globalThis).join() === before));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(r.stdout, r.stderr).to.equal('true');
    const m = await import('../../dist/webrtc-legacy.mjs');
    for (const name of ['install', 'uninstall', 'installed', 'version', 'registry', 'getUserMedia', 'localMediaStream', 'mediaStream']) {
      expect(m[name], name).to.not.equal(undefined);
    }
    expect(m.version).to.equal(pkg.version);
    expect(m.registry.map((s) => s.id)).to.include('wd-2011-10-27/get-user-media');
  });

  it('the CJS build loads with require() and has the same exports', async () => {
    const c = require('../../dist/webrtc-legacy.cjs');
    const m = await import('../../dist/webrtc-legacy.mjs');
    expect(Object.keys(c).sort()).to.deep.equal(Object.keys(m).sort());
  });

  it('the classic script, evaluated without a window, throws nothing and installs nothing', () => {
    const sandbox = {};
    vm.runInNewContext(readFileSync(new URL('../../dist/webrtc-legacy.min.js', import.meta.url), 'utf8'), sandbox);
    expect(Object.keys(sandbox)).to.deep.equal([]);
  });

  it('the .d.ts declares the legacy globals for old apps moved to TypeScript', () => {
    const dts = readFileSync(new URL('../../dist/webrtc-legacy.d.ts', import.meta.url), 'utf8');
    expect(dts).to.match(/declare global/);
    expect(dts).to.match(/var LocalMediaStream/);
    expect(dts).to.match(/getUserMedia\(options: string \| MediaStreamOptions/);
  });
});
