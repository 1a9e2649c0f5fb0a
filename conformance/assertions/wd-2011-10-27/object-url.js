/* global conformance, expect */
// 2011 WD §3.2.6 URL.createObjectURL(stream): a Blob URL for a MediaStream, whose data plays in
// <video> and <audio>; and the §3.3 Snapshot Kiosk example, which spells it URL.getObjectURL.
//
// Not observable from a page (no assertion):
// - §3.2.6 "anything in the definition of that feature that refers to File and Blob objects is hereby
//   extended to also apply to MediaStream": the File API's Blob URL rules (lifetime, origin) are
//   asserted where a page can see them (scheme, origin, uniqueness); the rest is the File API's.
(function () {
  'use strict';
  const { gum, once, brightness } = conformance.helpers;
  const draft = 'wd-2011-10-27';

  /** URL.createObjectURL (or the draft example's getObjectURL), revoked afterwards. */
  function mint(t, stream, how = 'createObjectURL') {
    const url = URL[how](stream);
    t.cleanup(() => URL.revokeObjectURL(url));
    return url;
  }
  /** A media element of the page, removed afterwards; an `error` on it fails the wait at once. */
  function element(t, tag) {
    const el = document.createElement(tag);
    el.muted = true;
    el.autoplay = true;
    document.body.appendChild(el);
    t.cleanup(() => {
      el.pause();
      el.removeAttribute('src');
      el.load();
      el.remove();
    });
    return el;
  }
  function failOnError(el) {
    return once(el, 'error', 60000).then(() => {
      throw new Error(`the ${el.localName} element failed: code ${el.error && el.error.code} ${(el.error && el.error.message) || ''}`);
    });
  }
  /** Resolves once `el` plays and its time has moved past `seconds`. */
  async function playing(el, seconds = 0.3) {
    const failed = failOnError(el);
    failed.catch(() => {});
    const progressed = (async () => {
      if (el.readyState < 1) await once(el, 'loadedmetadata');
      await el.play();
      while (el.currentTime <= seconds) await once(el, 'timeupdate');
    })();
    await Promise.race([progressed, failed]);
  }

  conformance.define({
    draft,
    section: '3.2.6',
    title: 'createObjectURL(stream) returns a Blob URL (blob: scheme, the page’s origin)',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const url = mint(t, stream);
      expect(url).to.be.a('string');
      expect(url.startsWith(`blob:${location.origin}/`), url).to.equal(true);
    },
  });

  conformance.define({
    draft,
    section: '3.2.6',
    title: 'createObjectURL(stream) returns a unique URL on every call',
    fast: true,
    async run(t) {
      const a = await gum(t, { audio: true, video: true });
      const b = await gum(t, { audio: true, video: false });
      const urls = [mint(t, a), mint(t, a), mint(t, b), mint(t, new MediaStream(a.tracks))];
      expect(new Set(urls).size).to.equal(urls.length);
    },
  });

  conformance.define({
    draft,
    section: '3.2.6',
    title: 'a <video> whose src is the URL of a camera stream plays it: the camera’s size and non-black frames',
    fast: true,
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { video: true, audio: false });
      const video = element(t, 'video');
      video.src = mint(t, stream);
      await playing(video);
      expect(video.videoWidth, 'videoWidth').to.be.above(0);
      expect(video.videoHeight, 'videoHeight').to.be.above(0);
      expect(brightness(video), 'mean brightness').to.be.above(10);
    },
  });

  conformance.define({
    draft,
    section: '3.2.6',
    title: 'an <audio> whose src is the URL of a microphone stream plays it',
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const audio = element(t, 'audio');
      audio.src = mint(t, stream);
      await playing(audio);
      expect(audio.paused).to.equal(false);
    },
  });

  conformance.define({
    draft,
    section: '3.2.6',
    title: 'the URL of an audio and video stream plays in a <video> set up with setAttribute("src", URL)',
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const video = element(t, 'video');
      video.setAttribute('src', mint(t, stream));
      await playing(video);
      expect(video.videoWidth, 'videoWidth').to.be.above(0);
      expect(brightness(video), 'mean brightness').to.be.above(10);
    },
  });

  // §3.3 (example, non-normative): the Snapshot Kiosk, with the draft's own spelling.
  conformance.define({
    draft,
    section: '3.3',
    title: 'the Snapshot Kiosk example: video.src = URL.getObjectURL(stream), onloadedmetadata sizes the canvas, a snapshot has the camera’s pixels',
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, 'video user');
      const video = element(t, 'video');
      const canvas = document.createElement('canvas');
      document.body.appendChild(canvas);
      t.cleanup(() => canvas.remove());
      let errors = 0;
      const sized = new Promise((resolve) => {
        video.src = mint(t, stream, 'getObjectURL');
        video.onerror = function () {
          errors++;
          stream.stop();
        };
        video.onloadedmetadata = function () {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          resolve();
        };
      });
      await sized;
      expect(errors, 'video errors').to.equal(0);
      expect(canvas.width, 'canvas width').to.be.above(0);
      if (video.readyState < 2) await once(video, 'loadeddata');
      canvas.getContext('2d').drawImage(video, 0, 0);
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let lit = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 60) lit++;
      expect(lit, 'non-black pixels').to.be.above((canvas.width * canvas.height) / 10);
    },
  });
})();
