/* global WebRTCLegacy, LOOP */
// 2013-09 WD §7 createDTMFSender(track) on a real loopback call: tones go out through the native
// sender.dtmf, and the app's RTCDTMFSender fires one tonechange per tone, then one with an empty tone.
describe('wd-2013-09-10 §7 createDTMFSender', function () {
  this.timeout(60000);
  const proto = RTCPeerConnection.prototype;
  const nativeCreate = Object.getOwnPropertyDescriptor(proto, 'createDTMFSender');
  const live = LOOP.suite();

  const audio = () => live.call.stream.getAudioTracks()[0];

  it('gives the 2013 RTCDTMFSender shape for a sent audio track', () => {
    const sender = live.call.caller.createDTMFSender(audio());
    expect(sender.track).to.equal(audio());
    expect(sender.canInsertDTMF).to.equal(true);
    expect(sender.toneBuffer).to.equal('');
    expect(sender.duration).to.equal(100);
    expect(sender.interToneGap).to.equal(50);
    expect(sender.ontonechange).to.equal(null);
    expect(sender.insertDTMF.length).to.equal(1);
    expect(sender).to.be.an.instanceOf(EventTarget);
  });

  it('plays the tones: one tonechange per tone, then an empty one', async () => {
    const sender = live.call.caller.createDTMFSender(audio());
    const tones = [];
    const buffers = [];
    await new Promise((resolve) => {
      sender.ontonechange = function (e) {
        expect(this).to.equal(sender);
        expect(e.target).to.equal(sender);
        tones.push(e.tone);
        buffers.push(sender.toneBuffer);
        if (e.tone === '') resolve();
      };
      sender.insertDTMF('1a#', 100, 70);
      expect(sender.toneBuffer).to.equal('1A#');
    });
    expect(tones).to.deep.equal(['1', 'A', '#', '']);
    expect(buffers).to.deep.equal(['A#', '#', '', '']);
    expect(sender.duration).to.equal(100);
    expect(sender.interToneGap).to.equal(70);
  });

  it('also reaches addEventListener listeners', async () => {
    const sender = live.call.caller.createDTMFSender(audio());
    const tones = [];
    await new Promise((resolve) => {
      sender.addEventListener('tonechange', (e) => {
        tones.push(e.tone);
        if (e.tone === '') resolve();
      });
      sender.insertDTMF('9');
    });
    expect(tones).to.deep.equal(['9', '']);
  });

  it('throws InvalidCharacterError for a tone outside 0-9 A-D # * , and says so; the sender stays usable', async () => {
    const sender = live.call.caller.createDTMFSender(audio());
    live.seen.warnings.length = 0;
    expect(() => sender.insertDTMF('12X')).to.throw().with.property('name', 'InvalidCharacterError');
    expect(live.seen.warnings.join('\n')).to.match(/insertDTMF/);
    expect(sender.toneBuffer).to.equal('');
    const done = new Promise((resolve) => (sender.ontonechange = (e) => e.tone === '' && resolve()));
    sender.insertDTMF('5');
    await done;
  });

  it('throws the draft\'s errors for a track the connection does not send, a video track, a non-track, a wrong this', async () => {
    const other = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      live.seen.warnings.length = 0;
      expect(() => live.call.caller.createDTMFSender(other.getAudioTracks()[0])).to.throw().with.property('name', 'SyntaxError');
      expect(live.seen.warnings.join('\n')).to.match(/not sent on this connection/);
    } finally {
      other.getTracks().forEach((t) => t.stop());
    }
    expect(() => live.call.caller.createDTMFSender(live.call.stream.getVideoTracks()[0])).to.throw().with.property('name', 'NotSupportedError');
    expect(() => live.call.caller.createDTMFSender({})).to.throw(TypeError);
    expect(() => live.call.caller.createDTMFSender()).to.throw(TypeError);
    expect(() => proto.createDTMFSender.call({}, audio())).to.throw(TypeError);
    expect(proto.createDTMFSender.length).to.equal(1);
    expect(proto.createDTMFSender.name).to.equal('createDTMFSender');
  });

  it('throws InvalidStateError on a closed connection', async () => {
    const pc = new RTCPeerConnection();
    pc.addTrack(audio(), live.call.stream);
    pc.close();
    expect(() => pc.createDTMFSender(audio())).to.throw().with.property('name', 'InvalidStateError');
  });

  it('is restored exactly by uninstall (absent in Firefox, the native one in Chromium)', () => {
    WebRTCLegacy.uninstall();
    try {
      expect(Object.getOwnPropertyDescriptor(proto, 'createDTMFSender')).to.deep.equal(nativeCreate);
    } finally {
      WebRTCLegacy.install();
    }
  });
});
