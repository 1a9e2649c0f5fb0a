// ed-2012-03-18: the synchronous offer/answer text written from the engine's own template. Pure
// functions, run in node on offers captured from Chromium 156 and Firefox 153 (fixtures/).
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { syncSdp } from '../../dist/webrtc-legacy.mjs';

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const chromium = syncSdp.captureTemplate(fixture('chromium-156-offer.sdp'));
const firefox = syncSdp.captureTemplate(fixture('firefox-153-offer.sdp'));
const ice = { ufrag: 'abcd', pwd: 'abcdefghijklmnopqrstuv' };
const origin = { id: '42', version: 1 };
const attrs = (sdp, prefix) => sdp.split('\r\n').filter((l) => l.startsWith(prefix));

describe('ed-2012-03-18 synchronous SDP from a template', () => {
  it('the template keeps codecs, extmaps and rtcp lines, never the connection’s own lines (mid, ICE, ssrc, msid, direction)', () => {
    for (const t of [chromium, firefox]) {
      expect(t.fingerprint).to.match(/^sha-256 [0-9A-F:]+$/);
      for (const kind of ['audio', 'video']) {
        const ls = t.kinds[kind].lines;
        expect(ls.some((l) => l.startsWith('a=rtpmap:'))).to.equal(true);
        expect(ls.some((l) => /^a=(mid|ice-ufrag|ice-pwd|fingerprint|setup|ssrc|msid|sendrecv|candidate)/.test(l))).to.equal(false);
      }
    }
    expect(chromium.session).to.deep.equal(['a=extmap-allow-mixed']);
  });

  it('an offer: v=0, BUNDLE of the mids in order, one section per kind with our ICE credentials and fingerprint, no a=ssrc', () => {
    const sdp = syncSdp.offerText(chromium, ice, origin, [
      { kind: 'audio', mid: '0', direction: 'sendrecv', msid: 's t' },
      { kind: 'video', mid: '1', direction: 'recvonly' },
    ]);
    expect(sdp.startsWith('v=0\r\n')).to.equal(true);
    expect(attrs(sdp, 'a=group:BUNDLE')).to.deep.equal(['a=group:BUNDLE 0 1']);
    expect(attrs(sdp, 'm=').map((l) => l.split(' ')[0])).to.deep.equal(['m=audio', 'm=video']);
    expect(attrs(sdp, 'a=ice-ufrag:')).to.deep.equal(['a=ice-ufrag:abcd', 'a=ice-ufrag:abcd']);
    expect(attrs(sdp, 'a=fingerprint:')).to.deep.equal([`a=fingerprint:${chromium.fingerprint}`, `a=fingerprint:${chromium.fingerprint}`]);
    expect(attrs(sdp, 'a=ssrc')).to.deep.equal([]);
    expect(attrs(sdp, 'a=msid:')).to.deep.equal(['a=msid:s t']);
    expect(syncSdp.sdpProblem(sdp)).to.equal(null);
    const parsed = syncSdp.parseSdp(sdp);
    expect(parsed.sections.map((s) => [s.mid, s.direction])).to.deep.equal([['0', 'sendrecv'], ['1', 'recvonly']]);
  });

  it('an answer to another engine’s offer keeps the offer’s payload types and extmap ids, only for what the answering engine has', () => {
    const offer = syncSdp.parseSdp(fixture('chromium-156-offer.sdp'));
    const sdp = syncSdp.answerText(firefox, offer, ice, origin, () => ({ direction: 'sendrecv', msid: 's t' }));
    const sections = syncSdp.parseSdp(sdp).sections;
    expect(sections.map((s) => [s.kind, s.mid, s.port])).to.deep.equal([['audio', '0', 9], ['video', '1', 9]]);
    expect(sections[0].formats[0]).to.equal('111'); // Chromium's opus, not Firefox's 109
    for (const s of sections) for (const f of s.formats) expect(offer.sections.find((o) => o.kind === s.kind).formats).to.include(f);
    // An extension both engines have keeps the offerer's (Chromium's) id: Firefox's own is 3.
    expect(attrs(sdp, 'a=extmap:').filter((l) => l.endsWith('sdes:mid'))).to.deep.equal(['a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid', 'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid']);
    expect(attrs(sdp, 'a=setup:')).to.deep.equal(['a=setup:active', 'a=setup:active']);
    expect(attrs(sdp, 'a=group:BUNDLE')).to.deep.equal(['a=group:BUNDLE 0 1']);
  });

  it('an answer rejects (port 0) a section of a kind the engine lacks, and leaves it out of BUNDLE', () => {
    const offer = syncSdp.parseSdp(fixture('firefox-153-offer.sdp').replace('m=video 9', 'm=text 9'));
    const sdp = syncSdp.answerText(chromium, offer, ice, origin, () => ({ direction: 'recvonly' }));
    expect(attrs(sdp, 'm=').map((l) => l.split(' ').slice(0, 2).join(' '))).to.deep.equal(['m=audio 9', 'm=text 0']);
    expect(attrs(sdp, 'a=group:BUNDLE')).to.deep.equal(['a=group:BUNDLE 0']);
  });

  it('answer directions: what we send and receive, within what was offered', () => {
    expect(syncSdp.answerDirection('sendrecv', true, true)).to.equal('sendrecv');
    expect(syncSdp.answerDirection('recvonly', true, true)).to.equal('sendonly');
    expect(syncSdp.answerDirection('sendonly', true, true)).to.equal('recvonly');
    expect(syncSdp.answerDirection('sendrecv', false, true)).to.equal('recvonly');
    expect(syncSdp.answerDirection('sendrecv', false, false)).to.equal('inactive');
  });

  it('says why an SDP is none, reads candidate lines with or without a=, adds one to its section, writes credentials over', () => {
    expect(syncSdp.sdpProblem('garbage')).to.match(/v=0/);
    expect(syncSdp.sdpProblem('v=0\r\ns=-\r\n')).to.match(/no m= line/);
    expect(syncSdp.sdpProblem('v=0\r\nm=audio 9 RTP/AVP 0\r\n')).to.match(/ice-ufrag/);
    const line = 'candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation 0';
    expect(syncSdp.candidateLine(`a=${line}\r\n`)).to.equal(line);
    expect(syncSdp.candidateLine('not a candidate')).to.equal(null);
    const offer = fixture('chromium-156-offer.sdp');
    const added = syncSdp.withCandidate(offer, 1, line);
    expect(syncSdp.parseSdp(added).sections[1].lines).to.include(`a=${line}`);
    expect(syncSdp.withCandidate(offer, 5, line)).to.equal(null);
    expect(attrs(syncSdp.withCredentials(offer, ice), 'a=ice-ufrag:')).to.deep.equal(['a=ice-ufrag:abcd', 'a=ice-ufrag:abcd']);
  });
});
