/* global WebRTCLegacy, T, PC12 */
// 2012-08 / 2013-09 WD §4.3.2: addStream, removeStream, onaddstream, onremovestream, getLocalStreams,
// getRemoteStreams, getStreamById, localStreams / remoteStreams, in a 2013-style call.
describe('wd-2012-08-21 streams on the native RTCPeerConnection', () => {
  before(() => WebRTCLegacy.install());
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.uninstall());

  it('a stream added, seen with its video on the far side, then removed: the re-offer reaches the far side as removestream', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const a = PC12.make();
    const b = PC12.make();
    PC12.wire(a, b);
    const added = new Promise((resolve) => (b.onaddstream = (e) => resolve(e.stream)));
    a.addStream(stream);
    expect(a.getLocalStreams()).to.deep.equal([stream]);
    expect(a.localStreams).to.deep.equal([stream]);
    expect(a.getStreamById(stream.id)).to.equal(stream);
    await PC12.negotiate(a, b);
    const remote = await added;
    expect(remote.id).to.equal(stream.id);
    expect(b.getRemoteStreams()).to.deep.equal([remote]);
    expect(b.remoteStreams).to.deep.equal([remote]);
    expect(b.getStreamById(stream.id)).to.equal(remote);
    expect(b.getStreamById('nope')).to.equal(null);
    expect(await T.brightness(remote)).to.be.above(10);

    const removed = new Promise((resolve) => (b.onremovestream = (e) => resolve(e.stream)));
    const listened = new Promise((resolve) => b.addEventListener('removestream', resolve, { once: true }));
    const needed = T.once(a, 'negotiationneeded');
    a.removeStream(stream);
    expect(a.getLocalStreams()).to.deep.equal([]);
    await needed;
    await PC12.negotiate(a, b);
    expect(await removed).to.equal(remote);
    expect((await listened).stream).to.equal(remote);
    expect(b.getRemoteStreams()).to.deep.equal([]);
    expect(b.getStreamById(stream.id)).to.equal(null);

    // Added again: the far side hears of it again.
    const again = new Promise((resolve) => (b.onaddstream = (e) => resolve(e.stream)));
    a.addStream(stream);
    expect(a.getLocalStreams()).to.deep.equal([stream]);
    await PC12.negotiate(a, b);
    expect((await again).id).to.equal(stream.id);
    T.stopAll(stream);
  });

  it('WebIDL: wrong this and missing arguments are TypeErrors; lengths are the draft\'s', () => {
    const proto = RTCPeerConnection.prototype;
    expect(proto.removeStream.length).to.equal(1);
    expect(proto.getStreamById.length).to.equal(1);
    expect(() => proto.getStreamById.call({}, 'x')).to.throw(TypeError);
    expect(() => proto.removeStream.call({}, new MediaStream())).to.throw(TypeError);
    const pc = PC12.make();
    expect(() => pc.getStreamById()).to.throw(TypeError);
    expect(() => pc.removeStream()).to.throw(TypeError);
    expect(() => Object.getOwnPropertyDescriptor(proto, 'localStreams').get.call({})).to.throw(TypeError);
  });
});

describe('wd-2012-08-21 getStreamById and the 2011 label', () => {
  before(() => WebRTCLegacy.install());
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.uninstall());

  it('finds a stream by its id, by its 2011 label, and by the uuid with or without Firefox\'s braces', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const pc = PC12.make();
      pc.addStream(stream);
      const uuid = stream.id.replace(/^\{(.*)\}$/, '$1');
      expect(pc.getStreamById(stream.id)).to.equal(stream);
      expect(pc.getStreamById(uuid)).to.equal(stream);
      expect(pc.getStreamById(`{${uuid}}`)).to.equal(stream);
      if ('label' in stream) expect(pc.getStreamById(stream.label)).to.equal(stream);
      expect(pc.getStreamById(`{${uuid}`)).to.equal(null);
      expect(pc.getStreamById('')).to.equal(null);
    } finally {
      T.stopAll(stream);
    }
  });
});
