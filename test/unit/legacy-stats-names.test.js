// 2013-09 WD §8: the legacy stats names the callback getStats gives, from the promise getStats()
// reports Chromium 156 and Firefox 153 really returned (fixtures/capture-stats.js: a loopback call,
// camera and microphone both ways, read after three seconds of media). Pure table + engine, in node.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { legacyStats } from '../../dist/webrtc-legacy.mjs';

const { legacyReports, LEGACY_STATS, NO_SOURCE } = legacyStats;
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}-stats.json`, import.meta.url), 'utf8'));
const ENGINES = ['chromium-156', 'firefox-153'];

const stat = (report, name) => Object.fromEntries(report.stats)[name];
const byType = (reports, type) => reports.filter((r) => r.type === type);

describe('wd-2013-09-10 §8 legacy stats names table', () => {
  it('has one row per (type, direction, name), each with a modern source and a citation', () => {
    const keys = LEGACY_STATS.map((r) => `${r.type}/${r.dir ?? '*'}/${r.name}`);
    expect(new Set(keys).size).to.equal(keys.length);
    for (const r of LEGACY_STATS) {
      expect(r.from, r.name).to.match(/^[a-z-]+(\.[A-Za-z]+)?$/);
      expect(r.cite, r.name).to.be.a('string').and.not.empty;
    }
  });

  it('covers every name the apps of 2013–2015 read, and lists what has no source apart', () => {
    const names = (type) => LEGACY_STATS.filter((r) => r.type === type).map((r) => r.name);
    expect(names('ssrc')).to.include.members([
      'bytesSent', 'bytesReceived', 'packetsSent', 'packetsReceived', 'packetsLost', 'googFrameWidthReceived',
      'googFrameHeightReceived', 'googFrameRateReceived', 'audioInputLevel', 'audioOutputLevel', 'googRtt',
    ]);
    expect(names('googCandidatePair')).to.include.members(['googActiveConnection', 'googLocalAddress', 'googRemoteAddress']);
    expect(names('VideoBwe')).to.include('googAvailableSendBandwidth');
    for (const n of NO_SOURCE) {
      expect(LEGACY_STATS.some((r) => r.type === n.type && r.name === n.name), n.name).to.equal(false);
      expect(n.why).to.be.a('string').and.not.empty;
    }
  });

  it('reads nothing from an empty report', () => {
    expect(legacyReports([])).to.deep.equal([]);
  });

  for (const engine of ENGINES) {
    describe(`on ${engine}'s reports`, () => {
      const { caller, callee } = fixture(engine);
      const reports = legacyReports(caller);

      it('gives one "ssrc" report per RTP stream, ids ssrc_<ssrc>_send / _recv, with bytes and packets', () => {
        const ssrc = byType(reports, 'ssrc');
        const rtp = caller.filter((s) => s.type === 'outbound-rtp' || s.type === 'inbound-rtp');
        expect(ssrc).to.have.length(rtp.length).and.to.have.length(4);
        for (const s of rtp) {
          const dir = s.type === 'outbound-rtp' ? 'send' : 'recv';
          const r = reports.find((x) => x.id === `ssrc_${s.ssrc}_${dir}`);
          expect(r, s.id).to.exist;
          expect(r.timestamp).to.equal(s.timestamp);
          expect(stat(r, 'ssrc')).to.equal(String(s.ssrc));
          expect(stat(r, 'mediaType')).to.equal(s.kind);
          if (dir === 'send') {
            expect(stat(r, 'bytesSent')).to.equal(String(s.bytesSent));
            expect(stat(r, 'packetsSent')).to.equal(String(s.packetsSent));
            expect(stat(r, 'bytesReceived')).to.equal(undefined);
          } else {
            expect(stat(r, 'bytesReceived')).to.equal(String(s.bytesReceived));
            expect(stat(r, 'packetsReceived')).to.equal(String(s.packetsReceived));
            expect(stat(r, 'packetsLost')).to.equal(String(s.packetsLost));
            expect(stat(r, 'bytesSent')).to.equal(undefined);
          }
          expect(stat(r, 'googCodecName')).to.equal(s.kind === 'audio' ? 'opus' : 'VP8');
        }
      });

      it('gives the received video its frame size and rate (googFrame*Received)', () => {
        const inbound = caller.find((s) => s.type === 'inbound-rtp' && s.kind === 'video');
        const r = reports.find((x) => x.id === `ssrc_${inbound.ssrc}_recv`);
        expect(Number(stat(r, 'googFrameWidthReceived'))).to.equal(inbound.frameWidth).and.above(0);
        expect(Number(stat(r, 'googFrameHeightReceived'))).to.equal(inbound.frameHeight).and.above(0);
        expect(stat(r, 'googFrameRateReceived')).to.equal(String(Math.round(inbound.framesPerSecond)));
      });

      it('scales audio levels to 0..32767 and seconds to milliseconds', () => {
        const inAudio = caller.find((s) => s.type === 'inbound-rtp' && s.kind === 'audio');
        const recv = reports.find((x) => x.id === `ssrc_${inAudio.ssrc}_recv`);
        expect(stat(recv, 'audioOutputLevel')).to.equal(String(Math.round(inAudio.audioLevel * 32767)));
        expect(stat(recv, 'googJitterReceived')).to.equal(String(Math.round(inAudio.jitter * 1000)));
        const outVideo = caller.find((s) => s.type === 'outbound-rtp' && s.kind === 'video');
        const rtt = caller.find((s) => s.type === 'remote-inbound-rtp' && s.localId === outVideo.id).roundTripTime;
        const send = reports.find((x) => x.id === `ssrc_${outVideo.ssrc}_send`);
        expect(stat(send, 'googRtt')).to.equal(String(Math.round(rtt * 1000)));
        const outAudio = caller.find((s) => s.type === 'outbound-rtp' && s.kind === 'audio');
        const source = caller.find((s) => s.id === outAudio.mediaSourceId);
        const level = stat(reports.find((x) => x.id === `ssrc_${outAudio.ssrc}_send`), 'audioInputLevel');
        // Firefox's media-source has no audioLevel: no source, so no name.
        if (source && typeof source.audioLevel === 'number') expect(level).to.equal(String(Math.round(source.audioLevel * 32767)));
        else expect(level).to.equal(undefined);
      });

      it('gives the far end’s RTCP view as the remote element', () => {
        const out = caller.find((s) => s.type === 'outbound-rtp' && s.kind === 'video');
        const r = reports.find((x) => x.id === `ssrc_${out.ssrc}_send`);
        const ri = caller.find((s) => s.type === 'remote-inbound-rtp' && s.localId === out.id);
        expect(r.remote.timestamp).to.equal(ri.timestamp);
        expect(Object.fromEntries(r.remote.stats).packetsLost).to.equal(String(ri.packetsLost));
      });

      it('gives one googCandidatePair per pair, exactly one active, with addresses', () => {
        const pairs = byType(reports, 'googCandidatePair');
        expect(pairs).to.have.length(caller.filter((s) => s.type === 'candidate-pair').length);
        const active = pairs.filter((p) => stat(p, 'googActiveConnection') === 'true');
        expect(active).to.have.length(1);
        for (const p of pairs) {
          expect(stat(p, 'googLocalAddress')).to.match(/:\d+$/);
          expect(stat(p, 'googRemoteAddress')).to.match(/:\d+$/);
          expect(stat(p, 'googLocalCandidateType')).to.equal('local');
        }
        expect(Number(stat(active[0], 'bytesSent'))).to.be.above(0);
      });

      it('gives a VideoBwe report where the engine estimates bandwidth', () => {
        const bwe = reports.find((r) => r.type === 'VideoBwe');
        const pair = caller.find((s) => s.type === 'candidate-pair' && typeof s.availableOutgoingBitrate === 'number');
        if (!pair) return expect(bwe).to.equal(undefined);
        expect(bwe.id).to.equal('bweforvideo');
        expect(stat(bwe, 'googAvailableSendBandwidth')).to.equal(String(Math.round(pair.availableOutgoingBitrate)));
      });

      it('reads the callee’s report too, and every value is a string', () => {
        for (const r of [...reports, ...legacyReports(callee)]) {
          for (const [name, v] of r.stats) expect(v, `${r.id} ${name}`).to.be.a('string').and.not.equal('undefined');
        }
      });
    });
  }
});
