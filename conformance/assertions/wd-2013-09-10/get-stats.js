/* global conformance, expect */
// 2013-09 WD §8.2 getStats(selector, successCallback, failureCallback) and the RTCStatsReport apps of
// the time read (Chromium's `result()` / `names()` / `stat()`, names of libjingle: the draft left the
// names to a registry). The call is the instrument (helpers.mediaCall); what is asserted is what the
// draft's callbacks give an app.
//
// Not observable from a page (no assertion): §8.1 "the user agent MAY ... not collect stats for
// some selectors" (a MAY); §8.2's "in parallel" gathering (only its asynchrony is, asserted below).
(function () {
  'use strict';
  const { sleep, mediaCall } = conformance.helpers;
  const draft = 'wd-2013-09-10';

  /** getStats(selector, success, failure) as a promise: resolves with the report, rejects with the error given. */
  function stats(pc, selector, ms = 8000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`neither callback was called within ${ms} ms`)), ms);
      const settle = (fn) => (value) => (clearTimeout(timer), fn(value));
      const returned = pc.getStats(selector, settle(resolve), settle(reject));
      // Today's getStats returns a promise and ignores the callbacks; keep its rejection handled.
      if (returned && typeof returned.catch === 'function') returned.catch(() => {});
    });
  }
  const streams = (report, dir) => report.result().filter((r) => r.type === 'ssrc' && r.id.endsWith('_' + dir));
  const total = (reports, name) => reports.reduce((n, r) => n + Number(r.stat(name) || 0), 0);
  /** Reads until `pred(report)` holds: stats of a stream appear with its first packet. */
  async function statsUntil(pc, pred) {
    for (;;) {
      const report = await stats(pc, null);
      if (pred(report)) return report;
      await sleep(200);
    }
  }

  conformance.define({
    draft,
    section: '8.2',
    title: 'getStats(null, success, failure) gives successCallback reports with id, type, timestamp, names() and stat()',
    timeout: 30000,
    async run(t) {
      const { pc1 } = await mediaCall(t);
      const report = await stats(pc1, null);
      const results = report.result();
      expect(results).to.be.an('array').that.is.not.empty;
      for (const r of results) {
        expect(r.id).to.be.a('string').and.not.empty;
        expect(r.type).to.be.a('string').and.not.empty;
        expect(+r.timestamp).to.be.above(0);
        for (const name of r.names()) expect(r.stat(name)).to.be.a('string');
      }
    },
  });

  conformance.define({
    draft,
    section: '8.2',
    title: 'the "ssrc" reports\' bytesSent and bytesReceived grow between two reads a second apart; the received video has a frame size',
    timeout: 40000,
    async run(t) {
      const { pc1 } = await mediaCall(t);
      const first = await statsUntil(pc1, (r) => streams(r, 'recv').length === 2 && streams(r, 'send').length === 2);
      await sleep(1000);
      const second = await statsUntil(pc1, (r) => streams(r, 'recv').some((s) => Number(s.stat('googFrameWidthReceived')) > 0));
      expect(total(streams(second, 'send'), 'bytesSent')).to.be.above(total(streams(first, 'send'), 'bytesSent'));
      expect(total(streams(second, 'recv'), 'bytesReceived')).to.be.above(total(streams(first, 'recv'), 'bytesReceived'));
      const video = streams(second, 'recv').find((s) => Number(s.stat('googFrameWidthReceived')) > 0);
      expect(Number(video.stat('googFrameHeightReceived'))).to.be.above(0);
    },
  });

  conformance.define({
    draft,
    section: '8.2',
    title: 'a track as the selector gives the stats of that track\'s streams only',
    timeout: 30000,
    async run(t) {
      const { pc1, stream } = await mediaCall(t);
      const audio = stream.getAudioTracks()[0];
      const report = await stats(pc1, audio);
      const ssrc = report.result().filter((r) => r.type === 'ssrc');
      expect(ssrc).to.not.be.empty;
      for (const r of ssrc) expect(r.stat('mediaType')).to.equal('audio');
    },
  });

  conformance.define({
    draft,
    section: '8.2',
    title: 'the successCallback is invoked later, never inside the getStats call',
    fast: true,
    async run(t) {
      const pc = t.track(new RTCPeerConnection());
      let returned = false;
      const inside = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('successCallback not called within 8000 ms')), 8000);
        const r = pc.getStats(null, () => (clearTimeout(timer), resolve(!returned)), (e) => (clearTimeout(timer), reject(e)));
        if (r && typeof r.catch === 'function') r.catch(() => {});
        returned = true;
      });
      expect(inside).to.equal(false);
    },
  });

  conformance.define({
    draft,
    section: '8.2',
    title: 'a selector that is not a MediaStreamTrack reaches failureCallback with a TypeError',
    fast: true,
    async run(t) {
      const pc = t.track(new RTCPeerConnection());
      const error = await stats(pc, 'not a track').then(
        () => null,
        (e) => e,
      );
      expect(error).to.be.an.instanceOf(TypeError);
      // The connection stays usable.
      const report = await stats(pc, null);
      expect(report.result()).to.be.an('array');
    },
  });
})();
