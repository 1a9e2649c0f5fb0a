// Issue 15 size budgets: over a budget, `npm run size -- --check` fails naming the modules that grew
// against the baseline (npm test runs the check itself against package.json's budgets).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';

const root = resolve(import.meta.dirname, '..', '..');
const size = (env) => spawnSync(process.execPath, [join(root, 'scripts/size.js'), '--check'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

describe('npm run size -- --check', function () {
  this.timeout(180000);

  it('a bundle over its budget fails the check, naming the modules that grew since the baseline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'size-'));
    try {
      // A baseline in which peer-connection.ts was 1000 bytes smaller: it is the module that grew.
      const baseline = JSON.parse(readFileSync(join(root, 'scripts/size-baseline.json'), 'utf8'));
      const id = 'src/drafts/wd-2011-10-27/peer-connection/peer-connection.ts';
      baseline.classic[id] -= 1000;
      writeFileSync(join(dir, 'baseline.json'), JSON.stringify(baseline));
      const r = size({ SIZE_BUDGETS: JSON.stringify({ classic: '10 KB' }), SIZE_BASELINE: join(dir, 'baseline.json') });
      expect(r.status, r.stdout + r.stderr).to.equal(1);
      expect(r.stdout).to.match(/✗ dist\/webrtc-legacy\.min\.js is [\d.]+ KB min\+gzip, over its budget of 10 KB/);
      expect(r.stdout).to.include(`${id}: `);
      expect(r.stdout).to.match(/peer-connection\.ts: \d+ B \(\+1000 B\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
