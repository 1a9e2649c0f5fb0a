/* global conformance, expect */
// 2011 WD §3.2.1.2 MediaStream.record(), §3.2.4 MediaStreamRecorder.getRecordedData(), §3.2.5
// BlobCallback: recordings of the fake camera and microphone, played back in the page's own
// <video> and <audio> elements, as the draft promises ("a format supported by the user agent for
// use in audio and video elements").
//
// Not observable from a page (no assertion):
// - §3.2.4 which container or codecs the file uses ("a format supported by the user agent"): the
//   assertions check that the page's media elements play and seek it, which is the promise.
(function () {
  'use strict';
  const { sleep, gum, once } = conformance.helpers;
  const draft = 'wd-2011-10-27';

  /** getRecordedData(callback) as a promise of the Blob; fails after `ms` without a callback. */
  function recordedData(recorder, ms = 10000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`getRecordedData: no callback within ${ms} ms`)), ms);
      recorder.getRecordedData((blob) => {
        clearTimeout(timer);
        resolve(blob);
      });
    });
  }
  /**
   * Loads a recording in a media element of the page, as an app plays a file: its duration, a seek to
   * the middle, playback from there. A WebM without a Duration reports Infinity: the usual trick
   * (seek far past the end, wait for the duration) is not applied, as the draft promises a file that
   * plays in media elements as it is.
   */
  async function play(t, blob, tag) {
    const el = document.createElement(tag);
    el.muted = true;
    el.preload = 'auto';
    const url = URL.createObjectURL(blob);
    document.body.appendChild(el);
    t.cleanup(() => {
      el.pause();
      el.removeAttribute('src');
      el.load();
      el.remove();
      URL.revokeObjectURL(url);
    });
    const state = () => JSON.stringify({ currentTime: el.currentTime, duration: el.duration, readyState: el.readyState, error: el.error && el.error.message });
    const loaded = once(el, 'loadedmetadata', 8000, state);
    const failed = once(el, 'error', 9000).then(() => {
      throw new Error(`the ${tag} element cannot load the ${blob.size}-byte ${JSON.stringify(blob.type)} file: ${state()}`);
    });
    failed.catch(() => {});
    el.src = url;
    await Promise.race([loaded, failed]);
    const result = { duration: el.duration, videoWidth: el.videoWidth || 0 };
    if (!Number.isFinite(result.duration)) return result;
    // Firefox now and then drops a seek made right at loadedmetadata on a Blob WebM, its own
    // recordings included: seek once it can play through.
    if (el.readyState < el.HAVE_ENOUGH_DATA) await once(el, 'canplaythrough', 8000, state);
    const middle = result.duration / 2;
    const seeked = once(el, 'seeked', 8000, state);
    el.currentTime = middle;
    await seeked;
    result.middle = middle;
    result.seekedTo = el.currentTime;
    await el.play();
    while (el.currentTime <= middle + 0.1) await once(el, 'timeupdate', 5000, state);
    result.played = true;
    return result;
  }
  function expectPlays(result, seconds, what) {
    const msg = `${what}: ${JSON.stringify(result)}, recorded ${seconds.toFixed(2)} s`;
    expect(Number.isFinite(result.duration), `${msg} (a finite duration)`).to.equal(true);
    expect(result.duration, msg).to.be.within(seconds - 0.6, seconds + 0.6);
    // Firefox reports the frame it landed on, up to a frame or so before the target.
    expect(result.seekedTo, msg).to.be.closeTo(result.middle, 0.25);
    expect(result.played, msg).to.equal(true);
  }

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'record() returns a new MediaStreamRecorder on every call',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const a = stream.record();
      const b = stream.record();
      expect(typeof MediaStreamRecorder, 'MediaStreamRecorder interface').to.equal('function');
      expect(a).to.be.an.instanceof(MediaStreamRecorder);
      expect(b).to.be.an.instanceof(MediaStreamRecorder);
      expect(a).to.not.equal(b);
    },
  });

  conformance.define({
    draft,
    section: '3.2.4',
    title: 'getRecordedData(null) does nothing and does not throw',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const recorder = stream.record();
      expect(recorder.getRecordedData(null)).to.equal(undefined);
      // The recording goes on regardless.
      await sleep(300);
      expect((await recordedData(recorder)).size).to.be.above(0);
    },
  });

  conformance.define({
    draft,
    section: '3.2.4',
    title: 'getRecordedData() returns first and invokes its callback in a queued task',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const recorder = stream.record();
      await sleep(300);
      const order = [];
      const done = new Promise((resolve) => {
        recorder.getRecordedData((blob) => {
          order.push('callback');
          resolve(blob);
        });
      });
      Promise.resolve().then(() => order.push('microtask'));
      order.push('returned');
      await done;
      expect(order).to.deep.equal(['returned', 'microtask', 'callback']);
    },
  });

  conformance.define({
    draft,
    section: '3.2.5',
    title: 'the BlobCallback receives a Blob of the recorded data',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const recorder = stream.record();
      await sleep(500);
      const blob = await recordedData(recorder);
      expect(blob).to.be.an.instanceof(Blob);
      expect(blob.size).to.be.above(0);
    },
  });

  conformance.define({
    draft,
    section: '3.2.4',
    title: 'the recording is a file the <video> element plays: its duration is the time recorded, it seeks to the middle and plays on',
    timeout: 30000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const recorder = stream.record();
      const started = performance.now();
      await sleep(2500);
      const seconds = (performance.now() - started) / 1000;
      const blob = await recordedData(recorder);
      expect(blob.type, 'a video MIME type').to.match(/^video\//);
      const result = await play(t, blob, 'video');
      expectPlays(result, seconds, 'the recording');
      expect(result.videoWidth, 'video width').to.be.above(0);
    },
  });

  conformance.define({
    draft,
    section: '3.2.4',
    title: 'getRecordedData() again gives a new whole file from the start and does not stop or reset the recording',
    timeout: 40000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const recorder = stream.record();
      const started = performance.now();
      await sleep(1500);
      const firstAt = (performance.now() - started) / 1000;
      const first = await recordedData(recorder);
      await sleep(1500);
      const secondAt = (performance.now() - started) / 1000;
      const second = await recordedData(recorder);
      expect(second.size).to.be.above(first.size);
      expectPlays(await play(t, first, 'video'), firstAt, 'first file');
      expectPlays(await play(t, second, 'video'), secondAt, 'second file');
    },
  });

  conformance.define({
    draft,
    section: '3.2.4',
    title: 'the data is what the stream carried since the recorder was created: a recorder created later gives a shorter file',
    timeout: 40000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const early = stream.record();
      const started = performance.now();
      await sleep(1500);
      const late = stream.record();
      const lateStarted = performance.now();
      await sleep(1500);
      const [a, b] = [await recordedData(early), await recordedData(late)];
      const end = performance.now();
      expectPlays(await play(t, a, 'video'), (end - started) / 1000, 'recorder created first');
      expectPlays(await play(t, b, 'video'), (end - lateStarted) / 1000, 'recorder created 1.5 s later');
    },
  });

  conformance.define({
    draft,
    section: '3.2.4',
    title: 'an audio-only stream gives a file the <audio> element plays and seeks',
    timeout: 30000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const recorder = stream.record();
      const started = performance.now();
      await sleep(2000);
      const seconds = (performance.now() - started) / 1000;
      const blob = await recordedData(recorder);
      expectPlays(await play(t, blob, 'audio'), seconds, `audio file (${blob.type})`);
    },
  });

  conformance.define({
    draft,
    section: '3.2.4',
    title: 'after stop(), getRecordedData() gives the whole recording up to the stop (the §3.3 voice-message flow)',
    timeout: 30000,
    async run(t) {
      const stream = await gum(t, 'audio');
      const recorder = stream.record();
      const started = performance.now();
      await sleep(2000);
      const seconds = (performance.now() - started) / 1000;
      stream.onended = null;
      stream.stop();
      const blob = await recordedData(recorder);
      expectPlays(await play(t, blob, 'audio'), seconds, 'message');
      // Nothing is added once the stream has stopped.
      await sleep(500);
      expect((await recordedData(recorder)).size).to.equal(blob.size);
    },
  });
})();
