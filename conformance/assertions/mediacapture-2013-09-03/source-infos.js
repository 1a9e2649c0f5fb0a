/* global conformance, expect */
// mediacapture-2013-09-03 §4.3 static MediaStreamTrack.getSourceInfos() → SourceInfo{sourceId, kind,
// label}; the sourceId constraint; Chrome's getSources(callback) of the same years.
//
// Not observable from a page (no assertion): which labels a user agent shows before permission (the
// draft leaves it to the user agent).
(function () {
  'use strict';
  const { sleep, gumResult } = conformance.helpers;
  const draft = 'mediacapture-2013-09-03';

  /** Once the page has captured, as apps of the time did before listing devices by label. */
  async function captured(t) {
    const s = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    s.getTracks().forEach((x) => x.stop());
    MediaStreamTrack.getSourceInfos();
    await sleep(300);
    return MediaStreamTrack.getSourceInfos();
  }

  conformance.define({
    draft,
    section: '4.3',
    title: 'getSourceInfos() lists the capture devices: sourceId, kind "audio" | "video", label',
    fast: true,
    async run(t) {
      const infos = await captured(t);
      expect(infos.length).to.be.above(1);
      for (const info of infos) {
        expect(info.sourceId).to.be.a('string').and.not.equal('');
        expect(info.kind).to.be.oneOf(['audio', 'video']);
        expect(info.label).to.be.a('string');
      }
      expect(infos.some((i) => i.kind === 'video')).to.equal(true);
      expect(infos.some((i) => i.kind === 'audio')).to.equal(true);
    },
  });

  conformance.define({
    draft,
    section: '4.3',
    title: 'a mandatory sourceId from getSourceInfos() opens that very device',
    fast: true,
    async run(t) {
      const audio = (await captured(t)).filter((i) => i.kind === 'audio');
      const wanted = audio[audio.length - 1];
      const { stream, error } = await gumResult(t, { audio: { mandatory: { sourceId: wanted.sourceId } } });
      expect(error, error && error.name).to.equal(undefined);
      expect(stream.getAudioTracks()[0].getSettings().deviceId).to.equal(wanted.sourceId);
    },
  });
})();
