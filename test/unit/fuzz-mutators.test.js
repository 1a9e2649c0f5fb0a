// The signaling fuzzer's generator (fuzz/mutators.js): pure, seeded, reproducible message by message.
import { expect } from 'chai';
import { roap } from '../../dist/webrtc-legacy.mjs';
import {
  generate,
  mulberry32,
  randFor,
  Rand,
  entriesToJson,
  toEntries,
  retarget,
  SDP_MUTATORS,
  ROAP_MUTATORS,
  PAYLOAD_MUTATORS,
  MAX_MESSAGE_LENGTH,
  PREFIX,
  STATES,
  stateOf,
} from '../../fuzz/mutators.js';

const SDP = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'c=IN IP4 0.0.0.0',
  'a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
  'a=ice-ufrag:abcd',
  'a=ice-pwd:abcdefghijklmnopqrstuvwx',
  'a=fingerprint:sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  'a=setup:actpass',
  'a=mid:0',
  'a=label:cam',
  'a=msid:cam t1',
  'a=sendrecv',
  'a=rtpmap:111 opus/48000/2',
  '',
].join('\r\n');

const CORPUS = [
  { type: 'OFFER', text: roap.serialize({ messageType: 'OFFER', offererSessionId: 'aaa', seq: 1, sdp: SDP, tieBreaker: 99 }) },
  { type: 'ANSWER', text: roap.serialize({ messageType: 'ANSWER', offererSessionId: 'aaa', answererSessionId: 'bbb', seq: 1, sdp: SDP.replace('actpass', 'active') }) },
  { type: 'OK', text: roap.serialize({ messageType: 'OK', offererSessionId: 'aaa', answererSessionId: 'bbb', seq: 1 }) },
  { type: 'SHUTDOWN', text: roap.serialize({ messageType: 'SHUTDOWN', offererSessionId: 'aaa', answererSessionId: 'bbb', seq: 2 }) },
  { type: 'ERROR', text: roap.serialize({ messageType: 'ERROR', offererSessionId: 'aaa', answererSessionId: 'bbb', seq: 2, errorType: 'CONFLICT' }) },
  { type: 'SDP', text: PREFIX + SDP },
];

