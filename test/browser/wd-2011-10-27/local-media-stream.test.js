/* global WebRTCLegacy, T */
// 2011 WD §3.2.2 LocalMediaStream
describe('wd-2011-10-27 §3.2.2 LocalMediaStream', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('is a global interface, a subclass of MediaStream', () => {
    expect(LocalMediaStream).to.be.a('function');
    expect(Object.getPrototypeOf(LocalMediaStream.prototype)).to.equal(MediaStream.prototype);
    expect(LocalMediaStream.prototype.stop).to.be.a('function');
  });

  it('plays through srcObject: the video shows frames', async () => {
    const { stream } = await T.legacyGum('video');
    try {
      const shown = await T.play(stream);
      expect(shown.width).to.be.above(0);
      expect(shown.paused).to.equal(false);
    } finally {
      T.stopAll(stream);
    }
  });

  it('is accepted by addTrack and new MediaStream(tracks)', async () => {
    const { stream } = await T.legacyGum('audio,video');
    try {
      const copy = new MediaStream(stream.tracks);
      expect(copy.getTracks()).to.have.length(2);
      const extra = new MediaStream();
      extra.addTrack(stream.getAudioTracks()[0]);
      stream.addTrack(stream.getVideoTracks()[0].clone());
      expect(stream.getVideoTracks()).to.have.length(2);
      expect(extra.getTracks()).to.have.length(1);
      T.stopAll(stream);
    } finally {
      T.stopAll(stream);
    }
  });

  it('is accepted by MediaRecorder, which records real data from it', async () => {
    const { stream } = await T.legacyGum('audio,video');
    try {
      const rec = new MediaRecorder(stream);
      const chunks = [];
      rec.ondataavailable = (e) => chunks.push(e.data);
      rec.start();
      await T.sleep(600);
      const stopped = T.once(rec, 'stop');
      rec.stop();
      await stopped;
      const size = chunks.reduce((n, b) => n + b.size, 0);
      expect(size).to.be.above(1000);
    } finally {
      T.stopAll(stream);
    }
  });

  it('stop() queues a task: nothing changes inside the call, then readyState is ENDED and `ended` fires once', async () => {
    const { stream } = await T.legacyGum('audio,video');
    const events = [];
    stream.addEventListener('ended', (e) => events.push(['listener', e.type, e.bubbles, e.cancelable]));
    stream.onended = (e) => events.push(['handler', e.type]);
    let insideCall = true;
    stream.addEventListener('ended', () => events.push(['during call', insideCall]));
    expect(stream.stop()).to.equal(undefined);
    expect(stream.readyState, 'readyState inside the call').to.equal(1);
    expect(events, 'no event inside the call').to.deep.equal([]);
    expect(stream.getTracks().every((t) => t.readyState === 'live')).to.equal(true);
    insideCall = false;
    await T.sleep(50);
    expect(stream.readyState).to.equal(2);
    expect(stream.readyState).to.equal(stream.ENDED);
    expect(events).to.deep.equal([['listener', 'ended', false, false], ['handler', 'ended'], ['during call', false]]);
    // §3.2.2.1: the stream's data stops for good.
    expect(stream.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('a second stop() does nothing', async () => {
    const { stream } = await T.legacyGum('audio');
    let n = 0;
    stream.onended = () => n++;
    stream.stop();
    stream.stop();
    await T.sleep(50);
    stream.stop();
    await T.sleep(50);
    expect(n).to.equal(1);
    expect(stream.readyState).to.equal(2);
  });
});
