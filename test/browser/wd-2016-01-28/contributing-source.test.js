/* global WebRTCLegacy, T */
// 2016 WD §5.3 RTCRtpContributingSource: under a 2016 era, receiver.getContributingSources() lists the
// sources of the audio received (the SSRC, 2016's "set from an SSRC", and any CSRCs) as
// RTCRtpContributingSource objects with the RFC 6464 level (0 loudest … 127 silence); under 'auto' today's
// method and its dictionaries are untouched.
describe('wd-2016-01-28 RTCRtpContributingSource', () => {
  /** An audio call from the fake microphone; `b` receives. */
  async function audioCall() {
    const a = new RTCPeerConnection();
    const b = new RTCPeerConnection();
    for (const [x, y] of [[a, b], [b, a]]) x.addEventListener('icecandidate', (e) => e.candidate && y.addIceCandidate(e.candidate).catch(() => {}));
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    a.addTrack(stream.getAudioTracks()[0], stream);
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription);
    const receiver = b.getReceivers()[0];
    // Chromium records sources as the audio is played out: a (muted) element plays the received track.
    const sink = new Audio();
    sink.muted = true;
    sink.srcObject = new MediaStream([receiver.track]);
    sink.play().catch(() => {});
    return { receiver, close: () => { sink.srcObject = null; a.close(); b.close(); T.stopAll(stream); } };
  }
  /** The receiver's list once packets have arrived (the call's own pace). */
  async function sources(receiver) {
    for (;;) {
      const list = receiver.getContributingSources();
      if (list.length) return list;
      await T.sleep(200);
    }
  }

  describe("era '2016-01-28'", () => {
    before(() => WebRTCLegacy.install({ era: '2016-01-28' }));
    after(() => WebRTCLegacy.uninstall());

    it('the received SSRC is an RTCRtpContributingSource with timestamp, source, an RFC 6464 audioLevel and voiceActivityFlag', async function () {
      this.timeout(60000);
      const { receiver, close } = await audioCall();
      try {
        const [first] = await sources(receiver);
        expect(first).to.be.an.instanceof(RTCRtpContributingSource);
        expect(Object.prototype.toString.call(first)).to.equal('[object RTCRtpContributingSource]');
        const ssrc = receiver.getSynchronizationSources()[0].source;
        expect(first.source).to.equal(ssrc);
        expect(first.timestamp).to.be.a('number').above(0);
        if (first.audioLevel !== null) {
          expect(Number.isInteger(first.audioLevel)).to.equal(true);
          expect(first.audioLevel).to.be.within(0, 127);
        }
        expect([null, true, false]).to.include(first.voiceActivityFlag);
        expect(() => Object.getOwnPropertyDescriptor(RTCRtpContributingSource.prototype, 'source').get.call({})).to.throw(TypeError);
        expect(() => new RTCRtpContributingSource()).to.throw(TypeError);
        expect(RTCRtpReceiver.prototype.getContributingSources.name).to.equal('getContributingSources');
        expect(() => RTCRtpReceiver.prototype.getContributingSources.call({})).to.throw(TypeError);
      } finally {
        close();
      }
    });
  });

  describe("era 'auto'", () => {
    let native;
    before(() => {
      native = RTCRtpReceiver.prototype.getContributingSources;
      WebRTCLegacy.install();
    });
    after(() => WebRTCLegacy.uninstall());

    it("no RTCRtpContributingSource; today's getContributingSources (CSRCs only: none in a one-to-one call)", async function () {
      this.timeout(60000);
      expect('RTCRtpContributingSource' in window).to.equal(false);
      expect(RTCRtpReceiver.prototype.getContributingSources).to.equal(native);
      const { receiver, close } = await audioCall();
      try {
        for (;;) {
          if (receiver.getSynchronizationSources().length) break;
          await T.sleep(200);
        }
        expect(receiver.getContributingSources()).to.deep.equal([]);
      } finally {
        close();
      }
    });
  });
});
