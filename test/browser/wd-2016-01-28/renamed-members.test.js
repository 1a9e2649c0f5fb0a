/* global WebRTCLegacy, T */
// 2016-01-28 … 2016-11-24 WD attributes today's engines renamed or dropped, read from what they have now
// (src/drafts/wd-2016-01-28/renamed-members.ts): installed under 'auto', since the 2016 names mean
// nothing today.
describe('wd-2016-01-28 renamed attributes', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('a call exposes candidate.ip, event.url (where candidates carry it), dtlsTransport.transport, iceTransport.component and rtcpTransport', async function () {
    this.timeout(30000);
    const a = new RTCPeerConnection();
    const b = new RTCPeerConnection();
    const events = [];
    a.onicecandidate = (e) => { if (e.candidate) { events.push(e); b.addIceCandidate(e.candidate).catch(() => {}); } };
    b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate).catch(() => {});
    try {
      const t = a.addTransceiver('audio');
      await a.setLocalDescription(await a.createOffer());
      await b.setRemoteDescription(a.localDescription);
      await b.setLocalDescription(await b.createAnswer());
      await a.setRemoteDescription(b.localDescription);
      while (!events.length) await T.once(a, 'icecandidate');
      const [e] = events;
      expect(e.candidate.ip).to.equal(e.candidate.address);
      expect(e.candidate.ip).to.be.a('string').and.not.equal('');
      if ('url' in RTCIceCandidate.prototype) expect(e.url).to.equal(e.candidate.url);
      else expect('url' in e).to.equal(false);
      const dtls = t.sender.transport;
      expect(dtls.transport).to.equal(dtls.iceTransport);
      expect(dtls.transport.component).to.equal('rtp');
      expect(t.sender.rtcpTransport).to.equal(null);
      expect(t.receiver.rtcpTransport).to.equal(null);
    } finally {
      a.close();
      b.close();
    }
  });

  it('certificate.fingerprints is the frozen getFingerprints(), the same array at every read', async () => {
    const cert = await RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(cert.fingerprints).to.deep.equal(cert.getFingerprints());
    expect(cert.fingerprints).to.equal(cert.fingerprints);
    expect(Object.isFrozen(cert.fingerprints)).to.equal(true);
  });

  it('each getter throws TypeError for a wrong this, and uninstall() removes them all', () => {
    const getters = [
      [RTCIceCandidate, 'ip'],
      [RTCDtlsTransport, 'transport'],
      [RTCIceTransport, 'component'],
      [RTCRtpSender, 'rtcpTransport'],
      [RTCCertificate, 'fingerprints'],
    ];
    for (const [I, name] of getters) {
      const get = Object.getOwnPropertyDescriptor(I.prototype, name).get;
      expect(get.name).to.equal(`get ${name}`);
      expect(() => get.call({}), name).to.throw(TypeError);
    }
    WebRTCLegacy.uninstall();
    try {
      expect('ip' in RTCIceCandidate.prototype).to.equal(false);
      expect('transport' in RTCDtlsTransport.prototype).to.equal(false);
      expect('component' in RTCIceTransport.prototype).to.equal(false);
      expect('fingerprints' in RTCCertificate.prototype).to.equal(false);
    } finally {
      WebRTCLegacy.install();
    }
  });
});

// 2016-05-31 WD §4.10 RTCCertificate.getAlgorithm() (src/drafts/wd-2016-05-31/certificate-algorithm.ts).
describe('wd-2016-05-31 RTCCertificate.getAlgorithm()', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('gives back the algorithm generateCertificate() was asked for; generateCertificate keeps its length and result', async () => {
    expect(RTCPeerConnection.generateCertificate.length).to.equal(1);
    expect(RTCPeerConnection.generateCertificate.name).to.equal('generateCertificate');
    const ecdsa = await RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(ecdsa).to.be.an.instanceof(RTCCertificate);
    expect(ecdsa.getAlgorithm()).to.deep.equal({ name: 'ECDSA', namedCurve: 'P-256' });
    const rsa = await RTCPeerConnection.generateCertificate({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' });
    expect(rsa.getAlgorithm().name).to.equal('RSASSA-PKCS1-v1_5');
    const pc = new RTCPeerConnection({ certificates: [ecdsa] });
    try {
      expect(pc.getConfiguration().certificates[0].getAlgorithm()).to.deep.equal({ name: 'ECDSA', namedCurve: 'P-256' });
    } finally {
      pc.close();
    }
    const e = await RTCPeerConnection.generateCertificate({ name: 'nonsense' }).then(() => null, (x) => x);
    expect(e).to.have.property('name').that.is.a('string');
    expect(() => RTCCertificate.prototype.getAlgorithm.call({})).to.throw(TypeError);
  });
});
