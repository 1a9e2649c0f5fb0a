/* global WebRTCLegacy, T */
// webrtc-wd-2012-02-09 / mediacapture-2012-06-28 MediaStream.audioTracks / videoTracks
// (MediaStreamTrackList) and new MediaStream(audioTracks, videoTracks).
describe('mediacapture-2012-06-28 audioTracks / videoTracks', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  const camera = () => navigator.mediaDevices.getUserMedia({ audio: true, video: true });

  it('are live views of the stream’s tracks of that kind: length, item(i), list[i], the same object each time', async () => {
    const stream = await camera();
    try {
      const { audioTracks, videoTracks } = stream;
      expect(audioTracks).to.be.an.instanceof(MediaStreamTrackList);
      expect(stream.audioTracks).to.equal(audioTracks);
      expect([audioTracks.length, videoTracks.length]).to.deep.equal([1, 1]);
      expect(audioTracks.item(0)).to.equal(stream.getAudioTracks()[0]);
      expect(videoTracks[0]).to.equal(stream.getVideoTracks()[0]);
      expect(videoTracks.item(1)).to.equal(null);
      const extra = stream.getVideoTracks()[0].clone();
      videoTracks.add(extra);
      expect(videoTracks.length).to.equal(2);
      expect(stream.getVideoTracks()).to.include(extra);
      videoTracks.remove(extra);
      extra.stop();
      expect(videoTracks.length).to.equal(1);
    } finally {
      T.stopAll(stream);
    }
  });

  it('onaddtrack / onremovetrack run for the stream’s own addtrack / removetrack of that kind', async () => {
    const stream = await camera();
    try {
      const seen = [];
      stream.videoTracks.onaddtrack = (e) => seen.push(`add ${e.track.kind}`);
      stream.audioTracks.onremovetrack = (e) => seen.push(`remove ${e.track.kind}`);
      const v = stream.getVideoTracks()[0];
      stream.dispatchEvent(new MediaStreamTrackEvent('addtrack', { track: v }));
      stream.dispatchEvent(new MediaStreamTrackEvent('addtrack', { track: stream.getAudioTracks()[0] }));
      stream.dispatchEvent(new MediaStreamTrackEvent('removetrack', { track: stream.getAudioTracks()[0] }));
      expect(seen).to.deep.equal(['add video', 'remove audio']);
    } finally {
      T.stopAll(stream);
    }
  });

  it('cannot be constructed by a page; methods brand-check and count arguments', () => {
    expect(() => new MediaStreamTrackList()).to.throw(TypeError);
    const list = new MediaStream().audioTracks;
    expect(() => list.item()).to.throw(TypeError);
    expect(() => MediaStreamTrackList.prototype.item.call({}, 0)).to.throw(TypeError);
    expect(() => Object.getOwnPropertyDescriptor(MediaStream.prototype, 'audioTracks').get.call({})).to.throw(TypeError);
  });

  it("new MediaStream(audioTracks, videoTracks) under era '2012-03-18' holds both lists’ tracks; plays", async () => {
    const native = MediaStream;
    WebRTCLegacy.install({ era: '2012-03-18' });
    const stream = await camera();
    try {
      const copy = new MediaStream(stream.audioTracks, stream.videoTracks);
      expect(copy).to.be.an.instanceof(native);
      expect(copy.getTracks()).to.have.length(2);
      const videoOnly = new MediaStream(null, stream.videoTracks);
      expect(videoOnly.getTracks().map((t) => t.kind)).to.deep.equal(['video']);
      expect((await T.play(videoOnly)).width).to.be.above(0);
      expect(new MediaStream(stream.getTracks()).getTracks()).to.have.length(2);
    } finally {
      T.stopAll(stream);
      WebRTCLegacy.install();
    }
    expect(MediaStream).to.equal(native);
  });
});
