/* global conformance, expect */
// mediacapture-2015-02-12 §4.2 MediaStream `active` / `oninactive`; §10 the callback getUserMedia
// beside mediaDevices.getUserMedia, with the constraints apps of the time passed to both.
//
// Not observable from a page (no assertion): `onactive` (a stream becomes active again only when a
// track is added to an inactive one, which today's engines do not signal either way).
(function () {
  'use strict';
  const { gumResult } = conformance.helpers;
  const draft = 'mediacapture-2015-02-12';

  conformance.define({
    draft,
    section: '4.2',
    title: 'a stream whose tracks all ended becomes inactive: active false, oninactive runs',
    fast: true,
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
      const inactive = new Promise((resolve) => { stream.oninactive = resolve; });
      stream.getTracks().forEach((x) => x.stop());
      await Promise.race([inactive, new Promise((_, reject) => setTimeout(() => reject(new Error('no inactive within 5 s')), 5000))]);
      expect(stream.active).to.equal(false);
    },
  });

  conformance.define({
    draft,
    section: '10.2',
    title: 'mediaDevices.getUserMedia honours {mandatory: {maxWidth: 320}} as code of the time (adapter.js) expected',
    fast: true,
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ video: { mandatory: { maxWidth: 320 } } }));
      expect(stream.getVideoTracks()[0].getSettings().width).to.be.at.most(320);
    },
  });

  conformance.define({
    draft,
    section: '10.1',
    title: 'navigator.getUserMedia(constraints, ok, err) delivers a stream with callbacks',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { audio: true, video: true });
      expect(error, error && error.name).to.equal(undefined);
      expect(stream.getTracks().map((x) => x.kind).sort()).to.deep.equal(['audio', 'video']);
    },
  });
})();
