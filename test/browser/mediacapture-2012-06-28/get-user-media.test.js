/* global WebRTCLegacy, T, IDL */
// mediacapture-2012-06-28 getUserMedia(constraints, ok, err) with {mandatory, optional} track constraints,
// under every name of the period.
describe('mediacapture-2012-06-28 getUserMedia with {mandatory, optional}', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  const family = T.isFirefox ? 'mozGetUserMedia' : 'webkitGetUserMedia';
  const other = T.isFirefox ? 'webkitGetUserMedia' : 'mozGetUserMedia';
  /** Calls navigator[name] and resolves with what the callbacks got. */
  const call = (name, constraints) =>
    new Promise((resolve) => navigator[name](constraints, (stream) => resolve({ stream }), (error) => resolve({ error })));
  const widthOf = (stream) => stream.getVideoTracks()[0].getSettings().width;

  for (const name of ['getUserMedia', family]) {
    it(`navigator.${name}: mandatory maxWidth 320 gives frames at most 320 px wide`, async () => {
      const { stream, error } = await call(name, { video: { mandatory: { maxWidth: 320 } } });
      expect(error, error && error.name).to.equal(undefined);
      try {
        expect(stream).to.be.an.instanceof(LocalMediaStream);
        const size = await T.play(stream);
        expect(size.width).to.be.above(0);
        expect(size.width).to.be.at.most(320);
      } finally {
        T.stopAll(stream);
      }
    });
  }

  it('navigator.mediaDevices.getUserMedia (2015–2016 code): mandatory maxWidth 320 gives frames at most 320 px wide', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { mandatory: { maxWidth: 320 } } });
    try {
      expect((await T.play(stream)).width).to.be.at.most(320);
    } finally {
      T.stopAll(stream);
    }
  });

  it('optional entries become ideals, the first preferred (maxHeight 240 before maxHeight 480)', async () => {
    const { stream, error } = await call('getUserMedia', { video: { optional: [{ maxHeight: 240 }, { maxHeight: 480 }, { bogusKey: 1 }] } });
    expect(error, error && error.name).to.equal(undefined);
    try {
      expect(stream.getVideoTracks()[0].getSettings().height).to.equal(240);
    } finally {
      T.stopAll(stream);
    }
  });

  it('audio {optional: [{googEchoCancellation: false}]} turns echo cancellation off', async () => {
    const { stream, error } = await call('getUserMedia', { audio: { optional: [{ googEchoCancellation: false }] } });
    expect(error, error && error.name).to.equal(undefined);
    try {
      expect(stream.getAudioTracks()).to.have.length(1);
      expect(stream.getAudioTracks()[0].getSettings().echoCancellation).to.equal(false);
    } finally {
      T.stopAll(stream);
    }
  });

  it('an unknown mandatory key fails with ConstraintNotSatisfiedError naming it, and opens no camera', async () => {
    const { stream, error } = await call('getUserMedia', { video: { mandatory: { maxWidth: 320, fooBar: 3 } } });
    expect(stream).to.equal(undefined);
    expect(error.name).to.equal('ConstraintNotSatisfiedError');
    expect(error.constraintName).to.equal('fooBar');
  });

  it('a mandatory constraint no device meets fails, named as the app wrote it (minWidth), and the call is usable again', async () => {
    const { error } = await call('getUserMedia', { video: { mandatory: { minWidth: 99999 } } });
    expect(error.name).to.equal('OverconstrainedError');
    expect(error.constraintName).to.equal('minWidth');
    const { stream } = await call('getUserMedia', { video: { mandatory: { maxWidth: 640 } } });
    T.stopAll(stream);
    expect(stream.getVideoTracks()).to.have.length(1);
  });

  it('mixing styles goes to the error callback (TypeError), never an unhandled rejection', async () => {
    const { error } = await call('getUserMedia', { video: { mandatory: { maxWidth: 320 }, width: 640 } });
    expect(error).to.be.an.instanceof(TypeError);
  });

  it('bad input (NaN, negative, wrong types, a sourceId no device has) reaches the error callback; no unhandled rejection', async () => {
    const unhandled = [];
    const onUnhandled = (e) => unhandled.push(String(e.reason));
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const bad = [
        { video: { mandatory: { maxWidth: NaN } } },
        { video: { mandatory: { maxWidth: -320 } } },
        { video: { mandatory: { minFrameRate: '30' } } },
        { video: { mandatory: 'maxWidth' } },
        { video: { optional: { maxWidth: 320 } } },
        { video: { mandatory: { sourceId: 'no-such-device' } } },
      ];
      for (const c of bad) {
        for (const name of ['getUserMedia', family]) {
          const { stream, error } = await call(name, c);
          T.stopAll(stream);
          expect(stream, `${name}(${JSON.stringify(c)})`).to.equal(undefined);
          expect(error, `${name}(${JSON.stringify(c)})`).to.not.equal(undefined);
        }
        const promised = await navigator.mediaDevices.getUserMedia(c).then((s) => (T.stopAll(s), 'resolved'), (e) => e.name);
        if (T.isFirefox) expect(promised, `mediaDevices.getUserMedia(${JSON.stringify(c)})`).to.not.equal('resolved');
      }
      await T.sleep(100);
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it(`the engine's ${family} keeps its native .length and .name and is an IDL operation`, () => {
    WebRTCLegacy.uninstall();
    const native = Navigator.prototype[family];
    WebRTCLegacy.install();
    expect(Navigator.prototype[family]).to.not.equal(native);
    IDL.checkOperation({ holder: Navigator.prototype, name: family, length: 3, required: 2, self: navigator, native });
  });

  it(`passes a modern call of ${family} through: {video: {width: 640}} gives a plain MediaStream 640 wide`, async () => {
    const { stream, error } = await call(family, { video: { width: 640 } });
    expect(error, error && error.name).to.equal(undefined);
    const width = widthOf(stream);
    T.stopAll(stream);
    expect(Object.getPrototypeOf(stream)).to.equal(MediaStream.prototype);
    expect(width).to.equal(640);
  });

  it(`leaves ${other} (the other family) undefined by default, and adds it with prefixes: 'all'`, async () => {
    expect(other in navigator).to.equal(false);
    WebRTCLegacy.install({ prefixes: 'all' });
    try {
      IDL.checkOperation({ holder: Navigator.prototype, name: other, length: 3, required: 2, self: navigator });
      const { stream, error } = await call(other, { video: { mandatory: { maxWidth: 320 } } });
      expect(error, error && error.name).to.equal(undefined);
      const width = widthOf(stream);
      T.stopAll(stream);
      expect(width).to.be.at.most(320);
    } finally {
      WebRTCLegacy.install();
    }
  });

  it('leaves a modern promise request untouched (same object reaches the engine, same result)', async () => {
    const c = { video: { width: { exact: 320 } } };
    const stream = await navigator.mediaDevices.getUserMedia(c);
    const width = widthOf(stream);
    T.stopAll(stream);
    expect(width).to.equal(320);
    expect(c).to.deep.equal({ video: { width: { exact: 320 } } });
  });

  describe("under an explicit era of 2012–2015 ('2013-09-10')", () => {
    before(() => WebRTCLegacy.install({ era: '2013-09-10' }));
    after(() => WebRTCLegacy.install());

    for (const c of [{}, null, { audio: false, video: false }]) {
      it(`getUserMedia(${JSON.stringify(c)}, ok, err) throws NOT_SUPPORTED_ERR synchronously`, () => {
        expect(() => navigator.getUserMedia(c, () => {}, () => {})).to.throw(DOMException).with.property('code', 9);
      });
    }

    it('hands errors over with the names of the time: an unmet constraint is ConstraintNotSatisfiedError', async () => {
      const { error } = await call('getUserMedia', { video: { deviceId: { exact: 'no-such-device' } } });
      expect(error.name).to.equal('ConstraintNotSatisfiedError');
      expect(error.constraintName).to.equal('deviceId');
      const legacy = await call('getUserMedia', { video: { mandatory: { sourceId: 'no-such-device' } } });
      expect(legacy.error.name).to.equal('ConstraintNotSatisfiedError');
      expect(legacy.error.constraintName).to.equal('sourceId');
    });
  });

  it("gives every legacy callback a LocalMediaStream under an era that had one ('2012-08-21'), also for input passed through", async () => {
    WebRTCLegacy.install({ era: '2012-08-21' });
    try {
      const { stream } = await call('getUserMedia', { video: true });
      T.stopAll(stream);
      expect(stream).to.be.an.instanceof(LocalMediaStream);
      const prefixed = await call(family, { video: true });
      T.stopAll(prefixed.stream);
      expect(prefixed.stream).to.be.an.instanceof(LocalMediaStream);
    } finally {
      WebRTCLegacy.install();
    }
  });

  it('uninstall restores the native functions exactly', () => {
    WebRTCLegacy.uninstall();
    const d = Object.getOwnPropertyDescriptor(Navigator.prototype, family);
    const md = MediaDevices.prototype.getUserMedia;
    WebRTCLegacy.install();
    WebRTCLegacy.uninstall();
    expect(Object.getOwnPropertyDescriptor(Navigator.prototype, family)).to.deep.equal(d);
    expect(MediaDevices.prototype.getUserMedia).to.equal(md);
    WebRTCLegacy.install();
  });
});
