/* global WebRTCLegacy, T */
// mediacapture-2013-05-16 §4.3.1 MediaStreamTrack.stop(): fires `ended` (under that era only).
describe('mediacapture-2013-05-16 MediaStreamTrack.stop()', () => {
  after(() => WebRTCLegacy.uninstall());

  const videoTrack = async () => (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks()[0];

  it("fires `ended` once on a track its own stop() ended, under era '2013-09-10'", async () => {
    WebRTCLegacy.install({ era: '2013-09-10' });
    const track = await videoTrack();
    let fired = 0;
    // onended, not addEventListener: Firefox ESR 153 calls no addEventListener listener of a
    // MediaStreamTrack for a dispatched event (engine bug; handler attributes are called).
    const ended = new Promise((resolve) => { track.onended = () => { fired++; resolve(); }; });
    track.stop();
    track.stop();
    await ended;
    await T.sleep(50);
    expect(fired).to.equal(1);
    expect(track.readyState).to.equal('ended');
  });

  it('fires nothing with era auto (today stop() is silent), and keeps the native .length/.name', async () => {
    WebRTCLegacy.uninstall();
    const native = MediaStreamTrack.prototype.stop;
    WebRTCLegacy.install();
    expect([MediaStreamTrack.prototype.stop.length, MediaStreamTrack.prototype.stop.name]).to.deep.equal([native.length, native.name]);
    const track = await videoTrack();
    let fired = 0;
    track.onended = () => fired++;
    track.stop();
    await T.sleep(100);
    expect(fired).to.equal(0);
    expect(track.readyState).to.equal('ended');
    expect(() => MediaStreamTrack.prototype.stop.call({})).to.throw(TypeError);
  });
});
