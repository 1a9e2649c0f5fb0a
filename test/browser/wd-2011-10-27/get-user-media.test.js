/* global WebRTCLegacy, T */
// 2011 WD §2.1.1.1 navigator.getUserMedia(options, successCallback, errorCallback)
describe('wd-2011-10-27 §2.1 navigator.getUserMedia', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  const kinds = (s) => ({ audio: s.getAudioTracks().length, video: s.getVideoTracks().length });

  const cases = [
    // The draft's own string forms (§2.2, §3.3) ...
    ['audio', { audio: 1, video: 0 }],
    ['video', { audio: 0, video: 1 }],
    ['audio,video', { audio: 1, video: 1 }],
    ['audio,video user', { audio: 1, video: 1 }],
    ['video user', { audio: 0, video: 1 }],
    ['video environment', { audio: 0, video: 1 }],
    // ... and MediaStreamOptions objects today's API would reject: audio and video default to true.
    [{}, { audio: 1, video: 1 }],
    [null, { audio: 1, video: 1 }],
    [{ audio: false }, { audio: 0, video: 1 }],
    [{ video: false }, { audio: 1, video: 0 }],
  ];
  for (const [options, expected] of cases) {
    it(`${JSON.stringify(options)} gives a LocalMediaStream with ${expected.audio} audio and ${expected.video} video tracks`, async () => {
      const { stream, error } = await T.legacyGum(options);
      expect(error, error && error.message).to.equal(undefined);
      try {
        expect(stream).to.be.an.instanceof(LocalMediaStream);
        expect(stream).to.be.an.instanceof(MediaStream);
        expect(kinds(stream)).to.deep.equal(expected);
        expect(stream.readyState).to.equal(1);
      } finally {
        T.stopAll(stream);
      }
    });
  }

  it('asks for the facing mode the string names (user / environment)', async () => {
    // Fake devices may not report facingMode; what must hold is that the request carried it.
    const seen = [];
    const md = navigator.mediaDevices;
    const original = md.getUserMedia;
    md.getUserMedia = function (c) { seen.push(c); return original.call(this, c); };
    try {
      T.stopAll((await T.legacyGum('video user')).stream);
      T.stopAll((await T.legacyGum('audio,video environment')).stream);
    } finally {
      delete md.getUserMedia;
    }
    expect(seen).to.deep.equal([
      { audio: false, video: { facingMode: 'user' } },
      { audio: true, video: { facingMode: 'environment' } },
    ]);
  });

  for (const options of [{ audio: false, video: false }, '', 'screen']) {
    it(`throws NOT_SUPPORTED_ERR synchronously when neither audio nor video is asked for (${JSON.stringify(options)})`, () => {
      let thrown;
      try {
        navigator.getUserMedia(options, () => {}, () => {});
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.be.an.instanceof(DOMException);
      expect(thrown.name).to.equal('NotSupportedError');
      expect(thrown.code).to.equal(9);
      expect(thrown.code).to.equal(thrown.NOT_SUPPORTED_ERR);
    });
  }

  // Regression (wpt mediacapture-streams/idlharness, with and without the shim): "calling operation with
  // this = null didn't throw TypeError", "Called with 0 arguments … did not throw".
  it('is a WebIDL operation: wrong this and fewer than 2 arguments throw TypeError, .length/.name as native', () => {
    WebRTCLegacy.uninstall();
    const native = Navigator.prototype.getUserMedia;
    WebRTCLegacy.install();
    IDL.checkOperation({ holder: Navigator.prototype, name: 'getUserMedia', length: 3, required: 2, self: navigator, native });
  });

  it('throws TypeError (not abort) before reading a null successCallback when called on a non-Navigator', () => {
    expect(() => navigator.getUserMedia.call(document, 'video', null)).to.throw(TypeError);
    expect(() => navigator.getUserMedia('video')).to.throw(TypeError);
  });

  it('does nothing when successCallback is null (not even the NOT_SUPPORTED_ERR check)', async () => {
    let called = false;
    expect(navigator.getUserMedia('audio,video', null, () => { called = true; })).to.equal(undefined);
    expect(navigator.getUserMedia({ audio: false, video: false }, null, null)).to.equal(undefined);
    expect(navigator.getUserMedia({ video: { width: 640 } }, null, undefined)).to.equal(undefined);
    // Fewer than today's three arguments with no success callback: today's TypeError, as idlharness
    // checks ("too few arguments"; test/browser/idl/shape-diff.test.js).
    expect(() => navigator.getUserMedia({ audio: false, video: false }, null)).to.throw(TypeError);
    await T.sleep(300);
    expect(called).to.equal(false);
  });

  it('runs successCallback as a queued task, never inside the call', async () => {
    let returned = false;
    let calledBeforeReturn;
    const got = new Promise((resolve) => {
      navigator.getUserMedia('audio', (s) => { calledBeforeReturn = !returned; resolve(s); });
    });
    returned = true;
    const stream = await got;
    T.stopAll(stream);
    expect(calledBeforeReturn).to.equal(false);
  });

  it('leaves constraint dictionaries with their modern meaning: {video: {width: 640}} is video only, a plain MediaStream', async () => {
    const stream = await new Promise((resolve, reject) => navigator.getUserMedia({ video: { width: 640 } }, resolve, reject));
    try {
      expect(kinds(stream)).to.deep.equal({ audio: 0, video: 1 });
      expect(Object.getPrototypeOf(stream)).to.equal(MediaStream.prototype);
      expect(stream.getVideoTracks()[0].getSettings().width).to.equal(640);
    } finally {
      T.stopAll(stream);
    }
  });

  it('leaves {audio: true} audio-only with era auto (2011 would add video: opt-in by era)', async () => {
    const stream = await new Promise((resolve, reject) => navigator.getUserMedia({ audio: true }, resolve, reject));
    T.stopAll(stream);
    expect(kinds(stream)).to.deep.equal({ audio: 1, video: 0 });
  });

  it("gives {audio: true} the 2011 meaning (video defaults to true) with era '2011-10-27'", async () => {
    WebRTCLegacy.install({ era: '2011-10-27' });
    try {
      const { stream } = await T.legacyGum({ audio: true });
      T.stopAll(stream);
      expect(stream).to.be.an.instanceof(LocalMediaStream);
      expect(kinds(stream)).to.deep.equal({ audio: 1, video: 1 });
    } finally {
      WebRTCLegacy.install();
    }
  });

  // mediacapture-2012-06-28 widens the engine's own prefixed function (test/browser/mediacapture-2012-06-28):
  // what must hold here is that it stays the browser's to every modern caller.
  it('keeps webkitGetUserMedia / mozGetUserMedia as the browser has them (.length, .name, presence)', () => {
    for (const name of ['webkitGetUserMedia', 'mozGetUserMedia']) {
      const d = Object.getOwnPropertyDescriptor(Navigator.prototype, name);
      WebRTCLegacy.uninstall();
      const native = Object.getOwnPropertyDescriptor(Navigator.prototype, name);
      WebRTCLegacy.install();
      expect(!!d).to.equal(!!native);
      if (native) expect([d.value.length, d.value.name]).to.deep.equal([native.value.length, native.value.name]);
    }
  });
});
