// Issue 15 "types for every era": the demo apps and e2e fixtures of 2011–2016 written as TypeScript
// (test/unit/fixtures/types) type-check with `tsc --noEmit` (strict) against dist/webrtc-legacy.d.ts and
// the per-draft entries' .d.ts; their @ts-expect-error lines fail the run if a legacy declaration is
// missing or loose. A modern app type-checks the same with and without the legacy declarations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test/unit/fixtures/types');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = (...args) => spawnSync(process.execPath, [tsc, ...args], { encoding: 'utf8' });

describe('types for old apps (dist/webrtc-legacy.d.ts)', function () {
  this.timeout(180000);

  it('declares the 2011 globals: PeerConnection with its constants, LocalMediaStream, getUserMedia(string)', () => {
    const dts = readFileSync(join(root, 'dist/webrtc-legacy.d.ts'), 'utf8');
    expect(dts).to.match(/var PeerConnection: PeerConnectionConstants &/);
    expect(dts).to.match(/processSignalingMessage\(message: string\): void;/);
    expect(dts).to.match(/interface NavigatorUserMediaError \{/);
  });

  it('declares the 2012–2016 globals: JSEP-00, the prefixed constructors, MediaConstraints, getStats/DTMF of 2013, identity', () => {
    const dts = readFileSync(join(root, 'dist/webrtc-legacy.d.ts'), 'utf8');
    for (const re of [
      /var webkitPeerConnection00: PeerConnection00Constructor;/,
      /var mozRTCPeerConnection: LegacyRTCPeerConnectionConstructor \| undefined;/,
      /interface MediaConstraints \{/,
      /createOffer\(successCallback: LegacySessionDescriptionCallback/,
      /createDTMFSender\(track: MediaStreamTrack\): LegacyDTMFSender;/,
      /interface MediaStreamTrackList extends EventTarget/,
      /setIdentityProvider\(provider: string, protocol\?: string, usernameHint\?: string\): void;/,
      /var RTCIdentityAssertion:/,
    ]) expect(dts).to.match(re);
  });

  it('the demo apps and e2e fixtures of 2011–2016, as .ts, pass tsc --noEmit (strict)', () => {
    const config = JSON.parse(readFileSync(join(fixtures, 'tsconfig.json'), 'utf8'));
    for (const f of ['video-call-2011.ts', 'voice-message-2011.ts', 'jsep-00-loopback.ts', 'apprtc-2013.ts', 'camera-2013.ts', 'call-2013.ts', 'identity-2016.ts', 'draft-entries.ts']) {
      expect(config.files).to.include(f);
    }
    const r = run('-p', join(fixtures, 'tsconfig.json'));
    expect(r.status, r.stdout + r.stderr).to.equal(0);
  });

  it('every per-draft entry has its dist/drafts/<id>.d.ts, and draft-entries.ts imports each', () => {
    const drafts = readdirSync(join(root, 'src/drafts'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(root, 'src/drafts', e.name, 'index.ts')))
      .map((e) => e.name);
    const source = readFileSync(join(fixtures, 'draft-entries.ts'), 'utf8');
    for (const d of drafts) {
      expect(existsSync(join(root, 'dist/drafts', `${d}.d.ts`)), `dist/drafts/${d}.d.ts`).to.equal(true);
      expect(source).to.include(`from 'webrtc-legacy/${d}'`);
    }
  });

  it('a modern app type-checks identically with and without the legacy declarations (same emitted types)', () => {
    const out = mkdtempSync(join(tmpdir(), 'webrtc-legacy-types-'));
    try {
      const emitted = {};
      for (const which of ['alone', 'with']) {
        const r = run('-p', join(fixtures, `tsconfig.modern-${which}.json`), '--outDir', join(out, which));
        expect(r.status, `${which}: ${r.stdout}${r.stderr}`).to.equal(0);
        emitted[which] = readFileSync(join(out, which, 'modern-app.d.ts'), 'utf8');
      }
      expect(emitted.alone).to.match(/offer: Promise<RTCSessionDescriptionInit>/);
      expect(emitted.with).to.equal(emitted.alone);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
