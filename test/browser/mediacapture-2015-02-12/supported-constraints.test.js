/* global WebRTCLegacy */
// mediacapture-2015-02-12 static MediaDevices.getSupportedConstraints(kind).
describe('mediacapture-2015-02-12 MediaDevices.getSupportedConstraints(kind)', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('names what the engine supports for the kind: width for video, not for audio; deviceId for both', () => {
    const video = MediaDevices.getSupportedConstraints('video');
    const audio = MediaDevices.getSupportedConstraints('audio');
    const today = navigator.mediaDevices.getSupportedConstraints();
    expect(video).to.include({ width: true, height: true, deviceId: true });
    expect(audio).to.include({ deviceId: true });
    expect(audio).to.not.have.property('width');
    if (today.echoCancellation) expect(audio.echoCancellation).to.equal(true);
    for (const name of [...Object.keys(video), ...Object.keys(audio)]) expect(today[name]).to.equal(true);
  });

  it('WebIDL: a static operation of length 1 that needs its argument', () => {
    expect(MediaDevices.getSupportedConstraints.length).to.equal(1);
    expect(MediaDevices.getSupportedConstraints.name).to.equal('getSupportedConstraints');
    expect(() => MediaDevices.getSupportedConstraints()).to.throw(TypeError);
    expect(() => new MediaDevices.getSupportedConstraints('video')).to.throw(TypeError);
  });
});
