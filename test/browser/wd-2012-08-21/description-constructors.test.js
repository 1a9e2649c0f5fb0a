/* global WebRTCLegacy, PC12 */
// 2012-08 WD §4.2.1/§4.8.1: `new RTCSessionDescription()` and `new RTCIceCandidate({})` with every init
// member optional, filled in afterwards, with an era of 2012-08 to 2015-02 (wpt checks today's TypeError
// under `auto`); the 2012-08 stringifier only under its own era.
describe('wd-2012-08-21 RTCSessionDescription / RTCIceCandidate constructors and stringifiers', () => {
  let native;
  before(() => {
    WebRTCLegacy.uninstall();
    native = { RTCSessionDescription, RTCIceCandidate };
  });
  beforeEach(() => WebRTCLegacy.install({ era: '2013-09-10' }));
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.install());

  const offerSdp = async () => {
    const pc = PC12.make();
    return (await pc.createOffer({ offerToReceiveAudio: true })).sdp;
  };

  it('new RTCSessionDescription() reads type null, is filled in afterwards and set as the remote offer', async () => {
    const desc = new RTCSessionDescription();
    expect(desc).to.be.an.instanceof(RTCSessionDescription);
    expect(desc.type).to.equal(null);
    expect(desc.sdp).to.equal('');
    desc.type = 'offer';
    desc.sdp = await offerSdp();
    expect(JSON.parse(JSON.stringify(desc))).to.deep.equal({ type: 'offer', sdp: desc.sdp });
    const b = PC12.make();
    await new Promise((resolve, reject) => b.setRemoteDescription(desc, resolve, reject));
    expect(b.signalingState).to.equal('have-remote-offer');
    expect(JSON.parse(JSON.stringify(new RTCSessionDescription({ sdp: 'v=0\r\n' })))).to.deep.equal({ type: null, sdp: 'v=0\r\n' });
  });

  it('new RTCIceCandidate({}) reads nulls, is filled in afterwards and added', async () => {
    const a = PC12.make();
    const b = PC12.make();
    const candidates = [];
    a.onicecandidate = (e) => e.candidate && e.candidate.candidate && candidates.push(e.candidate);
    a.addTransceiver('audio');
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription);
    for (const init of [undefined, {}, { candidate: '' }]) {
      const c = new RTCIceCandidate(init);
      expect(c).to.be.an.instanceof(RTCIceCandidate);
      expect([c.candidate, c.sdpMid, c.sdpMLineIndex]).to.deep.equal(['', null, null]);
      expect(JSON.parse(JSON.stringify(c))).to.deep.equal({ candidate: '', sdpMid: null, sdpMLineIndex: null });
    }
    await new Promise((resolve) => (a.iceGatheringState === 'complete' ? resolve() : a.addEventListener('icegatheringstatechange', () => a.iceGatheringState === 'complete' && resolve())));
    expect(candidates).to.not.be.empty;
    const c = new RTCIceCandidate({});
    c.candidate = candidates[0].candidate;
    c.sdpMLineIndex = 0;
    await new Promise((resolve, reject) => b.addIceCandidate(c, resolve, reject));
    expect(b.remoteDescription.sdp).to.include(candidates[0].candidate.split(' ')[4]);
  });

  it('modern calls reach the native constructors unchanged; the interface objects look native', () => {
    for (const name of ['RTCSessionDescription', 'RTCIceCandidate']) {
      const W = window[name];
      expect(W.name).to.equal(name);
      expect(W.length).to.equal(native[name].length);
      expect(W.prototype).to.equal(native[name].prototype);
      expect(W.prototype.constructor).to.equal(W);
      expect(() => W({})).to.throw(TypeError);
    }
    const c = new RTCIceCandidate({ candidate: '', sdpMid: '0' });
    expect(Object.getOwnPropertyNames(c)).to.deep.equal([]);
    expect([c.sdpMid, c.sdpMLineIndex]).to.deep.equal(['0', null]);
    const d = new RTCSessionDescription({ type: 'answer', sdp: '' });
    expect(Object.getOwnPropertyNames(d)).to.deep.equal([]);
    expect(JSON.stringify(d)).to.equal(JSON.stringify(new native.RTCSessionDescription({ type: 'answer', sdp: '' })));
    // What the drafts rejected too still throws the engine's error.
    expect(() => new RTCSessionDescription({ type: 'bogus' })).to.throw(TypeError);
    expect(String(d)).to.equal('[object RTCSessionDescription]');
    for (const again of [() => WebRTCLegacy.install(), () => WebRTCLegacy.uninstall()]) {
      again();
      expect(RTCIceCandidate).to.equal(native.RTCIceCandidate);
      expect(() => new RTCIceCandidate({})).to.throw(TypeError);
    }
  });

  it("the prefixed names are the widened constructors: new mozRTCIceCandidate({}) (prefixes: 'all')", () => {
    WebRTCLegacy.install({ era: '2013-09-10', prefixes: 'all' });
    expect(mozRTCIceCandidate).to.equal(RTCIceCandidate);
    expect(new mozRTCIceCandidate({}).sdpMid).to.equal(null);
    expect(new mozRTCSessionDescription().type).to.equal(null);
  });

  it("String(desc) and String(candidate) are their JSON only under era '2012-08-21'", () => {
    WebRTCLegacy.install({ era: '2012-08-21' });
    const d = new RTCSessionDescription({ type: 'offer', sdp: 'v=0\r\n' });
    expect(String(d)).to.equal(JSON.stringify({ type: 'offer', sdp: 'v=0\r\n' }));
    const c = new RTCIceCandidate({ candidate: '', sdpMLineIndex: 0 });
    expect(JSON.parse(String(c))).to.include({ candidate: '', sdpMLineIndex: 0 });
    expect(String(new RTCIceCandidate({}))).to.equal('{"candidate":"","sdpMid":null,"sdpMLineIndex":null}');
    expect(RTCSessionDescription.prototype.toString.length).to.equal(0);
    expect(() => RTCSessionDescription.prototype.toString.call({})).to.throw(TypeError);
    WebRTCLegacy.install();
    expect(String(d)).to.equal('[object RTCSessionDescription]');
  });
});
