// Smoke test of `npm run bench -- --only=size`: it runs and writes a valid report. No sizes are
// asserted against limits here (the bench reports targets; it does not fail a build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';

const root = resolve(import.meta.dirname, '..', '..');

describe('npm run bench -- --only=size', function () {
  this.timeout(120000);
  it('writes a JSON report with every dist file, the 2011-only bundle by module and webrtc-adapter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    try {
      const out = join(dir, 'bench.json');
      execFileSync(process.execPath, [join(root, 'bench', 'run.js'), '--only=size', `--out=${out}`], { cwd: root, stdio: 'pipe' });
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const { size } = report.sections;
      expect(size.dist.map((r) => r.file)).to.include.members(['webrtc-legacy.js', 'webrtc-legacy.min.js', 'webrtc-legacy.mjs', 'webrtc-legacy.cjs']);
      for (const r of [size.esm2011, size.adapter, size.adapterFactory]) expect(r.gzip).to.be.a('number').above(0);
      expect(size.esm2011.modules.map((m) => m.module)).to.include('src/install/install.ts');
      expect(report.targets.map((t) => t.name)).to.include('classic script min+gzip');
      expect(report.machine.loadavgStart).to.have.length(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
