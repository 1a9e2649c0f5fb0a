// The instruments behaviour assertions share: waits, the 2011 getUserMedia as a promise, and a
// <video> whose picture is measured. Loaded after harness.js, before any assertion script, as
// `conformance.helpers`. Instruments only: what an assertion checks stays written in the assertion.
(function () {
  'use strict';

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  /** The 2011 getUserMedia(options, success, error) as a promise of the stream, released afterwards. */
  function gum(t, options) {
    return new Promise((resolve, reject) => {
      navigator.getUserMedia(
        options,
        (stream) => resolve(t.track(stream)),
        (e) => reject(new Error(`getUserMedia(${JSON.stringify(options)}) failed: code ${e && e.code} ${(e && e.name) || ''}`)),
      );
    });
  }

  /** Resolves with the event when `target` fires `type`; rejects after `ms`. */
  function once(target, type, ms = 8000, detail = () => '') {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms ${detail()}`.trim())), ms);
      target.addEventListener(type, (e) => (clearTimeout(timer), resolve(e)), { once: true });
    });
  }

  /** Resolves when `pred()` holds, checked now and at each of `types` on each of `targets`. */
  function when(targets, types, pred, what, ms = 10000) {
    targets = [].concat(targets);
    types = [].concat(types);
    return new Promise((resolve, reject) => {
      const off = () => targets.forEach((x) => types.forEach((type) => x.removeEventListener(type, check)));
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      function check() {
        let ok = false;
        try {
          ok = pred();
        } catch (e) {
          ok = false;
        }
        if (!ok) return;
        clearTimeout(timer);
        off();
        resolve();
      }
      targets.forEach((x) => types.forEach((type) => x.addEventListener(type, check)));
      check();
    });
  }

  /** Mean brightness (0–255) of what a <video> shows now. */
  function brightness(video) {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d', { willReadFrequently: true });
    g.drawImage(video, 0, 0, 64, 48);
    const d = g.getImageData(0, 0, 64, 48).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
    return sum / (d.length / 4) / 3;
  }

  /**
   * A <video> of the page showing `stream` (srcObject: the instrument, not the API under test), once
   * it has played past `seconds`; removed afterwards. `brightness()` measures what it shows.
   */
  async function screen(t, stream, seconds = 0.2) {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    document.body.appendChild(video);
    t.cleanup(() => {
      video.srcObject = null;
      video.remove();
    });
    await video.play();
    await when(video, 'timeupdate', () => video.videoWidth > 0 && video.currentTime > seconds, 'video frames');
    return { video, brightness: () => brightness(video) };
  }

  /** The kinds of a stream's tracks, read through the draft's `tracks` array. */
  const kinds = (stream) => Array.from(stream.tracks, (track) => track.kind);

  window.conformance.helpers = Object.freeze({ sleep, gum, once, when, brightness, screen, kinds });
})();
