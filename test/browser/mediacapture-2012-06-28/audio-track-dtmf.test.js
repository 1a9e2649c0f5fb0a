/* global WebRTCLegacy, T */
// webrtc-wd-2012-02-09 AudioMediaStreamTrack.canInsertDTMF / insertDTMF over RTCRtpSender.dtmf.
describe('wd-2012-02-09 AudioMediaStreamTrack.canInsertDTMF / insertDTMF', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  async function sentOnACall(track) {
    const pc1 = new RTCPeerConnection();
    const pc2 = new RTCPeerConnection();
    pc1.onicecandidate = (e) => e.candidate && pc2.addIceCandidate(e.candidate);
    pc2.onicecandidate = (e) => e.candidate && pc1.addIceCandidate(e.candidate);
    const sender = pc1.addTrack(track, new MediaStream([track]));
    await pc1.setLocalDescription();
    await pc2.setRemoteDescription(pc1.localDescription);
    await pc2.setLocalDescription();
    await pc1.setRemoteDescription(pc2.localDescription);
    while (pc1.connectionState !== 'connected') await T.once(pc1, 'connectionstatechange', 20000);
    return { pc1, pc2, sender };
  }

  it('is false for a track sent nowhere (insertDTMF throws INVALID_STATE_ERR), true once sent; the tones go out on the sender', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const track = stream.getAudioTracks()[0];
    let call;
    try {
      expect(track.canInsertDTMF).to.equal(false);
      expect(() => track.insertDTMF('1')).to.throw(DOMException).with.property('code', 11);
      call = await sentOnACall(track);
      expect(track.canInsertDTMF).to.equal(true);
      const tones = [];
      const done = new Promise((resolve) => {
        call.sender.dtmf.ontonechange = (e) => (e.tone ? tones.push(e.tone) : resolve());
      });
      track.insertDTMF('1#', 60);
      await done;
      expect(tones).to.deep.equal(['1', '#']);
    } finally {
      T.stopAll(stream);
      if (call) {
        call.pc1.close();
        call.pc2.close();
      }
    }
  });

  it('insertDTMF is an operation of audio tracks; addTrack keeps its native shape and result', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    try {
      const video = stream.getVideoTracks()[0];
      expect(video.canInsertDTMF).to.equal(false);
      expect(() => video.insertDTMF('1')).to.throw(TypeError);
      WebRTCLegacy.uninstall();
      const native = RTCPeerConnection.prototype.addTrack;
      WebRTCLegacy.install();
      expect([RTCPeerConnection.prototype.addTrack.name, RTCPeerConnection.prototype.addTrack.length]).to.deep.equal([native.name, native.length]);
      const pc = new RTCPeerConnection();
      const sender = pc.addTrack(video, stream);
      expect(sender).to.be.an.instanceof(RTCRtpSender);
      expect(pc.getSenders()).to.deep.equal([sender]);
      pc.close();
    } finally {
      T.stopAll(stream);
    }
  });
});
