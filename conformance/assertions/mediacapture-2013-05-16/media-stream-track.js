/* global conformance, expect */
// mediacapture-2013-05-16 §4.3 MediaStreamTrack.stop() and `ended`; §4.2 MediaStream `ended`, `id`;
// §5 NavigatorUserMediaError{name, constraintName}.
//
// Not observable from a page (no assertion): `onstarted` (a track is handed over already started),
// `onoverconstrained` (today's engines never fire it: a source that can no longer meet constraints
// is not something fake devices do), `readonly` and `remote` (no API of the draft tells them apart
// from what the page built itself).
(function () {
  'use strict';
  const { sleep, gumResult } = conformance.helpers;
  const draft = 'mediacapture-2013-05-16';

  conformance.define({
    draft,
    section: '4.3.1',
    title: 'MediaStreamTrack.stop() ends the track and fires `ended` on it once',
    fast: true,
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ video: true }));
      const track = stream.getVideoTracks()[0];
      let fired = 0;
      track.onended = () => fired++;
      track.stop();
      track.stop();
      await sleep(300);
      expect(track.readyState).to.equal('ended');
      expect(fired).to.equal(1);
    },
  });

  conformance.define({
    draft,
    section: '4.2',
    title: 'a stream whose tracks all ended is ended; its id is its label of old',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { audio: true, video: true });
      expect(error, error && error.name).to.equal(undefined);
      expect(stream.ended).to.equal(false);
      stream.getTracks().forEach((x) => x.stop());
      await sleep(300);
      expect(stream.ended).to.equal(true);
      expect(stream.id.replace(/^\{(.*)\}$/, '$1')).to.equal(stream.label);
    },
  });

  conformance.define({
    draft,
    section: '5',
    title: 'an unmet mandatory constraint gives errorCallback a NavigatorUserMediaError naming the constraint',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { video: { mandatory: { minWidth: 99999 } } });
      expect(stream).to.equal(undefined);
      expect(error.name).to.equal('ConstraintNotSatisfiedError');
      expect(error.constraintName).to.equal('minWidth');
    },
  });
})();
