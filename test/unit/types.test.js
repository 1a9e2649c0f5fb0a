// Issue 15 "types for every era": the 2011 demo apps written as TypeScript (test/unit/fixtures/types)
// type-check with `tsc --noEmit` against dist/webrtc-legacy.d.ts and the per-draft entry's .d.ts; their
// @ts-expect-error lines fail the run if a legacy declaration is missing or loose.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { expect } from 'chai';

const root = resolve(import.meta.dirname, '..', '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('types for old apps (dist/webrtc-legacy.d.ts)', function () {
  this.timeout(120000);

  it('declares the 2011 globals: PeerConnection with its constants, LocalMediaStream, getUserMedia(string)', () => {
    const dts = readFileSync(join(root, 'dist/webrtc-legacy.d.ts'), 'utf8');
    expect(dts).to.match(/var PeerConnection: PeerConnectionConstants &/);
    expect(dts).to.match(/processSignalingMessage\(message: string\): void;/);
    expect(dts).to.match(/interface NavigatorUserMediaError \{/);
  });

  it('the 2011 video call and voice message apps, as .ts, pass tsc --noEmit (strict)', () => {
    const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'test/unit/fixtures/types/tsconfig.json')], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).to.equal(0);
  });
});
