// The SDP rewrites of the 2011 PeerConnection, on an offer Firefox 153 really wrote: a camera stream
// (audio + video) and a second, audio-only stream, whose section Firefox offers as "port 0, a=bundle-only".
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { legacySdp } from '../../dist/webrtc-legacy.mjs';

const offer = readFileSync(new URL('./fixtures/firefox-153-offer-bundle-only.sdp', import.meta.url), 'utf8');
const sections = (sdp) => sdp.split(/\r\nm=/).slice(1).map((s) => `m=${s}`);
const port = (section) => Number(section.split(' ')[1]);

describe('legacy SDP rewrites', () => {
  it('the fixture is what the test is about: a bundled section with port 0 and a=bundle-only', () => {
    expect(sections(offer).filter((s) => port(s) === 0 && /\r\na=bundle-only/.test(s))).to.have.length(1);
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
    const ids = [...new Set([...offer.matchAll(/a=msid:(\S+)/g)].map((m) => m[1]))];
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
