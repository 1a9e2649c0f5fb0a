// The SDP rewrites and reads of the 2011 PeerConnection, on SDPs Chromium 156 and Firefox 153 really
// wrote (fixtures/capture-sdp.js: camera+microphone each way, then a second round adding an audio-only
// stream and a data channel; plus a Firefox offer with a "port 0, a=bundle-only" section).
//
// legacy-sdp.ts hands sdp-transform only the lines each function reads and edits the outgoing SDP in
// place; `full` below is what it did before, every SDP through sdp-transform's whole grammar (and
// write()): the fast path must read the same and put the same on the wire.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parse, write } from 'sdp-transform';
import { legacySdp } from '../../dist/webrtc-legacy.mjs';

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}.sdp`, import.meta.url), 'utf8');
const offer = fixture('firefox-153-offer-bundle-only');
const REAL = Object.fromEntries(
  ['chromium-156', 'firefox-153'].flatMap((b) => ['offer', 'answer', 'reoffer', 'reanswer'].map((k) => [`${b}-${k}`, fixture(`${b}-${k}`)])),
);
REAL['firefox-153-offer-bundle-only'] = offer;

const sections = (sdp) => sdp.split(/\r?\nm=/).slice(1).map((s) => `m=${s}`);
const port = (section) => Number(section.split(' ')[1]);
const msidIds = (sdp) => [...new Set([...sdp.matchAll(/a=msid:(\S+)/g)].map((m) => m[1]))];

/** The implementation before the fast path: whole-SDP sdp-transform parse (and write). */
const full = {
  msidStreamId(m) {
    if (m.msid?.[0]) return String(m.msid[0].id);
    const raw = m.invalid?.find((i) => i.value.startsWith('msid:'));
    return raw ? raw.value.slice('msid:'.length).split(' ')[0] : undefined;
  },
  outgoingSdp(sdp, labelOf) {
    const session = parse(sdp);
    for (const group of session.groups ?? []) {
      if (group.type !== 'BUNDLE') continue;
      const mids = String(group.mids).split(' ');
      const tag = session.media.find((m) => String(m.mid) === mids[0] && m.port !== 0);
      if (!tag) continue;
      for (const m of session.media) {
        if (m.port !== 0 || !m.bundleOnly || !mids.includes(String(m.mid))) continue;
        m.port = tag.port;
        delete m.bundleOnly;
      }
    }
    for (const m of session.media) {
      const id = full.msidStreamId(m);
      const label = id === undefined ? undefined : labelOf(id);
      if (label === undefined) continue;
      m.label = label;
      if (id === label) continue;
      if (m.msid?.[0]) m.msid[0].id = label;
      else {
        const raw = m.invalid.find((i) => i.value.startsWith('msid:'));
        raw.value = `msid:${[label, ...raw.value.slice('msid:'.length).split(' ').slice(1)].join(' ')}`;
      }
    }
    return { sdp: write(session), candidates: full.keysOf(session) };
  },
  keysOf(session) {
    const keys = new Set();
    for (const m of session.media) for (const c of m.candidates ?? []) keys.add(`${c.foundation} ${c.component} ${c.transport} ${c.ip} ${c.port}`);
    return keys;
  },
  candidateKeys: (sdp) => full.keysOf(parse(sdp)),
  sendingSections(sdp) {
    const out = [];
    for (const m of parse(sdp).media) {
      const direction = m.direction ?? 'sendrecv';
      const rejected = m.port === 0 && !m.bundleOnly;
      if (rejected || (direction !== 'sendrecv' && direction !== 'sendonly') || m.type === 'application') continue;
      const streamId = full.msidStreamId(m);
      out.push({ mid: String(m.mid ?? ''), streamId, label: m.label === undefined ? streamId : String(m.label), kind: m.type });
    }
    return out;
  },
  inferType(sdp) {
    const s = parse(sdp);
    const setups = [s.setup, ...s.media.map((m) => m.setup)].filter((x) => typeof x === 'string');
    if (setups.includes('actpass')) return 'offer';
    if (setups.some((x) => x === 'active' || x === 'passive')) return 'answer';
    return null;
  },
  // The check as it was, a regex over the whole SDP (roap-session.ts before it moved here).
  iceCredentialsProblem(sdp) {
    for (const [, attr, value] of sdp.matchAll(/^a=ice-(ufrag|pwd):(.*?)\r?$/gm)) {
      const min = attr === 'ufrag' ? 4 : 22;
      if (!/^[A-Za-z0-9+/]*$/.test(value) || value.length < min || value.length > 256) {
        return `a=ice-${attr} ${JSON.stringify(value.slice(0, 40))} is not ${min} to 256 ICE characters (RFC 8839 §5.4)`;
      }
    }
    return null;
  },
};

/** Label choices an app makes: none, one label for everything, per stream, a label equal to the id. */
const labelings = (sdp) => {
  const ids = msidIds(sdp);
  return {
    none: () => undefined,
    all: () => 'camera1',
    perStream: (id) => (ids.indexOf(id) >= 0 ? `stream${ids.indexOf(id)}` : undefined),
    firstOnly: (id) => (id === ids[0] ? 'camera1' : undefined),
    sameAsId: (id) => id,
  };
};

/** Lines as a multiset, line endings aside. */
const lineBag = (sdp) => sdp.split(/\r\n|\r|\n/).filter(Boolean);
const without = (a, b) => {
  const rest = [...b];
  return a.filter((l) => {
    const i = rest.indexOf(l);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
};

describe('legacy SDP rewrites', () => {
  it('the fixture is what the test is about: a bundled section with port 0 and a=bundle-only', () => {
    expect(sections(offer).filter((s) => port(s) === 0 && /\r\na=bundle-only/.test(s))).to.have.length(1);
  });

  it('the captured SDPs are camera+microphone calls of both browsers, with a second round adding a stream and a data channel', () => {
    for (const b of ['chromium-156', 'firefox-153']) {
      for (const k of ['offer', 'answer']) {
        expect(sections(REAL[`${b}-${k}`]).map((s) => s.split(' ')[0]), `${b}-${k}`).to.deep.equal(['m=audio', 'm=video']);
      }
      for (const k of ['reoffer', 'reanswer']) {
        expect(sections(REAL[`${b}-${k}`]).map((s) => s.split(' ')[0]), `${b}-${k}`).to.deep.equal(['m=audio', 'm=video', 'm=audio', 'm=application']);
      }
      expect(REAL[`${b}-offer`].split('\r\n').length, b).to.be.above(60);
    }
  });

  it('2011 WD §4 port 0 means removed: on the wire a bundle-only section takes its group\'s port, without a=bundle-only', () => {
    const out = legacySdp.labelSections(offer, () => undefined);
    const media = sections(out);
    expect(media).to.have.length(3);
    expect(media.map(port)).to.deep.equal(media.map(() => port(media[0])));
    expect(out).not.to.match(/a=bundle-only/);
    expect(out).to.match(/a=group:BUNDLE 0 1 2/);
  });

  // Found by npm run fuzz (Firefox, an audio-only offer): "group.mids.split is not a function".
  it('an SDP with one section (a=group:BUNDLE 0, read by sdp-transform as the number 0) is rewritten too', () => {
    const one = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=msid:s1 t1\r\na=sendrecv\r\na=rtpmap:111 opus/48000/2\r\n';
    const out = legacySdp.labelSections(one, (id) => (id === 's1' ? 'mic' : undefined));
    expect(out).to.match(/a=group:BUNDLE 0\r\n/);
    expect(out).to.match(/a=label:mic\r\n/);
    expect(out).to.include('a=msid:mic t1\r\n');
  });

  it('a rejected section (port 0, no bundle-only) stays rejected', () => {
    const rejected = offer.replace('a=bundle-only\r\n', '');
    const out = legacySdp.labelSections(rejected, () => undefined);
    expect(sections(out).map(port).filter((p) => p === 0)).to.have.length(1);
  });

  it('the receiving side reads a bundle-only section as a sending one, and a rejected one as gone', () => {
    expect(legacySdp.sendingSections(offer).map((s) => s.kind)).to.deep.equal(['audio', 'video', 'audio']);
    expect(legacySdp.sendingSections(offer.replace('a=bundle-only\r\n', '')).map((s) => s.kind)).to.deep.equal(['audio', 'video']);
  });

  it('labels every section of a stream with a=label and rewrites its msid to the label', () => {
    const ids = msidIds(offer);
    const out = legacySdp.labelSections(offer, (id) => (id === ids[0] ? 'camera1' : undefined));
    expect(out.match(/a=label:camera1/g)).to.have.length(2);
    expect(out).to.include('a=msid:camera1 ');
  });

  it('outgoingSdp gives the wire SDP and the candidates it carries from one parse, the same as the two calls apart', () => {
    const labelOf = () => 'camera1';
    const out = legacySdp.outgoingSdp(offer, labelOf);
    expect(out.sdp).to.equal(legacySdp.labelSections(offer, labelOf));
    expect([...out.candidates]).to.deep.equal([...legacySdp.candidateKeys(out.sdp)]);
    expect(out.candidates.size).to.be.above(0);
  });
});

describe('legacy SDP fast path = sdp-transform\'s full parse, on real Chromium and Firefox SDPs', () => {
  for (const [name, sdp] of Object.entries(REAL)) {
    describe(name, () => {
      for (const [how, labelOf] of Object.entries(labelings(sdp))) {
        it(`outgoingSdp (labels: ${how}): the same SDP as parse + write, the same candidates`, () => {
          const fast = legacySdp.outgoingSdp(sdp, labelOf);
          const ref = full.outgoingSdp(sdp, labelOf);
          expect(parse(fast.sdp)).to.deep.equal(parse(ref.sdp));
          expect([...fast.candidates].sort()).to.deep.equal([...ref.candidates].sort());
          expect(fast.candidates.size).to.be.above(0);
        });

        it(`outgoingSdp (labels: ${how}): every line it does not rewrite goes out byte for byte, in order`, () => {
          const out = legacySdp.outgoingSdp(sdp, labelOf).sdp;
          expect(out.endsWith('\r\n')).to.equal(true);
          expect(out).not.to.match(/[^\r]\n/);
          const rewritten = /^(m=|a=msid:|a=label:|a=bundle-only)/;
          expect(lineBag(out).filter((l) => !rewritten.test(l))).to.deep.equal(lineBag(sdp).filter((l) => !rewritten.test(l)));
          const gone = without(lineBag(sdp), lineBag(out));
          const added = without(lineBag(out), lineBag(sdp));
          expect(gone.every((l) => rewritten.test(l)), gone.join('\n')).to.equal(true);
          expect(added.every((l) => rewritten.test(l)), added.join('\n')).to.equal(true);
        });
      }

      it('sendingSections, candidateKeys, inferType, iceCredentialsProblem: as the full parse reads them', () => {
        expect(legacySdp.sendingSections(sdp)).to.deep.equal(full.sendingSections(sdp));
        expect(legacySdp.sendingSections(sdp).length).to.be.above(0);
        expect([...legacySdp.candidateKeys(sdp)]).to.deep.equal([...full.candidateKeys(sdp)]);
        expect(legacySdp.inferType(sdp)).to.equal(full.inferType(sdp)).and.to.equal(/answer/.test(name) ? 'answer' : 'offer');
        expect(legacySdp.iceCredentialsProblem(sdp)).to.equal(null);
      });

      it('what the peer reads on the wire: sendingSections of the labelled SDP give the labels', () => {
        const labelOf = labelings(sdp).perStream;
        const wire = legacySdp.outgoingSdp(sdp, labelOf).sdp;
        expect(legacySdp.sendingSections(wire)).to.deep.equal(full.sendingSections(wire));
        for (const s of legacySdp.sendingSections(wire)) {
          expect(s.label).to.match(/^stream\d$/);
          expect(s.streamId).to.equal(s.label);
        }
      });
    });
  }
});

describe('legacy SDP fast path: edge cases', () => {
  const chromeOffer = REAL['chromium-156-offer'];
  const ffOffer = REAL['firefox-153-offer'];

  it('an SDP with LF line endings comes out with LF line endings, its final one kept', () => {
    for (const sdp of [chromeOffer, offer]) {
      const lf = sdp.replace(/\r\n/g, '\n');
      const out = legacySdp.outgoingSdp(lf, () => 'camera1').sdp;
      expect(out).not.to.include('\r');
      expect(out.endsWith('\n')).to.equal(true);
      expect(out).to.equal(legacySdp.outgoingSdp(sdp, () => 'camera1').sdp.replace(/\r\n/g, '\n'));
      expect(legacySdp.sendingSections(lf)).to.deep.equal(full.sendingSections(sdp));
      expect(legacySdp.inferType(lf)).to.equal('offer');
      expect([...legacySdp.candidateKeys(lf)]).to.deep.equal([...full.candidateKeys(sdp)]);
    }
  });

  it('an SDP of CR-only lines (sdp-transform splits there too) reads the same; a wanted first line is found too', () => {
    const cr = ffOffer.replace(/\r\n/g, '\r');
    expect(legacySdp.sendingSections(cr)).to.deep.equal(full.sendingSections(ffOffer));
    expect(legacySdp.inferType(cr)).to.equal('offer');
    expect([...legacySdp.candidateKeys(cr)]).to.deep.equal([...full.candidateKeys(ffOffer)]);
    expect(legacySdp.outgoingSdp(cr, () => 'camera1').sdp).to.equal(legacySdp.outgoingSdp(ffOffer, () => 'camera1').sdp.replace(/\r\n/g, '\r'));
    const badCr = cr.replace(/a=ice-pwd:\S+/, 'a=ice-pwd:short');
    expect(legacySdp.iceCredentialsProblem(badCr)).to.equal(full.iceCredentialsProblem(badCr)).and.not.to.equal(null);
    expect(legacySdp.inferType('a=setup:actpass\r\nm=audio 9 RTP/AVP 0\r\n')).to.equal('offer');
    expect(legacySdp.iceCredentialsProblem('a=ice-ufrag:ab')).to.equal(full.iceCredentialsProblem('a=ice-ufrag:ab')).and.not.to.equal(null);
  });

  it('an SDP without its final line ending gets one (Chromium refuses an SDP without its final CRLF)', () => {
    const cut = chromeOffer.replace(/\r\n$/, '');
    const out = legacySdp.outgoingSdp(cut, () => undefined).sdp;
    expect(out).to.equal(chromeOffer);
    expect(legacySdp.outgoingSdp(cut.replace(/\r\n/g, '\n'), () => undefined).sdp).to.equal(chromeOffer.replace(/\r\n/g, '\n'));
  });

  it('with no label to add and no bundle-only section, the SDP goes out exactly as the browser wrote it', () => {
    for (const name of Object.keys(REAL).filter((n) => n !== 'firefox-153-offer-bundle-only')) {
      if (/a=bundle-only/.test(REAL[name])) continue;
      expect(legacySdp.outgoingSdp(REAL[name], () => undefined).sdp, name).to.equal(REAL[name]);
    }
  });

  it('Firefox\'s msid "{uuid} {uuid}" (sdp-transform: invalid) is rewritten to the label, its track id kept', () => {
    const [id] = msidIds(ffOffer);
    expect(id).to.match(/^\{/);
    expect(parse(ffOffer).media[0].msid).to.equal(undefined);
    const track = ffOffer.match(/a=msid:\S+ (\S+)/)[1];
    const out = legacySdp.labelSections(ffOffer, (i) => (i === id ? 'camera1' : undefined));
    expect(out).to.include(`a=msid:camera1 ${track}\r\na=label:camera1\r\n`);
    expect(out).not.to.include(id);
  });

  it('an a=label already there is replaced, not doubled; an empty one (sdp-transform: invalid) is left alone', () => {
    const withLabel = chromeOffer.replace(/(a=msid:[^\r]*\r\n)/g, 'a=label:old\r\n$1a=label:\r\n');
    const out = legacySdp.outgoingSdp(withLabel, () => 'camera1').sdp;
    for (const s of sections(out)) {
      expect(s.match(/a=label:camera1\r\n/g)).to.have.length(1);
      expect(s).not.to.include('a=label:old');
      expect(s.match(/a=label:\r\n/g)).to.have.length(1);
    }
    expect(parse(out)).to.deep.equal(parse(full.outgoingSdp(withLabel, () => 'camera1').sdp));
    expect(legacySdp.sendingSections(withLabel).map((s) => s.label)).to.deep.equal(full.sendingSections(withLabel).map((s) => s.label)).and.to.deep.equal(['old', 'old']);
  });

  it('a lone numeric mid and msid ids sdp-transform reads as numbers are read as strings', () => {
    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 7\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:7\r\na=msid:42 1\r\na=label:5\r\n';
    expect(legacySdp.sendingSections(sdp)).to.deep.equal([{ mid: '7', streamId: '42', label: '5', kind: 'audio' }]);
    expect(legacySdp.labelSections(sdp, (id) => (id === '42' ? 'mic' : undefined))).to.include('a=msid:mic 1\r\na=label:mic\r\n');
  });

  it('a bundle-only section of a group whose first section is also port 0 is left as it is, as before', () => {
    const sdp = chromeOffer.replace(/^m=(\w+) \d+ /gm, 'm=$1 0 ').replace(/(a=mid:1\r\n)/, '$1a=bundle-only\r\n');
    expect(legacySdp.outgoingSdp(sdp, () => undefined).sdp).to.equal(sdp);
  });

  it('directions: a recvonly or inactive section is not a sending one', () => {
    const sdp = chromeOffer.replace(/a=sendrecv/, 'a=recvonly').replace(/a=sendrecv(?![\s\S]*a=sendrecv)/, 'a=inactive');
    expect(legacySdp.sendingSections(sdp)).to.deep.equal(full.sendingSections(sdp)).and.to.have.length(0);
    const sendonly = chromeOffer.replace(/a=sendrecv/, 'a=sendonly');
    expect(legacySdp.sendingSections(sendonly)).to.deep.equal(full.sendingSections(sendonly)).and.to.have.length(2);
  });

  it('inferType: actpass is an offer, active/passive an answer, none says nothing', () => {
    const noSetup = chromeOffer.replace(/a=setup:\w+\r\n/g, '');
    expect(legacySdp.inferType(noSetup)).to.equal(null);
    expect(legacySdp.inferType(chromeOffer.replace(/a=setup:actpass/g, 'a=setup:passive'))).to.equal('answer');
  });

  describe('iceCredentialsProblem (RFC 8839 §5.4), as the regex over the whole SDP said it', () => {
    const pwd = /a=ice-pwd:\S+/g;
    const ufrag = /a=ice-ufrag:\S+/g;
    const cases = {
      'a short ice-pwd': chromeOffer.replace(pwd, 'a=ice-pwd:short'),
      'an ice-ufrag with bad characters': chromeOffer.replace(ufrag, 'a=ice-ufrag:a%b!'),
      'an empty ice-ufrag': chromeOffer.replace(ufrag, 'a=ice-ufrag:'),
      'an ice-pwd of 300 characters': ffOffer.replace(pwd, `a=ice-pwd:${'x'.repeat(300)}`),
      'an ice-ufrag with a space in it': ffOffer.replace(ufrag, 'a=ice-ufrag:abcd efgh'),
      'an ice-ufrag with trailing space': ffOffer.replace(ufrag, (l) => `${l} `),
      'only the second section\'s ice-pwd bad': chromeOffer.replace(/(a=ice-pwd:)(\S+)([\s\S]*a=ice-pwd:)\S+/, '$1$2$3tooShort'),
      'LF line endings, a bad ice-ufrag': chromeOffer.replace(ufrag, 'a=ice-ufrag:ab').replace(/\r\n/g, '\n'),
      'a numeric ice-ufrag (sdp-transform reads a number)': chromeOffer.replace(ufrag, 'a=ice-ufrag:12345678'),
      'an ice-pwd with + and /': chromeOffer.replace(pwd, 'a=ice-pwd:abc+def/ghijklmnopqrstuvwxyz'),
      'good ones': chromeOffer,
    };
    for (const [name, sdp] of Object.entries(cases)) {
      it(name, () => {
        expect(legacySdp.iceCredentialsProblem(sdp)).to.equal(full.iceCredentialsProblem(sdp));
      });
    }
    it('the bad ones are refused, the good ones are not', () => {
      expect(Object.values(cases).filter((s) => legacySdp.iceCredentialsProblem(s) !== null)).to.have.length(8);
    });
  });
});
