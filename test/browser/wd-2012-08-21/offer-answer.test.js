/* global WebRTCLegacy, T, PC12 */
// 2012-08 WD §4.3.2 and the samples of 2013: callback offer/answer with optional failure callbacks,
// {mandatory, optional} constraints, the 2012 createAnswer(offer, ok, err, constraints).
describe('wd-2012-08-21 offer/answer on the native RTCPeerConnection', () => {
  const NAMES = ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription', 'addIceCandidate'];
  let native;
  before(() => {
    WebRTCLegacy.uninstall();
    native = NAMES.map((n) => [n, RTCPeerConnection.prototype[n].length, RTCPeerConnection.prototype[n].name]);
    WebRTCLegacy.install();
  });
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.uninstall());

  it('a receive-only 2013 page gets the far side\'s video: createOffer(ok) with {mandatory:{OfferToReceive*}}, setLocalDescription(desc), setRemoteDescription(desc, ok), createAnswer(ok)', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const viewer = PC12.make();
    const sender = PC12.make();
    stream.getTracks().forEach((t) => sender.addTrack(t, stream));
    PC12.wire(viewer, sender);
    const remote = PC12.remoteStream(viewer);
    const { offer } = await PC12.negotiate(viewer, sender, { mandatory: { OfferToReceiveAudio: true, OfferToReceiveVideo: true } });
    expect(PC12.sections(offer.sdp)).to.have.members(['audio', 'video']);
    const got = await remote;
    expect(await T.brightness(got)).to.be.above(10);
    T.stopAll(stream);
  });

  it('createOffer(ok) alone calls ok (today both engines read a lone function as options)', async () => {
    const pc = PC12.make();
    const desc = await new Promise((resolve) => pc.createOffer(resolve));
    expect(desc.type).to.equal('offer');
  });

  it('the 2012-08 createAnswer(offer, ok, err, constraints) answers the remote offer', async () => {
    const a = PC12.make();
    const b = PC12.make();
    const offer = await a.createOffer({ offerToReceiveAudio: true });
    await b.setRemoteDescription(offer);
    const answer = await new Promise((resolve, reject) => b.createAnswer(offer, resolve, reject, { mandatory: { OfferToReceiveAudio: true } }));
    expect(answer.type).to.equal('answer');
    expect(PC12.sections(answer.sdp)).to.deep.equal(['audio']);
  });

  it('optional constraints: IceRestart gives new ICE credentials, an unknown optional name is ignored', async () => {
    const a = PC12.make();
    const b = PC12.make();
    PC12.wire(a, b);
    const { offer: first } = await PC12.negotiate(a, b, { mandatory: { OfferToReceiveAudio: true } });
    const second = await new Promise((resolve, reject) => a.createOffer(resolve, reject, { optional: [{ IceRestart: true }, { googFancyThing: 3 }] }));
    expect(PC12.ufrags(second.sdp)).to.not.deep.equal(PC12.ufrags(first.sdp));
  });

  it('VoiceActivityDetection false leaves comfort noise out of the offer', async () => {
    const pc = PC12.make();
    const off = await new Promise((resolve, reject) => pc.createOffer(resolve, reject, { mandatory: { OfferToReceiveAudio: true, VoiceActivityDetection: false } }));
    expect(off.sdp).to.not.match(/CN\/8000/);
    expect(PC12.sections(off.sdp)).to.deep.equal(['audio']);
  });

  it('an unknown mandatory constraint fails through the failure callback, and the connection stays usable', async () => {
    const pc = PC12.make();
    const err = await new Promise((resolve) => pc.createOffer(() => resolve(null), resolve, { mandatory: { OfferToReceiveSmell: true } }));
    expect(err.name).to.equal('ConstraintNotSatisfiedError');
    const bad = await new Promise((resolve) => pc.createOffer(() => resolve(null), resolve, { mandatory: { OfferToReceiveAudio: 'loud' } }));
    expect(bad.name).to.equal('ConstraintNotSatisfiedError');
    const off = await pc.createOffer({ offerToReceiveVideo: true });
    expect(PC12.sections(off.sdp)).to.deep.equal(['video']);
    // Constraints of the wrong type: the TypeError the drafts' bindings threw, not a silent stall.
    expect(() => pc.createOffer(() => {}, () => {}, 'nonsense')).to.throw(TypeError);
    expect(() => pc.createAnswer(() => {}, null, 5)).to.throw(TypeError);
    const ignoring = await new Promise((resolve, reject) => pc.createOffer(resolve, reject, { optional: 'not a list', mandatory: { OfferToReceiveAudio: true } }));
    expect(PC12.sections(ignoring.sdp)).to.include('audio');
    const rejected = await pc.createOffer({ mandatory: { Nope: true } }).then(() => null, (e) => e);
    expect(rejected.name).to.equal('ConstraintNotSatisfiedError');
  });

  it('setRemoteDescription(desc, ok) and addIceCandidate(candidate, ok) call ok in both engines', async () => {
    const a = PC12.make();
    const b = PC12.make();
    const offer = await a.createOffer({ offerToReceiveAudio: true });
    await a.setLocalDescription(offer);
    await new Promise((resolve) => b.setRemoteDescription({ type: 'offer', sdp: offer.sdp }, resolve));
    expect(b.signalingState).to.equal('have-remote-offer');
    const cand = new RTCIceCandidate({ sdpMLineIndex: 0, candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host' });
    await new Promise((resolve) => b.addIceCandidate(cand, resolve));
  });

  it('modern calls are untouched: native .length and .name, TypeError on a wrong this, promise results', async () => {
    expect(NAMES.map((n) => [n, RTCPeerConnection.prototype[n].length, RTCPeerConnection.prototype[n].name])).to.deep.equal(native);
    for (const n of NAMES) {
      const e = await RTCPeerConnection.prototype[n].call({}).then(() => null, (x) => x);
      expect(e, n).to.be.an.instanceof(TypeError);
      expect(() => new RTCPeerConnection.prototype[n](), n).to.throw(TypeError);
    }
    const pc = PC12.make();
    const p = pc.createOffer({ offerToReceiveAudio: true, offerToReceiveVideo: true });
    expect(p).to.be.an.instanceof(Promise);
    expect(PC12.sections((await p).sdp)).to.deep.equal(['audio', 'video']);
    const err = await pc.setRemoteDescription({ type: 'answer', sdp: 'garbage' }).then(() => null, (x) => x);
    expect(err && err.name).to.be.a('string');
  });
});
