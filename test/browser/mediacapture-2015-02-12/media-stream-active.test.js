/* global WebRTCLegacy, T */
// mediacapture-2015-02-12 §4.2 onactive: a stream that was inactive becomes active when a live track is added.
describe('mediacapture-2015-02-12 MediaStream onactive', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('an ended stream given a live track again: active is true and onactive runs', async () => {
    const first = await navigator.mediaDevices.getUserMedia({ audio: true });
    const second = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const stream = new MediaStream(first.getTracks());
      const heard = new Promise((resolve) => { stream.onactive = resolve; });
      first.getTracks().forEach((x) => x.stop());
      expect(stream.active).to.equal(false);
      stream.addTrack(second.getAudioTracks()[0]);
      const event = await heard;
      expect(event.type).to.equal('active');
      expect(stream.active).to.equal(true);
    } finally {
      T.stopAll(first);
      T.stopAll(second);
    }
  });

  it('addTrack keeps its native shape: length 1, TypeError for a wrong this or a missing track', () => {
    const addTrack = MediaStream.prototype.addTrack;
    expect(addTrack.length).to.equal(1);
    expect(addTrack.name).to.equal('addTrack');
    expect(() => addTrack.call({}, null)).to.throw(TypeError);
    expect(() => new MediaStream().addTrack()).to.throw(TypeError);
    expect(() => new addTrack()).to.throw(TypeError);
  });
});
