/* global WebRTCLegacy, T */
// 2011 WD §3.2.1 MediaStream: label, tracks, readyState, onended, MediaStream(trackList)
describe('wd-2011-10-27 §3.2.1 MediaStream', () => {
  let stream;
  before(async () => {
    WebRTCLegacy.install();
    stream = (await T.legacyGum('audio,video')).stream;
  });
  after(() => {
    T.stopAll(stream);
    WebRTCLegacy.uninstall();
  });

  const LABEL = /^[!#-'*+\-.0-9A-Z^-~]{36}$/;

  it('label: 36 characters from the draft’s set, the same on every read', () => {
    expect(stream.label).to.match(LABEL);
    expect(stream.label).to.equal(stream.label);
  });

  it('label: also on streams the page makes itself, each new stream a new label', () => {
    const a = new MediaStream(stream.tracks);
    const b = new MediaStream();
    expect(a.label).to.match(LABEL);
    expect(b.label).to.match(LABEL);
    expect(a.label).to.not.equal(stream.label);
    expect(a.label).to.not.equal(b.label);
  });

  it('tracks: a frozen array, the same object while the set is unchanged, audio before video', () => {
    const t = stream.tracks;
    expect(Array.isArray(t)).to.equal(true);
    expect(Object.isFrozen(t)).to.equal(true);
    expect(stream.tracks).to.equal(t);
    expect(t.map((x) => x.kind)).to.deep.equal(['audio', 'video']);
    expect(() => { 'use strict'; t.push(null); }).to.throw(TypeError);
  });

  it('tracks: audio before video even when the native order is not', () => {
    const s = new MediaStream([stream.getVideoTracks()[0], stream.getAudioTracks()[0]]);
    expect(s.tracks.map((x) => x.kind)).to.deep.equal(['audio', 'video']);
  });

  it('tracks: a new array once the track set changes', () => {
    const s = new MediaStream([stream.getAudioTracks()[0]]);
    const before = s.tracks;
    s.addTrack(stream.getVideoTracks()[0]);
    const after = s.tracks;
    expect(after).to.not.equal(before);
    expect(before).to.have.length(1);
    expect(after.map((x) => x.kind)).to.deep.equal(['audio', 'video']);
  });

  it('tracks: each track has the draft’s kind, label and enabled', () => {
    for (const t of stream.tracks) {
      expect(t.kind).to.be.oneOf(['audio', 'video']);
      expect(t.label).to.be.a('string');
      expect(t.enabled).to.equal(true);
    }
  });

  it('readyState, LIVE = 1 and ENDED = 2 on the constructor and the prototype', () => {
    expect(MediaStream.LIVE).to.equal(1);
    expect(MediaStream.ENDED).to.equal(2);
    expect(MediaStream.prototype.LIVE).to.equal(1);
    expect(MediaStream.prototype.ENDED).to.equal(2);
    expect(stream.readyState).to.equal(stream.LIVE);
  });

  it('the MediaStream(trackList) constructor takes the tracks array; ENDED when all its tracks have ended', async () => {
    const { stream: s } = await T.legacyGum('audio');
    const copy = new MediaStream(s.tracks);
    expect(copy.readyState).to.equal(1);
    s.stop();
    await T.sleep(50);
    const dead = new MediaStream(s.tracks);
    expect(dead.readyState).to.equal(2);
  });

  it('onended is an event handler attribute: null by default, a function when set, null for non-functions', () => {
    const s = new MediaStream();
    expect(s.onended).to.equal(null);
    const f = () => {};
    s.onended = f;
    expect(s.onended).to.equal(f);
    s.onended = 'not a function';
    expect(s.onended).to.equal(null);
  });

  it('fires `ended` (in a later task) when the stream finishes without stop(): every track ended', async () => {
    const { stream: s } = await T.legacyGum('audio,video');
    const copy = new MediaStream(s.tracks);
    let fired = 0;
    copy.onended = () => fired++;
    // The source stream's stop() ends the shared tracks: for `copy`, a finish for "any other reason".
    s.stop();
    await T.sleep(100);
    expect(s.readyState).to.equal(2);
    expect(copy.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    expect(fired, 'ended on the stream sharing the tracks').to.equal(1);
    expect(copy.readyState).to.equal(2);
  });
});
