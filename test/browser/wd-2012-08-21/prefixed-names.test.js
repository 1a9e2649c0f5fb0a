/* global WebRTCLegacy, PC12 */
// Principle 2: prefixed names completed within the family the engine announces; prefixes: 'all' adds both.
describe('wd-2012-08-21 prefixed names', () => {
  const MOZ = ['mozRTCPeerConnection', 'mozRTCSessionDescription', 'mozRTCIceCandidate'];
  const WEBKIT = ['webkitRTCPeerConnection', 'webkitMediaStream', 'webkitURL'];
  let family;
  before(() => {
    WebRTCLegacy.uninstall();
    family = { moz: typeof navigator.mozGetUserMedia === 'function', webkit: typeof navigator.webkitGetUserMedia === 'function', had: [...MOZ, ...WEBKIT].filter((n) => n in window) };
  });
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.uninstall());

  it('by default only the announced family is completed, so a 2013 adapter takes this engine\'s path', () => {
    WebRTCLegacy.install();
    for (const n of MOZ) expect(n in window, n).to.equal(family.moz || family.had.includes(n));
    for (const n of ['webkitRTCPeerConnection', 'webkitMediaStream']) expect(n in window, n).to.equal(family.webkit || family.had.includes(n));
  });

  it("prefixes: 'all' gives both families, each the unprefixed interface, and a call made with the moz names works", async () => {
    WebRTCLegacy.install({ prefixes: 'all' });
    expect(mozRTCPeerConnection).to.equal(RTCPeerConnection);
    expect(mozRTCSessionDescription).to.equal(RTCSessionDescription);
    expect(mozRTCIceCandidate).to.equal(RTCIceCandidate);
    expect(webkitRTCPeerConnection).to.equal(RTCPeerConnection);
    expect(webkitMediaStream).to.equal(MediaStream);
    expect(webkitURL).to.equal(URL);
    const a = new mozRTCPeerConnection();
    const b = new webkitRTCPeerConnection();
    PC12.made.push(a, b);
    const offer = await a.createOffer({ offerToReceiveAudio: true });
    await new Promise((resolve, reject) => b.setRemoteDescription(new mozRTCSessionDescription({ type: 'offer', sdp: offer.sdp }), resolve, reject));
    await new Promise((resolve) => b.addIceCandidate(new mozRTCIceCandidate({ sdpMLineIndex: 0, candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host' }), resolve, resolve));
    expect(b.signalingState).to.equal('have-remote-offer');
    // A page may assign the names, as it could the engines' own.
    window.mozRTCPeerConnection = 5;
    expect(window.mozRTCPeerConnection).to.equal(5);
    WebRTCLegacy.uninstall();
    for (const n of MOZ.concat(WEBKIT)) expect(n in window, n).to.equal(family.had.includes(n));
  });

  it('stay the interface when the page nulls or wraps the unprefixed name, as the adapter.js of 2013 and 2015 did', () => {
    WebRTCLegacy.install({ prefixes: 'all' });
    const Interface = RTCPeerConnection;
    try {
      // 2013: `var RTCPeerConnection = null;` at the top, then `RTCPeerConnection = mozRTCPeerConnection`.
      window.RTCPeerConnection = null;
      expect(mozRTCPeerConnection).to.equal(Interface);
      // 2015: a function of its own that calls `new mozRTCPeerConnection(...)` when called.
      window.RTCPeerConnection = function (config, constraints) { return new mozRTCPeerConnection(config, constraints); };
      window.RTCPeerConnection.prototype = mozRTCPeerConnection.prototype;
      const pc = new RTCPeerConnection({ iceServers: [] }, { optional: [{ DtlsSrtpKeyAgreement: true }] });
      PC12.made.push(pc);
      expect(pc).to.be.an.instanceof(Interface);
      expect(mozRTCPeerConnection).to.equal(Interface);
    } finally {
      window.RTCPeerConnection = Interface;
    }
  });
});
