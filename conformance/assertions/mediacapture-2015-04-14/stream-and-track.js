/* global conformance, expect */
// mediacapture-2015-04-14 §4.2 MediaStream `onactive`/`oninactive`, §4.3 MediaStreamTrack `readonly`
// (IDL `_readonly`) and getSettings/getConstraints, §4.4 MediaStreamTrackEvent (`track = null`),
// §10 MediaStreamErrorEvent carrying a MediaStreamError.
(function () {
  'use strict';
  const { once, nativePair, exchange } = conformance.helpers;
  const draft = 'mediacapture-2015-04-14';

  conformance.define({
    draft,
    section: '4.2',
    title: 'a stream that became inactive and is given a live track again is active and fires active',
    fast: true,
    async run(t) {
      const first = t.track(await navigator.mediaDevices.getUserMedia({ audio: true }));
      const second = t.track(await navigator.mediaDevices.getUserMedia({ audio: true }));
      const stream = new MediaStream(first.getTracks());
      const active = new Promise((resolve) => { stream.onactive = resolve; });
      first.getTracks().forEach((x) => x.stop());
      expect(stream.active).to.equal(false);
      stream.addTrack(second.getAudioTracks()[0]);
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no active event within 5 s')), 5000));
      expect((await Promise.race([active, timeout])).type).to.equal('active');
      expect(stream.active).to.equal(true);
    },
  });

  conformance.define({
    draft,
    section: '4.3',
    title: 'readonly: false for a camera track the page can reconfigure, true for a track a connection receives',
    fast: true,
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ video: true }));
      const camera = stream.getVideoTracks()[0];
      expect(camera.readonly).to.equal(false);
      const [pc1, pc2] = nativePair(t);
      pc1.addTrack(camera, stream);
      const received = once(pc2, 'track');
      await exchange(pc1, pc2);
      const remote = (await received).track;
      expect(remote.readonly).to.equal(true);
    },
  });

  conformance.define({
    draft,
    section: '4.3',
    title: 'getSettings() reports the size a {width: {max: 320}} request runs at, getConstraints() the request',
    fast: true,
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ video: { width: { max: 320 } } }));
      const track = stream.getVideoTracks()[0];
      expect(track.getSettings().width).to.be.within(1, 320);
      expect(track.getConstraints().width).to.deep.equal({ max: 320 });
    },
  });

  conformance.define({
    draft,
    section: '4.4',
    title: 'MediaStreamTrackEvent: track defaults to null; given, it is the track',
    fast: true,
    async run(t) {
      expect(new MediaStreamTrackEvent('removetrack', {}).track).to.equal(null);
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true }));
      const track = stream.getAudioTracks()[0];
      expect(new MediaStreamTrackEvent('addtrack', { track }).track).to.equal(track);
    },
  });

  conformance.define({
    draft,
    section: '10.2',
    title: 'MediaStreamErrorEvent carries the error a getUserMedia failure gave, through dispatch',
    fast: true,
    async run() {
      const error = await navigator.mediaDevices.getUserMedia({ video: { width: { exact: 99999 } } }).then(() => null, (e) => e);
      expect(error).to.not.equal(null);
      const target = new EventTarget();
      const heard = once(target, 'error', 5000);
      target.dispatchEvent(new MediaStreamErrorEvent('error', { error }));
      expect((await heard).error).to.equal(error);
      expect(new MediaStreamErrorEvent('error', {}).error).to.equal(null);
    },
  });
})();
