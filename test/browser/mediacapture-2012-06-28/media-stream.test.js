/* global WebRTCLegacy, T, IDL */
// mediacapture-2012-06-28 LocalMediaStream.stop() on every MediaStream (Chrome 2012–2015), `ended`,
// `label` (renamed `id` in 2013: the same identifier).
describe('mediacapture-2012-06-28 MediaStream stop() / ended / label', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  const camera = () => navigator.mediaDevices.getUserMedia({ audio: true, video: true });

  it('stop() on a stream of the promise API stops the camera and microphone: every track ended natively', async () => {
    const stream = await camera();
    const tracks = stream.getTracks();
    expect(stream.ended).to.equal(false);
    let fired = 0;
    stream.onended = () => fired++;
    const ended = T.once(stream, 'ended');
    stream.stop();
    stream.stop();
    await ended;
    await T.nextTask();
    expect(tracks.map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
    expect(stream.active).to.equal(false);
    expect(stream.ended).to.equal(true);
    expect(fired).to.equal(1);
    stream.stop();
    await T.sleep(50);
    expect(fired).to.equal(1);
  });

  it('stop() on the stream a legacy callback got (mandatory constraints) stops its camera', async () => {
    const stream = await new Promise((ok, err) => navigator.getUserMedia({ video: { mandatory: { maxWidth: 320 } } }, ok, err));
    const track = stream.getVideoTracks()[0];
    stream.stop();
    await T.once(stream, 'ended');
    expect(track.readyState).to.equal('ended');
  });

  it('ended becomes true when the tracks end some other way (all stopped by the app)', async () => {
    const stream = await camera();
    expect(stream.ended).to.equal(false);
    const ended = T.once(stream, 'ended');
    stream.getTracks().forEach((t) => t.stop());
    await ended;
    expect(stream.ended).to.equal(true);
  });

  it('label is the stream id (the 36-character uuid of it where the engine braces ids)', async () => {
    const stream = await camera();
    T.stopAll(stream);
    expect(stream.label).to.have.length(36);
    expect(stream.id.replace(/^\{(.*)\}$/, '$1')).to.equal(stream.label);
  });

  it('stop is an IDL operation; ended a getter that brand-checks', () => {
    IDL.checkOperation({ holder: MediaStream.prototype, name: 'stop', length: 0, required: 0, self: new MediaStream() });
    const get = Object.getOwnPropertyDescriptor(MediaStream.prototype, 'ended').get;
    expect(() => get.call({})).to.throw(TypeError);
    expect(new MediaStream().ended).to.equal(false);
  });

  it('oninactive runs once the stream ends (native in Chromium, from the same end in Firefox)', async () => {
    const stream = await camera();
    const inactive = new Promise((resolve) => { stream.oninactive = resolve; });
    stream.stop();
    await inactive;
    expect(stream.active).to.equal(false);
  });

  it('adds stop and ended only: a modern stream keeps its own members, uninstall removes them', () => {
    WebRTCLegacy.uninstall();
    expect('stop' in MediaStream.prototype).to.equal(false);
    expect('ended' in MediaStream.prototype).to.equal(false);
    WebRTCLegacy.install();
    const rows = WebRTCLegacy.installed().filter((r) => r.target === 'MediaStream.prototype' && ['stop', 'ended'].includes(r.property));
    expect(rows.map((r) => r.added)).to.deep.equal([true, true]);
  });
});
