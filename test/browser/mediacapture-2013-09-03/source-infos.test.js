/* global WebRTCLegacy, T, IDL */
// Chrome 30–47 MediaStreamTrack.getSources(callback); mediacapture-2013-09-03 getSourceInfos().
describe('mediacapture-2013-09-03 MediaStreamTrack.getSources / getSourceInfos', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  const sources = () => new Promise((resolve) => MediaStreamTrack.getSources(resolve));

  it('getSources calls back (in a task) with the capture devices as SourceInfo objects', async () => {
    let returned = false;
    const list = await new Promise((resolve) => {
      MediaStreamTrack.getSources((l) => resolve(returned ? l : 'inside the call'));
      returned = true;
    });
    expect(list).to.be.an('array');
    const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind.endsWith('input'));
    expect(list.map((s) => s.id)).to.deep.equal(inputs.map((d) => d.deviceId));
    for (const s of list) {
      expect(s.kind).to.be.oneOf(['audio', 'video']);
      expect(s.label).to.be.a('string');
      expect(s.facing).to.be.a('string');
      expect(s.sourceId).to.equal(s.id);
    }
    expect(list.some((s) => s.kind === 'video')).to.equal(true);
  });

  it('before any capture (Firefox: one entry per kind, empty id) getSources then sourceId still opens a device of that kind', async () => {
    const video = (await sources()).filter((s) => s.kind === 'video')[0];
    const stream = await new Promise((ok, err) => navigator.getUserMedia({ video: { mandatory: { sourceId: video.id } } }, ok, err));
    T.stopAll(stream);
    expect(stream.getVideoTracks()).to.have.length(1);
  });

  for (const kind of ['audio', 'video']) {
    it(`mandatory sourceId from getSources opens that ${kind} device (once the page has captured, as 2013 apps did for labels)`, async () => {
      T.stopAll(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
      const list = (await sources()).filter((s) => s.kind === kind);
      const wanted = list[list.length - 1];
      const stream = await new Promise((ok, err) => navigator.getUserMedia({ [kind]: { mandatory: { sourceId: wanted.id } } }, ok, err));
      const track = stream.getTracks()[0];
      const deviceId = track.getSettings().deviceId;
      T.stopAll(stream);
      expect(stream.getTracks()).to.have.length(1);
      expect(deviceId).to.equal(wanted.id);
    });
  }

  it('getSources and getSourceInfos are static IDL operations', () => {
    IDL.checkOperation({ holder: MediaStreamTrack, name: 'getSources', length: 1, required: 1, self: MediaStreamTrack, isStatic: true });
    IDL.checkOperation({ holder: MediaStreamTrack, name: 'getSourceInfos', length: 0, required: 0, self: MediaStreamTrack, isStatic: true });
    expect(() => MediaStreamTrack.getSources(5)).to.throw(TypeError);
  });

  it('getSourceInfos returns, synchronously, the list enumerateDevices gave', async () => {
    // The list is read at install, on devicechange and after each call: this call asks for a fresh one.
    MediaStreamTrack.getSourceInfos();
    const expected = (await sources()).map((s) => [s.sourceId, s.kind]);
    await T.nextTask();
    const infos = MediaStreamTrack.getSourceInfos();
    expect(infos.map((s) => [s.sourceId, s.kind])).to.deep.equal(expected);
  });
});
