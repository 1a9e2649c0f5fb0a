/* global conformance, expect */
// mediacapture-2013-09-03 §4.3 MediaStreamTrack constraints(), states(), capabilities() and `readonly`
// (IDL `_readonly`), on a camera track opened the way apps of the time did ({mandatory, optional}).
(function () {
  'use strict';
  const { gumResult } = conformance.helpers;
  const draft = 'mediacapture-2013-09-03';

  conformance.define({
    draft,
    section: '4.3',
    title: 'constraints() gives back the {mandatory} request, states() the size the camera runs at within it',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { video: { mandatory: { maxWidth: 320 } } });
      expect(error).to.equal(undefined);
      const track = stream.getVideoTracks()[0];
      expect(track.constraints().mandatory.maxWidth).to.equal(320);
      const states = track.states();
      expect(states.sourceType).to.equal('camera');
      expect(states.sourceId).to.be.a('string');
      expect(states.width).to.be.within(1, 320);
      expect(states.height).to.be.above(0);
    },
  });

  conformance.define({
    draft,
    section: '4.3',
    title: 'capabilities() gives ranges that hold the current state; a capture track is not readonly',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { video: true });
      expect(error).to.equal(undefined);
      const track = stream.getVideoTracks()[0];
      const caps = track.capabilities();
      const states = track.states();
      expect(caps.width.supported).to.equal(true);
      expect(states.width).to.be.within(caps.width.min, caps.width.max);
      expect(caps.sourceType).to.deep.equal(['camera']);
      expect(track.readonly).to.equal(false);
    },
  });
})();
