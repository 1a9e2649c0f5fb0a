/* global conformance, expect */
// mediacapture-2012-06-28 §4 getUserMedia(constraints, successCallback, errorCallback) with
// {mandatory, optional} track constraints; §3 LocalMediaStream.stop(), MediaStream.ended,
// MediaStreamTrack.readyState LIVE 0 / ENDED 2.
//
// Not observable from a page (no assertion):
// - the permission prompt and "the user's choice of device": browser UI (the suite's browsers grant,
//   with fake devices).
// - MUTED 1: a capture track is muted only when its source stops delivering (hardware, the OS);
//   fake devices never do.
(function () {
  'use strict';
  const { sleep, gumResult, once } = conformance.helpers;
  const draft = 'mediacapture-2012-06-28';

  conformance.define({
    draft,
    section: '4.1',
    title: 'a mandatory maxWidth is met: the camera delivers frames at most 320 px wide',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { video: { mandatory: { maxWidth: 320 } } });
      expect(error, error && error.name).to.equal(undefined);
      const width = stream.getVideoTracks()[0].getSettings().width;
      expect(width).to.be.above(0);
      expect(width).to.be.at.most(320);
    },
  });

  conformance.define({
    draft,
    section: '4.1',
    title: 'a mandatory constraint the user agent does not know fails through errorCallback; an unknown optional one is ignored',
    fast: true,
    async run(t) {
      const failed = await gumResult(t, { video: { mandatory: { noSuchConstraint: 1 } } });
      expect(failed.stream, 'no stream for an unknown mandatory constraint').to.equal(undefined);
      expect(failed.error).to.not.equal(undefined);
      const ok = await gumResult(t, { video: { optional: [{ noSuchConstraint: 1 }] } });
      expect(ok.error, ok.error && ok.error.name).to.equal(undefined);
      expect(ok.stream.getVideoTracks()).to.have.length(1);
    },
  });

  conformance.define({
    draft,
    section: '4.1',
    title: 'constraints with neither audio nor video throw NOT_SUPPORTED_ERR from the call itself',
    fast: true,
    async run(t) {
      for (const c of [{}, null]) {
        let thrown = null;
        try {
          navigator.getUserMedia(c, (s) => t.track(s), () => {});
        } catch (e) {
          thrown = e;
        }
        expect(thrown, JSON.stringify(c)).to.not.equal(null);
        expect(thrown.code).to.equal(9);
      }
    },
  });

  conformance.define({
    draft,
    section: '3.3',
    title: 'LocalMediaStream.stop() ends the stream once: ended becomes true, `ended` fires once, the tracks end (readyState ENDED 2)',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { audio: true, video: { mandatory: { maxWidth: 640 } } });
      expect(error, error && error.name).to.equal(undefined);
      expect(stream.ended).to.equal(false);
      const tracks = stream.getTracks();
      expect(tracks.map((x) => x.readyState)).to.deep.equal([0, 0]);
      let fired = 0;
      stream.onended = () => fired++;
      const ended = once(stream, 'ended');
      stream.stop();
      stream.stop();
      await ended;
      await sleep(100);
      expect(stream.ended).to.equal(true);
      expect(fired).to.equal(1);
      expect(tracks.map((x) => x.readyState)).to.deep.equal([2, 2]);
    },
  });
})();
