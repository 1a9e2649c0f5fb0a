/* global WebRTCLegacy, T */
// 2016-01-28 … 2016-09-13 WD §7.2 RTCDTMFSender.duration / interToneGap: the draft's defaults (100, 70) until
// insertDTMF() sets them, clamped as the draft says; insertDTMF itself is the engine's.
describe('wd-2016-01-28 RTCDTMFSender duration and interToneGap', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('read the defaults, then what insertDTMF() was given (clamped), per sender; TypeError for a wrong this', async function () {
    this.timeout(30000);
    const a = new RTCPeerConnection();
    const b = new RTCPeerConnection();
    for (const [x, y] of [[a, b], [b, a]]) x.addEventListener('icecandidate', (e) => e.candidate && y.addIceCandidate(e.candidate).catch(() => {}));
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const sender = a.addTrack(stream.getAudioTracks()[0], stream);
      await a.setLocalDescription(await a.createOffer());
      await b.setRemoteDescription(a.localDescription);
      await b.setLocalDescription(await b.createAnswer());
      await a.setRemoteDescription(b.localDescription);
      const dtmf = sender.dtmf;
      // Tones can be sent once the transport is up (the call's own pace).
      while (!dtmf.canInsertDTMF) await T.sleep(100);
      expect(dtmf.duration).to.equal(100);
      expect(dtmf.interToneGap).to.equal(70);
      dtmf.insertDTMF('1', 200, 100);
      expect(dtmf.toneBuffer).to.equal('1');
      expect([dtmf.duration, dtmf.interToneGap]).to.deep.equal([200, 100]);
      dtmf.insertDTMF('2', 10, 10);
      expect([dtmf.duration, dtmf.interToneGap]).to.deep.equal([40, 30]);
      dtmf.insertDTMF('');
      expect([dtmf.duration, dtmf.interToneGap]).to.deep.equal([100, 70]);
      expect(() => Object.getOwnPropertyDescriptor(RTCDTMFSender.prototype, 'duration').get.call({})).to.throw(TypeError);
      expect(RTCDTMFSender.prototype.insertDTMF.name).to.equal('insertDTMF');
      expect(() => RTCDTMFSender.prototype.insertDTMF.call({}, '1')).to.throw(TypeError);
    } finally {
      a.close();
      b.close();
      T.stopAll(stream);
    }
  });
});
