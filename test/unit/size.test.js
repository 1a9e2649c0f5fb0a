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

  it('--by-draft shares out the classic script\'s minified bytes by draft folder, all of them', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/size.js'), '--by-draft'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    const part = r.stdout.slice(r.stdout.indexOf("where the classic script's bytes go"));
    const rows = [...part.matchAll(/^(\S+)\s+([\d.]+) KB\s+([\d.]+) KB$/gm)].map((m) => ({ group: m[1], min: Number(m[2]) }));
    const groups = rows.map((x) => x.group);
    expect(groups).to.include.members(['src/drafts/wd-2011-10-27', 'src/drafts/ed-2012-03-18', 'src/core', 'node_modules/sdp-transform']);
    // Every byte of the minified file is counted once (KB with two decimals per row).
    const total = readFileSync(join(root, 'dist/webrtc-legacy.min.js'), 'utf8').split('\n').reduce((n, l) => n + l.length, 0) / 1024;
    expect(rows.reduce((n, x) => n + x.min, 0)).to.be.closeTo(total, 0.01 * rows.length);
  });
});
