/* global WebRTCLegacy, T */
// mediacapture-2013-05-16 / -2013-09-03 MediaStreamTrack constraints(), states(), capabilities() and readonly,
// read from today's getConstraints/getSettings/getCapabilities of the same track.
describe('mediacapture-2013 MediaStreamTrack constraints(), states(), capabilities(), readonly', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('a camera opened with {mandatory: {maxWidth: 320}}: constraints() gives it back, states() the size it runs at, capabilities() its ranges', async () => {
    const stream = await new Promise((resolve, reject) =>
      navigator.getUserMedia({ video: { mandatory: { maxWidth: 320 }, optional: [{ minFrameRate: 10 }] } }, resolve, reject));
    const track = stream.getVideoTracks()[0];
    try {
      const c = track.constraints();
      expect(c.mandatory.maxWidth).to.equal(320);
      expect(c.optional).to.deep.include({ minFrameRate: 10 });
      const s = track.states();
      expect(s.sourceType).to.equal('camera');
      expect(s.sourceId).to.equal(track.getSettings().deviceId);
      expect(s.width).to.be.within(1, 320);
      expect(s.width).to.equal(track.getSettings().width);
      expect(s.height).to.be.above(0);
      const cap = track.capabilities();
      expect(cap.width.supported).to.equal(true);
      expect(cap.width.max).to.be.at.least(320);
      expect(cap.sourceId).to.deep.equal([track.getSettings().deviceId]);
      expect(cap.sourceType).to.deep.equal(['camera']);
      expect(track.readonly).to.equal(false);
      // After applyConstraints the same reading follows the track.
      await track.applyConstraints({ width: { max: 160 } });
      expect(track.constraints().mandatory).to.deep.equal({ maxWidth: 160 });
      // states() reads getSettings() of the moment (Firefox 153 still reports 320 right after the promise resolves).
      expect(track.states().width).to.equal(track.getSettings().width);
    } finally {
      T.stopAll(stream);
    }
  });

  it('a microphone: sourceType microphone; a track constrained by nothing: constraints() is null', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const track = stream.getAudioTracks()[0];
      expect(track.constraints()).to.equal(null);
      expect(track.states()).to.include({ sourceType: 'microphone', volume: null });
      expect(track.capabilities()).to.have.property('volume');
    } finally {
      T.stopAll(stream);
    }
  });

  it('readonly is true for a track a connection receives', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const pc1 = new RTCPeerConnection();
    const pc2 = new RTCPeerConnection();
    try {
      pc1.addTrack(stream.getAudioTracks()[0], stream);
      const got = new Promise((resolve) => (pc2.ontrack = (e) => resolve(e.track)));
      await pc1.setLocalDescription();
      await pc2.setRemoteDescription(pc1.localDescription);
      const remote = await got;
      expect(remote.readonly).to.equal(true);
      expect(remote.states().sourceType).to.equal('none');
      expect(stream.getAudioTracks()[0].readonly).to.equal(false);
    } finally {
      pc1.close();
      pc2.close();
      T.stopAll(stream);
    }
  });

  it('WebIDL: operations of length 0 with a brand check, readonly a getter that brand-checks', () => {
    const proto = MediaStreamTrack.prototype;
    for (const name of ['constraints', 'states', 'capabilities']) {
      expect(proto[name].length).to.equal(0);
      expect(proto[name].name).to.equal(name);
      expect(() => proto[name].call({})).to.throw(TypeError);
      expect(() => new proto[name]()).to.throw(TypeError);
    }
    const get = Object.getOwnPropertyDescriptor(proto, 'readonly').get;
    expect(get.name).to.equal('get readonly');
    expect(() => get.call({})).to.throw(TypeError);
  });
});
