// The 2016 stats names (src/drafts/wd-2016-01-28/stats-names.ts) on reports Chromium 156 and Firefox 153
// really gave (fixtures/capture-stats.js: a call in one page, camera+microphone and a data channel, read
// once RTCP had come back both ways).
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { stats2016 } from '../../dist/webrtc-legacy.mjs';

const { legacyEntries, legacyEntry, TYPES, MEMBERS } = stats2016;
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}-stats-2016.json`, import.meta.url), 'utf8'));
const ENGINES = { 'chromium-156': fixture('chromium-156'), 'firefox-153': fixture('firefox-153') };

const MODERN = ['inbound-rtp', 'outbound-rtp', 'remote-inbound-rtp', 'remote-outbound-rtp', 'candidate-pair', 'local-candidate', 'remote-candidate', 'peer-connection', 'data-channel', 'media-source'];
const byType = (entries, type) => entries.filter((s) => s.type === type);

describe('2016 stats names (one table, real reports)', () => {
  it('every row cites its draft and no modern type is mapped twice', () => {
    for (const r of [...TYPES, ...MEMBERS]) expect(r.cite, JSON.stringify(r)).to.match(/^(2016-\d\d-\d\d WD|WEBRTC-STATS 2016)/);
    expect(new Set(TYPES.map((r) => r.from)).size).to.equal(TYPES.length);
  });

  for (const [engine, report] of Object.entries(ENGINES)) {
    describe(engine, () => {
      const caller = legacyEntries(report.caller);
      const callee = legacyEntries(report.callee);
      const all = [...caller, ...callee];

      it('leaves no hyphenated type of today that 2016 named otherwise', () => {
        for (const s of all) expect(MODERN, s.type).not.to.include(s.type);
        // media-playout (Chromium) had no 2016 counterpart: kept, as 2016 WD §8.3 says "applications MUST
        // be prepared to deal with unknown stats".
        for (const s of all) if (s.type !== 'media-playout') expect(s.type, s.id).not.to.match(/-/);
      });

      it('keeps every id, in the report order, and the source objects untouched', () => {
        const before = JSON.stringify(report.caller);
        const again = legacyEntries(report.caller);
        expect(JSON.stringify(report.caller)).to.equal(before);
        expect(again.filter((s) => !s.id.startsWith('track-')).map((s) => s.id)).to.deep.equal(report.caller.map((s) => s.id));
      });

      it('inboundrtp (local, isRemote false) with packetsReceived and bytesReceived, as the 2016 WD IDL says', () => {
        const inbound = byType(callee, 'inboundrtp').filter((s) => !s.isRemote);
        expect(inbound.map((s) => s.mediaType).sort()).to.deep.equal(['audio', 'video']);
        for (const s of inbound) {
          expect(s.packetsReceived).to.be.a('number').above(0);
          expect(s.bytesReceived).to.be.a('number').above(0);
          expect(s.ssrc).to.be.a('number');
          expect(s).not.to.have.property('kind');
        }
      });

      it('outboundrtp (local) with packetsSent, bytesSent and mediaTrackId pointing at a track entry', () => {
        const outbound = byType(caller, 'outboundrtp').filter((s) => !s.isRemote);
        expect(outbound.map((s) => s.mediaType).sort()).to.deep.equal(['audio', 'video']);
        for (const s of outbound) {
          expect(s.packetsSent).to.be.a('number').above(0);
          expect(s.bytesSent).to.be.a('number').above(0);
          if (s.mediaTrackId !== undefined) expect(caller.find((t) => t.id === s.mediaTrackId)).to.have.property('type', 'track');
        }
      });

      it("the far side's RTCP figures are inboundrtp/outboundrtp with isRemote true and remoteId back to the local entry", () => {
        const remoteIn = byType(caller, 'inboundrtp').filter((s) => s.isRemote);
        const remoteOut = byType(callee, 'outboundrtp').filter((s) => s.isRemote);
        expect(remoteIn.length + remoteOut.length).to.be.above(0);
        for (const [s, side] of [...remoteIn.map((s) => [s, caller]), ...remoteOut.map((s) => [s, callee])]) {
          const local = side.find((l) => l.id === s.remoteId);
          expect(local, s.id).to.be.an('object');
          expect(local.isRemote).to.equal(false);
          expect(s).not.to.have.property('localId');
        }
      });

      it('candidates: localcandidate/remotecandidate with ipAddress, portNumber, transport and 2016 candidateType values', () => {
        const candidates = [...byType(caller, 'localcandidate'), ...byType(caller, 'remotecandidate')];
        expect(candidates.length).to.be.above(1);
        for (const c of candidates) {
          expect(c.ipAddress).to.be.a('string');
          expect(c.portNumber).to.be.a('number');
          expect(c.transport).to.match(/^(udp|tcp)$/);
          expect(c.candidateType).to.be.oneOf(['host', 'serverreflexive', 'peerreflexive', 'relayed']);
          expect(c).not.to.have.property('address');
          expect(c).not.to.have.property('port');
        }
      });

      it('candidatepair links its candidates and reads totalRtt/currentRtt and 2016 states', () => {
        const pairs = byType(caller, 'candidatepair');
        expect(pairs.length).to.be.above(0);
        for (const p of pairs) {
          expect(caller.find((c) => c.id === p.localCandidateId)).to.have.property('type', 'localcandidate');
          expect(caller.find((c) => c.id === p.remoteCandidateId)).to.have.property('type', 'remotecandidate');
          expect(p.state).to.be.oneOf(['frozen', 'waiting', 'inprogress', 'failed', 'succeeded', 'cancelled']);
          expect(p).not.to.have.property('totalRoundTripTime');
        }
        expect(pairs.some((p) => p.state === 'succeeded' && p.nominated)).to.equal(true);
      });

      it('track entries: a sent one from media-source (remoteSource false), a received one per inbound stream (remoteSource true)', () => {
        const sent = byType(caller, 'track');
        expect(sent.every((t) => t.remoteSource === false && typeof t.trackIdentifier === 'string')).to.equal(true);
        const video = sent.find((t) => t.kind === 'video');
        expect(video.frameWidth).to.be.above(0);
        const received = byType(callee, 'track');
        const inbound = byType(callee, 'inboundrtp').filter((s) => !s.isRemote);
        expect(received.length).to.equal(inbound.length);
        for (const s of inbound) {
          const t = callee.find((x) => x.id === s.mediaTrackId);
          expect(t).to.include({ type: 'track', remoteSource: true, trackIdentifier: s.trackIdentifier });
        }
      });

      it('peerconnection, datachannel (datachannelid), codec (codec, parameters), transport, certificate', () => {
        expect(byType(caller, 'peerconnection')).to.have.length(1);
        const [dc] = byType(caller, 'datachannel');
        expect(dc).to.include({ label: 'chat', datachannelid: report.caller.find((s) => s.type === 'data-channel').dataChannelIdentifier });
        const codecs = byType(caller, 'codec');
        expect(codecs.length).to.be.above(0);
        for (const c of codecs) expect(c.codec).to.match(/^(audio|video)\//);
        expect(byType(caller, 'transport').length).to.be.above(0);
      });
    });
  }

  it('an entry of a type 2016 had not is left as it is', () => {
    const entry = { id: 'x', type: 'media-playout', timestamp: 1, kind: 'audio' };
    expect(legacyEntry(entry)).to.deep.equal(entry);
  });
});
