/* global WebRTCLegacy, T */
// 2011 WD §3.2.1.2 MediaStream.record(), §3.2.4 MediaStreamRecorder.getRecordedData(), §3.2.5 BlobCallback.
// Real recordings from the fake camera and microphone, played back in the page's own media elements.
describe('wd-2011-10-27 §3.2.4 MediaStream.record() / MediaStreamRecorder', function () {
  this.timeout(30000);
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  const getData = (recorder) => new Promise((resolve) => recorder.getRecordedData(resolve));

  /**
   * Loads a recording in a media element of the page: its duration at loadedmetadata (which the
   * shim's Duration makes finite at once), then a seek to the middle, then playback from there.
   */
  async function playAndSeek(blob, tag) {
    const el = document.createElement(tag);
    el.muted = true;
    el.preload = 'auto';
    const url = URL.createObjectURL(blob);
    document.body.appendChild(el);
    try {
      const loaded = T.once(el, 'loadedmetadata');
      el.src = url;
      await loaded;
      const duration = el.duration;
      const result = { duration, videoWidth: el.videoWidth };
      if (!Number.isFinite(duration)) return result;
      // Firefox now and then drops a seek made right at loadedmetadata on a Blob WebM, the browser's
      // own recordings without the shim included (measured: 3 of 16): seek once it can play through.
      if (el.readyState < el.HAVE_ENOUGH_DATA) await T.once(el, 'canplaythrough');
      const middle = duration / 2;
      const seeked = T.once(el, 'seeked').catch(() => {
        throw new Error(`no seek to ${middle} s: ${JSON.stringify({ ...result, currentTime: el.currentTime, seeking: el.seeking, readyState: el.readyState, networkState: el.networkState, error: el.error && el.error.message, seekable: el.seekable.length && el.seekable.end(0) })}`);
      });
      el.currentTime = middle;
      await seeked;
      result.middle = middle;
      result.seekedTo = el.currentTime;
      await el.play();
      await new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no playback past ${el.currentTime} s`)), 5000);
        el.addEventListener('timeupdate', function check() {
          if (el.currentTime > middle + 0.1) {
            clearTimeout(t);
            el.removeEventListener('timeupdate', check);
            resolve();
          }
        });
      });
      result.played = true;
      return result;
    } finally {
      el.pause();
      el.removeAttribute('src');
      el.load();
      el.remove();
      URL.revokeObjectURL(url);
    }
  }

  function expectPlayable(result, seconds, what) {
    const msg = `${what}: ${JSON.stringify(result)}, recorded ${seconds.toFixed(2)} s`;
    expect(Number.isFinite(result.duration), msg).to.equal(true);
    expect(result.duration, msg).to.be.within(seconds - 0.5, seconds + 0.5);
    // Firefox reports the frame it landed on, up to a frame or so before the target.
    expect(result.seekedTo, msg).to.be.closeTo(result.middle, 0.25);
    expect(result.played, msg).to.equal(true);
  }

  it('is a global interface that apps cannot construct; record() returns a new one per call', async () => {
    expect(MediaStreamRecorder).to.be.a('function');
    expect(() => new MediaStreamRecorder()).to.throw(TypeError);
    expect(MediaStream.prototype.record).to.be.a('function');
    const { stream } = await T.legacyGum('audio');
    try {
      const a = stream.record();
      const b = stream.record();
      expect(a).to.be.an.instanceof(MediaStreamRecorder);
      expect(a).to.not.equal(b);
      expect(Object.prototype.toString.call(a)).to.equal('[object MediaStreamRecorder]');
      expect(() => MediaStreamRecorder.prototype.getRecordedData.call({}, () => {})).to.throw(TypeError);
      expect(() => MediaStream.prototype.record.call({})).to.throw(TypeError);
    } finally {
      T.stopAll(stream);
    }
  });

  it('records from record() on; each getRecordedData() is a whole file that plays and seeks, and recording goes on', async () => {
    const { stream } = await T.legacyGum('audio,video');
    try {
      const recorder = stream.record();
      const started = performance.now();
      await T.sleep(2500);
      const firstAt = (performance.now() - started) / 1000;
      const first = await getData(recorder);
      await T.sleep(1500);
      const secondAt = (performance.now() - started) / 1000;
      const second = await getData(recorder);

      for (const blob of [first, second]) {
        expect(blob).to.be.an.instanceof(Blob);
        expect(blob.type).to.match(/^video\//);
        expect(MediaRecorder.isTypeSupported(blob.type), blob.type).to.equal(true);
      }
      expect(second.size).to.be.above(first.size);
      const a = await playAndSeek(first, 'video');
      expectPlayable(a, firstAt, 'first file');
      expect(a.videoWidth).to.be.above(0);
      const b = await playAndSeek(second, 'video');
      expectPlayable(b, secondAt, 'second file');
      expect(b.duration).to.be.above(a.duration + 1);
    } finally {
      T.stopAll(stream);
    }
  });

  it('stream.stop() then getRecordedData(), as the §3.3 example does: the file ends at the stop and holds all of it', async () => {
    const { stream } = await T.legacyGum('audio,video');
    const recorder = stream.record();
    const started = performance.now();
    await T.sleep(1000);
    const early = await getData(recorder);
    await T.sleep(1000);
    const stoppedAt = (performance.now() - started) / 1000;
    stream.stop();
    const final = await getData(recorder);
    expect(final.size).to.be.above(early.size);
    expectPlayable(await playAndSeek(final, 'video'), stoppedAt, 'file after stop()');
    // Nothing came after it: the recording was complete when the callback ran.
    const later = await getData(recorder);
    expect(later.size).to.equal(final.size);
    expect(later.type).to.equal(final.type);
  });

  it('a stream whose tracks the app stopped itself, or that ended a while ago, gives its whole recording', async () => {
    const native = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const recorder = native.record();
    const started = performance.now();
    await T.sleep(1200);
    const endedAt = (performance.now() - started) / 1000;
    native.getTracks().forEach((t) => t.stop());
    const now = await getData(recorder);
    expectPlayable(await playAndSeek(now, 'video'), endedAt, 'tracks just stopped');
    await T.sleep(300);
    const later = await getData(recorder);
    expect(later.size).to.equal(now.size);
  });

  it('an audio-only stream gives an audio file in the recorder\'s real container type, that plays and seeks in <audio>', async () => {
    const { stream } = await T.legacyGum('audio');
    const recorder = stream.record();
    const started = performance.now();
    await T.sleep(1500);
    const stoppedAt = (performance.now() - started) / 1000;
    stream.stop();
    const blob = await getData(recorder);
    expect(blob.type).to.match(/^audio\//);
    expect(MediaRecorder.isTypeSupported(blob.type), blob.type).to.equal(true);
    expectPlayable(await playAndSeek(blob, 'audio'), stoppedAt, `audio file ${blob.type}`);
  });

  it('invokes the callback in a queued task: after the call returns, after microtasks and tasks queued before it', async () => {
    const { stream } = await T.legacyGum('audio');
    try {
      const recorder = stream.record();
      await T.sleep(300);
      const order = [];
      setTimeout(() => order.push('task queued before'), 0);
      const done = new Promise((resolve) => {
        recorder.getRecordedData((blob) => {
          order.push('callback');
          resolve(blob);
        });
      });
      Promise.resolve().then(() => order.push('microtask'));
      order.push('returned');
      expect(await done).to.be.an.instanceof(Blob);
      expect(order).to.deep.equal(['returned', 'microtask', 'task queued before', 'callback']);
    } finally {
      T.stopAll(stream);
    }
  });

  it('with a null (or non-function) callback does nothing, and the recording is unaffected', async () => {
    const { stream } = await T.legacyGum('audio');
    try {
      const recorder = stream.record();
      await T.sleep(300);
      const warn = console.warn;
      const said = [];
      console.warn = (...args) => said.push(args.join(' '));
      try {
        expect(recorder.getRecordedData(null)).to.equal(undefined);
        expect(recorder.getRecordedData(undefined)).to.equal(undefined);
        expect(recorder.getRecordedData()).to.equal(undefined);
        expect(recorder.getRecordedData({})).to.equal(undefined);
      } finally {
        console.warn = warn;
      }
      expect(said.length, 'only the non-function is complained about').to.equal(1);
      await T.sleep(300);
      const blob = await getData(recorder);
      expect(blob.size).to.be.above(0);
    } finally {
      T.stopAll(stream);
    }
  });

  it('does not swallow an exception thrown by the callback', async () => {
    const { stream } = await T.legacyGum('audio');
    const recorder = stream.record();
    const previous = window.onerror;
    try {
      const reported = new Promise((resolve) => {
        window.onerror = (message) => {
          resolve(String(message));
          return true;
        };
      });
      recorder.getRecordedData(() => {
        throw new Error('app bug');
      });
      expect(await reported).to.contain('app bug');
    } finally {
      window.onerror = previous;
      T.stopAll(stream);
    }
  });

  it('a stream that had already ended gives an empty Blob, not a hang', async () => {
    const { stream } = await T.legacyGum('audio');
    T.stopAll(stream);
    const warn = console.warn;
    console.warn = () => {};
    let recorder;
    try {
      recorder = stream.record();
    } finally {
      console.warn = warn;
    }
    const blob = await getData(recorder);
    expect(blob.size).to.equal(0);
  });

  it('is gone after uninstall() and back after install()', () => {
    WebRTCLegacy.uninstall();
    try {
      expect('record' in MediaStream.prototype).to.equal(false);
      expect('MediaStreamRecorder' in window).to.equal(false);
    } finally {
      WebRTCLegacy.install();
    }
    expect(MediaStream.prototype.record).to.be.a('function');
  });
});
