// Issue 15 "types for every era": the demo apps and e2e fixtures of 2011–2016 written as TypeScript
// (test/unit/fixtures/types) type-check with `tsc --noEmit` (strict) against dist/webrtc-legacy.d.ts and
// the per-draft entries' .d.ts; their @ts-expect-error lines fail the run if a legacy declaration is
// missing or loose. A modern app type-checks the same with and without the legacy declarations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * Each member of the registry's one table, as an expression an app would write: `(x as T).member` with
 * T the interface it is declared on (or the named type to cast to, for statics lib.dom keeps closed and
 * for the members of an explicit era). Behaviours ("'ended' after stop()") and stats names have no type.
 */
const RECEIVER = { webkitPeerConnection00: 'PeerConnection00', AudioMediaStreamTrack: 'MediaStreamTrack' };
const ERA_RECEIVER = { MediaStreamTrack: 'MediaStreamTrackOfEra2012', RTCRtpTransceiver: 'RTCRtpTransceiverOfEra2016', RTCPeerConnection: 'RTCPeerConnectionIdentityOfEra2015' };
const STATIC = { RTCPeerConnection: 'LegacyRTCPeerConnectionConstructor', MediaStreamTrack: 'LegacyMediaStreamTrackStatic', MediaStream: 'LegacyMediaStreamConstructor', URL: 'LegacyURL', MediaDevices: 'LegacyMediaDevicesStatic' };
const TYPE_ONLY = new Set(['MediaStreamOptions']);

function expressionOf(name, collides) {
  const head = /^[\w$]+(?:\.[\w$]+)*/.exec(name)?.[0];
  if (!head || (name.length > head.length && !/^[ (]/.test(name.slice(head.length)))) return null;
  const parts = head.split('.');
  if (/^\s*'/.test(name.slice(head.length))) return null; // "MediaStreamTrack 'ended' after stop()": a behaviour
  if (parts.length === 1) {
    if (!/^[A-Z]/.test(head)) return null; // a legacy stats name
    return TYPE_ONLY.has(head) ? `type T_${head} = ${head};` : `void ${head};`;
  }
  if (parts[0] === 'window') return `void ${parts.slice(1).join('.')};`;
  if (parts[0] === 'navigator') return `void ${head};`;
  if (parts[1] === 'prototype') {
    const type = (collides && ERA_RECEIVER[parts[0]]) || RECEIVER[parts[0]] || parts[0];
    return `void (null! as ${type}).${parts.slice(2).join('.')};`;
  }
  return `void (null! as ${STATIC[parts[0]] ?? `typeof ${parts[0]}`}).${parts.slice(1).join('.')};`;
}

describe('every registered legacy member is declared (dist/webrtc-legacy.d.ts against the registry)', function () {
  this.timeout(120000);

  it('an expression of each member type-checks', async () => {
    const { registry } = await import(pathToFileURL(join(root, 'dist/webrtc-legacy.mjs')).href);
    const lines = ["import 'webrtc-legacy';"];
    const members = [null];
    const seen = new Set();
    for (const s of registry) {
      for (const m of s.members ?? []) {
        const expr = expressionOf(m.name, s.collides);
        if (!expr || seen.has(expr)) continue;
        seen.add(expr);
        lines.push(expr);
        members.push(m.name);
      }
    }
    expect(members.length).to.be.above(100);
    const dir = mkdtempSync(join(tmpdir(), 'webrtc-legacy-members-'));
    try {
      writeFileSync(join(dir, 'members.ts'), lines.join('\n') + '\n');
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true, noEmit: true, types: [], paths: { 'webrtc-legacy': [join(root, 'dist/webrtc-legacy.d.ts')] },
        },
        files: ['members.ts'],
      }));
      const r = run('-p', join(dir, 'tsconfig.json'));
      const undeclared = [...r.stdout.matchAll(/members\.ts\((\d+),\d+\): (.*)/g)].map(([, line, msg]) => `${members[Number(line) - 1]}: ${lines[Number(line) - 1]} — ${msg}`);
      expect(undeclared, undeclared.join('\n')).to.deep.equal([]);
      expect(r.status, r.stdout + r.stderr).to.equal(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
