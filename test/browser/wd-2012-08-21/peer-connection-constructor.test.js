/* global WebRTCLegacy, T, PC12 */
// 2012-08 WD §4.1 new RTCPeerConnection(configuration, constraints), and the 2014 editor's draft
// iceTransports, over the native constructor.
describe('wd-2012-08-21 new RTCPeerConnection(configuration, constraints)', () => {
  let Native;
  before(() => {
    WebRTCLegacy.uninstall();
    Native = window.RTCPeerConnection;
    WebRTCLegacy.install();
  });
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.uninstall());

  /** Resolves with every candidate `pc` gathers for a receive-only offer, once gathering completes. */
  async function gathered(pc) {
    const found = [];
    pc.addEventListener('icecandidate', (e) => e.candidate && e.candidate.candidate && found.push(e.candidate.candidate));
    const done = new Promise((resolve) => pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve()));
    await pc.setLocalDescription(await pc.createOffer({ offerToReceiveAudio: true }));
    await done;
    return { found, sdp: pc.localDescription.sdp };
  }

  it('a 2013 call with {optional:[{DtlsSrtpKeyAgreement:true},{RtpDataChannels:true}]} and {url} servers carries a datagram', async () => {
    const config = { iceServers: [{ url: 'stun:127.0.0.1:3478' }] };
    const constraints = { optional: [{ DtlsSrtpKeyAgreement: true }, { RtpDataChannels: true }] };
    const a = PC12.make(config, constraints);
    const b = PC12.make(config, constraints);
    PC12.wire(a, b);
    const channel = a.createDataChannel('chat');
    const arrived = new Promise((resolve) => (b.ondatachannel = (e) => (e.channel.onmessage = (m) => resolve(m.data))));
    channel.onopen = () => channel.send('hello 2013');
    await PC12.negotiate(a, b);
    expect(await arrived).to.equal('hello 2013');
  });

  it('2012 TURN servers: turn:user@host with a credential, and a credential with no username (dropped, with a message)', () => {
    const withUser = PC12.make({ iceServers: [{ url: 'turn:alice@127.0.0.1:3478', credential: 'secret' }] });
    expect(withUser.getConfiguration().iceServers.map((s) => [s.username, [].concat(s.urls)[0]])).to.deep.equal([['alice', 'turn:127.0.0.1:3478']]);
    const noUser = PC12.make({ iceServers: [{ url: 'turn:127.0.0.1:3478', credential: 'secret' }, { url: 'stun:127.0.0.1:3478' }] });
    expect(noUser.getConfiguration().iceServers.map((s) => [].concat(s.urls)[0])).to.deep.equal(['stun:127.0.0.1:3478']);
  });

  it('iceTransports "relay" is today\'s policy; "none" lets no candidate leave (with an era of the drafts)', async () => {
    WebRTCLegacy.uninstall();
    WebRTCLegacy.install({ era: '2013-09-10' });
    expect(PC12.make({ iceTransports: 'relay' }).getConfiguration().iceTransportPolicy).to.equal('relay');
    expect(PC12.make({ iceTransports: 'all' }).getConfiguration().iceTransportPolicy).to.equal('all');
    const all = await gathered(PC12.make({ iceTransports: 'all' }));
    expect(all.found.length).to.be.above(0);
    const none = await gathered(PC12.make({ iceTransports: 'none', iceServers: [{ urls: 'stun:127.0.0.1:3478' }] }));
    expect(none.found).to.deep.equal([]);
    expect(none.sdp).to.not.match(/a=candidate/);
    // 2015-02 WD: iceTransportPolicy "none" (today's engines throw a TypeError on it).
    const policyNone = await gathered(PC12.make({ iceTransportPolicy: 'none' }));
    expect(policyNone.found).to.deep.equal([]);
    WebRTCLegacy.uninstall();
    WebRTCLegacy.install();
  });

  it("the default install keeps today's meaning web-platform-tests checks: iceTransports has no effect, iceTransportPolicy \"none\" throws TypeError", () => {
    expect(PC12.make({ iceTransports: 'relay' }).getConfiguration().iceTransportPolicy).to.equal('all');
    expect(() => PC12.make({ iceTransportPolicy: 'none' })).to.throw(TypeError);
    // A configuration written today's way keeps today's error (RTCConfiguration-iceServers.html).
    expect(() => PC12.make({ iceServers: [{}] })).to.throw(TypeError);
    expect(() => PC12.make({ iceServers: [{ urls: 'turn:127.0.0.1', credential: 'c' }] })).to.throw().with.property('name', 'InvalidAccessError');
  });

  it('a modern page sees the native interface: prototype, instanceof, statics, name, length, subclassing, errors', async () => {
    expect(RTCPeerConnection.prototype).to.equal(Native.prototype);
    expect(RTCPeerConnection.name).to.equal(Native.name);
    expect(RTCPeerConnection.length).to.equal(Native.length);
    expect(Object.getPrototypeOf(RTCPeerConnection)).to.equal(EventTarget);
    // The static is the native one, or the 2016 surface's widening of it (RTCCertificate.getAlgorithm()):
    // the same shape either way.
    expect([RTCPeerConnection.generateCertificate.name, RTCPeerConnection.generateCertificate.length]).to.deep.equal([Native.generateCertificate.name, Native.generateCertificate.length]);
    expect(Object.getOwnPropertyNames(RTCPeerConnection).sort()).to.deep.equal(Object.getOwnPropertyNames(Native).sort());
    const d = Object.getOwnPropertyDescriptor(RTCPeerConnection, 'prototype');
    expect([d.writable, d.enumerable, d.configurable]).to.deep.equal([false, false, false]);
    const pc = PC12.make();
    expect(pc).to.be.an.instanceof(RTCPeerConnection).and.an.instanceof(Native);
    expect(pc.constructor).to.equal(RTCPeerConnection);
    expect(() => RTCPeerConnection()).to.throw(TypeError);
    class Mine extends RTCPeerConnection {}
    const mine = new Mine();
    PC12.made.push(mine);
    expect(Object.getPrototypeOf(mine)).to.equal(Mine.prototype);
    const cert = await RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(PC12.make({ certificates: [cert] }).getConfiguration().certificates).to.have.length(1);
    const thrown = (C) => { try { new C({ iceServers: [{ urls: 'bogus:x' }] }); return null; } catch (e) { return e.name; } };
    expect(thrown(RTCPeerConnection)).to.be.a('string').and.equal(thrown(Native));
    if (window.webkitRTCPeerConnection) expect(webkitRTCPeerConnection).to.equal(RTCPeerConnection);
    WebRTCLegacy.uninstall();
    expect(window.RTCPeerConnection).to.equal(Native);
    expect(Native.prototype.constructor).to.equal(Native);
    WebRTCLegacy.install();
  });
});