describe('fuzz/mutators.js: the signaling fuzzer’s message generator', () => {
  it('mulberry32 is deterministic, in [0, 1), and differs by seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).to.deep.equal(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).to.equal(true);
    expect(new Set(xs).size).to.be.greaterThan(990);
    expect(mulberry32(43)()).to.not.equal(mulberry32(42)());
  });

  it('message N of a seed is the same whether or not the messages before it were made', () => {
    const all = Array.from({ length: 200 }, (_, i) => generate(7, i, CORPUS));
    expect(generate(7, 150, CORPUS)).to.deep.equal(all[150]);
    expect(generate(7, 0, CORPUS)).to.deep.equal(all[0]);
    expect(generate(8, 150, CORPUS)).to.not.deep.equal(all[150]);
    expect(randFor(7, 3).next()).to.equal(randFor(7, 3).next());
  });

  it('makes every kind of payload, from every base, with every mutator family', () => {
    const seen = { bases: new Set(), mutators: new Set(), kinds: new Set() };
    for (let i = 0; i < 3000; i++) {
      const g = generate(1, i, CORPUS);
      seen.bases.add(g.base);
      g.mutators.forEach((m) => seen.mutators.add(m.replace(/^sdp\./, 'sdp.')));
      seen.kinds.add(g.payload.t);
    }
    expect([...seen.bases].sort()).to.deep.equal(['ANSWER', 'ERROR', 'OFFER', 'OK', 'SDP', 'SHUTDOWN']);
    expect([...seen.kinds].sort()).to.deep.equal(['o', 's', 'u', 'v']);
    for (const name of [...Object.keys(ROAP_MUTATORS), ...Object.keys(PAYLOAD_MUTATORS), ...Object.keys(SDP_MUTATORS).map((n) => `sdp.${n}`), 'retarget', 'replay']) {
      expect(seen.mutators.has(name), name).to.equal(true);
    }
  });

  it('is pure: the corpus is not changed', () => {
    const before = JSON.stringify(CORPUS);
    for (let i = 0; i < 500; i++) generate(3, i, CORPUS);
    expect(JSON.stringify(CORPUS)).to.equal(before);
  });

  it('writes `__proto__`, `constructor` and `prototype` keys that survive JSON.parse as own keys, at several levels', () => {
    const rand = new Rand(mulberry32(5));
    let top = 0;
    let nested = 0;
    for (let i = 0; i < 300; i++) {
      const e = toEntries(CORPUS[0].text);
      ROAP_MUTATORS.protoKeys(rand, e);
      const text = entriesToJson(e);
      const o = JSON.parse(text);
      if (['__proto__', 'constructor', 'prototype'].some((k) => Object.prototype.hasOwnProperty.call(o, k))) top++;
      if (/[{,]"(__proto__|constructor|prototype)":/.test(text.slice(1)) && /:\s*[[{][^]*"(__proto__|constructor|prototype)"/.test(text)) nested++;
    }
    expect(top).to.be.greaterThan(30);
    expect(nested).to.be.greaterThan(30);
    expect({}.polluted).to.equal(undefined);
  });

  it('huge numbers and wrong types reach the text as written (2^53, 1e999, -0, strings)', () => {
    const rand = new Rand(mulberry32(9));
    const texts = new Set();
    for (let i = 0; i < 400; i++) {
      const e = toEntries(CORPUS[0].text);
      ROAP_MUTATORS.hugeNumber(rand, e);
      texts.add(entriesToJson(e).match(/"(seq|tieBreaker)":([^,}]*)/g).join(' '));
    }
    const all = [...texts].join('\n');
    for (const v of ['9007199254740992', '1e999', '-0', '"NaN"', '-1', '0.5']) expect(all).to.include(v);
  });

  it('retargets a message to the live connection with placeholders the page resolves', () => {
    const rand = new Rand(mulberry32(11));
    const e = toEntries(CORPUS[1].text);
    retarget(rand, e);
    const text = PREFIX + entriesToJson(e);
    expect(text).to.match(/@@[VP]@@/);
    expect(text).to.match(/"seq":"@@S([+-]1)?@@"/);
    const resolved = text.replace(/"@@S([+-]1)?@@"/g, (_, d) => String(4 + (d ? Number(d) : 0))).replace(/@@V@@/g, 'victim').replace(/@@P@@/g, 'peer');
    const parsed = roap.parse(resolved);
    expect(parsed.kind).to.equal('roap');
    expect([3, 4, 5]).to.include(parsed.message.seq);
  });

  it('SDP mutators: 100 KB lines, bad m= lines, wrong fingerprints, missing ice-ufrag', () => {
    const rand = new Rand(mulberry32(13));
    const huge = SDP_MUTATORS.hugeLine(rand, SDP);
    expect(huge.split('\r\n').some((l) => l.length > 100 * 1024)).to.equal(true);
    expect(SDP_MUTATORS.badMLine(rand, SDP)).to.not.include('m=audio 9 UDP/TLS/RTP/SAVPF 111');
    const fps = new Set(Array.from({ length: 20 }, () => SDP_MUTATORS.wrongFingerprint(rand, SDP)));
    expect([...fps].every((s) => s !== SDP || false)).to.equal(true);
    let noUfrag = 0;
    for (let i = 0; i < 40; i++) if (!SDP_MUTATORS.missingIce(rand, SDP).includes('a=ice-ufrag:')) noUfrag++;
    expect(noUfrag).to.be.greaterThan(0);
  });

  it('non-ROAP payloads: no prefix, JSON non-objects, and strings just over the 256 KB cap (and exactly at it)', () => {
    const rand = new Rand(mulberry32(17));
    const lengths = new Set();
    for (let i = 0; i < 40; i++) lengths.add(PAYLOAD_MUTATORS.oversize(rand, CORPUS[0].text).s.length);
    expect([...lengths].every((n) => n >= MAX_MESSAGE_LENGTH)).to.equal(true);
    expect(lengths.has(MAX_MESSAGE_LENGTH)).to.equal(true);
    expect(lengths.has(MAX_MESSAGE_LENGTH + 1)).to.equal(true);
    const prefixes = new Set(Array.from({ length: 60 }, () => PAYLOAD_MUTATORS.noPrefix(rand, CORPUS[0].text).s.slice(0, 4)));
    expect(prefixes.has('{"me')).to.equal(true);
    const bodies = new Set(Array.from({ length: 60 }, () => PAYLOAD_MUTATORS.jsonNonObject(rand).s));
    for (const b of ['SDP\n[]', 'SDP\nnull', 'SDP\n0']) expect(bodies.has(b), b).to.equal(true);
    for (const b of bodies) expect(roap.parse(b).kind, b).to.equal('invalid');
  });

  it('feeds batches through every state in order', () => {
    expect(STATES).to.deep.equal(['NEW', 'SDP_WAITING', 'SDP_IDLE', 'ACTIVE', 'CLOSING']);
    expect([0, 59, 60, 179, 180, 240, 300].map((i) => stateOf(i, 60))).to.deep.equal(['NEW', 'NEW', 'SDP_WAITING', 'SDP_IDLE', 'ACTIVE', 'CLOSING', 'NEW']);
  });
});
