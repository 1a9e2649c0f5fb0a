/* global WebRTCLegacy, T */
// mediacapture-2012-06-28 MediaStreamTrack readyState LIVE 0 · MUTED 1 · ENDED 2 (era 2012 only).
describe('mediacapture-2012-06-28 MediaStreamTrack numeric readyState', () => {
  after(() => WebRTCLegacy.uninstall());

  it("is 0 (LIVE) then 2 (ENDED) under era '2012-03-18', with the constants", async () => {
    WebRTCLegacy.install({ era: '2012-03-18' });
    expect([MediaStreamTrack.LIVE, MediaStreamTrack.MUTED, MediaStreamTrack.ENDED]).to.deep.equal([0, 1, 2]);
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const track = stream.getVideoTracks()[0];
    expect(track.readyState).to.equal(track.LIVE);
    track.stop();
    expect(track.readyState).to.equal(2);
    const get = Object.getOwnPropertyDescriptor(MediaStreamTrack.prototype, 'readyState').get;
    expect(() => get.call({})).to.throw(TypeError);
  });

  it('stays the string of today with era auto', async () => {
    WebRTCLegacy.install();
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const track = stream.getVideoTracks()[0];
    expect(track.readyState).to.equal('live');
    track.stop();
    expect(track.readyState).to.equal('ended');
    expect('LIVE' in MediaStreamTrack).to.equal(false);
  });
});
