/* global WebRTCLegacy, T */
// mediacapture-2013-05-16 onstarted / onoverconstrained; Firefox's mozSrcObject (moz family).
describe('mediacapture-2013-05-16 MediaStreamTrack handlers and mozSrcObject', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('onstarted and onoverconstrained are handler attributes (a non-function reads back null)', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const track = stream.getVideoTracks()[0];
    try {
      for (const name of ['onstarted', 'onoverconstrained']) {
        expect(name in track).to.equal(true);
        expect(track[name]).to.equal(null);
        const fn = () => {};
        track[name] = fn;
        expect(track[name]).to.equal(fn);
        track[name] = 5;
        expect(track[name]).to.equal(null);
      }
    } finally {
      T.stopAll(stream);
    }
  });

  it('remote is true for a track a connection receives (already inside ontrack), false for the camera’s', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const pc1 = new RTCPeerConnection();
    const pc2 = new RTCPeerConnection();
    try {
      const local = stream.getAudioTracks()[0];
      expect(local.remote).to.equal(false);
      pc1.addTrack(local, stream);
      const inEvent = new Promise((resolve) => { pc2.ontrack = (e) => resolve({ track: e.track, remote: e.track.remote }); });
      await pc1.setLocalDescription();
      await pc2.setRemoteDescription(pc1.localDescription);
      const { track, remote } = await inEvent;
      expect(remote).to.equal(true);
      expect(track.remote).to.equal(true);
      expect(local.remote).to.equal(false);
      expect(() => Object.getOwnPropertyDescriptor(MediaStreamTrack.prototype, 'remote').get.call({})).to.throw(TypeError);
    } finally {
      pc1.close();
      pc2.close();
      T.stopAll(stream);
    }
  });

  const mozFamily = T.isFirefox;
  it(`mozSrcObject is ${mozFamily ? 'an alias of srcObject (moz family): the video plays' : "absent (webkit family), present with prefixes: 'all'"}`, async () => {
    if (!mozFamily) {
      expect('mozSrcObject' in HTMLMediaElement.prototype).to.equal(false);
      WebRTCLegacy.install({ prefixes: 'all' });
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const v = document.createElement('video');
      v.muted = true;
      v.mozSrcObject = stream;
      expect(v.srcObject).to.equal(stream);
      expect(v.mozSrcObject).to.equal(stream);
      document.body.appendChild(v);
      await v.play();
      while (!(v.videoWidth > 0)) await T.once(v, 'timeupdate');
      expect(v.videoWidth).to.be.above(0);
      v.mozSrcObject = null;
      expect(v.srcObject).to.equal(null);
      v.remove();
      T.stopAll(stream);
      const get = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'mozSrcObject').get;
      expect(get.name).to.equal('get mozSrcObject');
      expect(() => get.call({})).to.throw(TypeError);
    } finally {
      WebRTCLegacy.install();
    }
  });
});
