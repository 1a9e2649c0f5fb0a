/* global WebRTCLegacy */
// 2016 WD §9.5 the identity members as WebIDL members, in both engines: Chromium through the shim
// (src/drafts/wd-2016-05-31/identity/), Firefox natively (widened for the 2016-05 positional form).
// What an IdP makes of them is in test/e2e/wd-2016-05-31/identity.test.js (it needs the HTTPS IdP).
describe('wd-2016-05-31 §9.5 identity members', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());
  const P = RTCPeerConnection.prototype;

  it('setIdentityProvider / getIdentityAssertion / peerIdentity / idpLoginUrl exist with their IDL length and name', () => {
    expect(P.setIdentityProvider.length).to.equal(1);
    expect(P.setIdentityProvider.name).to.equal('setIdentityProvider');
    expect(P.getIdentityAssertion.length).to.equal(0);
    expect(P.getIdentityAssertion.name).to.equal('getIdentityAssertion');
    for (const name of ['peerIdentity', 'idpLoginUrl']) expect(typeof Object.getOwnPropertyDescriptor(P, name).get, name).to.equal('function');
  });

  it('a new connection: peerIdentity is one pending promise, idpLoginUrl null, getIdentityAssertion() rejects InvalidStateError without a provider', async () => {
    const pc = new RTCPeerConnection();
    try {
      expect(pc.peerIdentity).to.be.an.instanceof(Promise);
      expect(pc.peerIdentity).to.equal(pc.peerIdentity);
      expect(pc.idpLoginUrl).to.equal(null);
      const e = await pc.getIdentityAssertion().then(() => null, (x) => x);
      expect(e && e.name).to.equal('InvalidStateError');
    } finally {
      pc.close();
    }
  });

  it('without a provider, offers carry no a=identity (every call passes through)', async () => {
    const pc = new RTCPeerConnection();
    try {
      pc.addTransceiver('audio');
      const offer = await pc.createOffer();
      expect(offer.sdp).not.to.match(/a=identity/);
      await pc.setLocalDescription(offer);
      expect(pc.localDescription.sdp).not.to.match(/a=identity/);
    } finally {
      pc.close();
    }
  });

  it('takes the 2016-05 positional (provider, protocol, usernameHint) and the options object alike', () => {
    const pc = new RTCPeerConnection();
    try {
      expect(pc.setIdentityProvider('example.invalid', 'default', 'alice@example.invalid')).to.equal(undefined);
      expect(pc.setIdentityProvider('example.invalid', { protocol: 'default', usernameHint: 'alice' })).to.equal(undefined);
      expect(pc.setIdentityProvider('example.invalid')).to.equal(undefined);
    } finally {
      pc.close();
    }
  });

  it('TypeError without arguments or with a wrong this; InvalidStateError on a closed connection', async () => {
    const pc = new RTCPeerConnection();
    expect(() => pc.setIdentityProvider()).to.throw(TypeError);
    expect(() => P.setIdentityProvider.call({}, 'example.invalid')).to.throw(TypeError);
    // Ours (Chromium) brand-checks; Firefox 153's native getter returns undefined for a wrong this (measured).
    const ours = WebRTCLegacy.installed().some((r) => r.target === 'RTCPeerConnection.prototype' && r.property === 'peerIdentity');
    if (ours) expect(() => Object.getOwnPropertyDescriptor(P, 'peerIdentity').get.call({})).to.throw(TypeError);
    pc.close();
    expect(() => pc.setIdentityProvider('example.invalid')).to.throw().with.property('name', 'InvalidStateError');
    const e = await pc.getIdentityAssertion().then(() => null, (x) => x);
    expect(e && e.name).to.equal('InvalidStateError');
  });

  it('RTCIdentityAssertion(idp, name): a constructor with idp and name attributes', () => {
    const a = new RTCIdentityAssertion('idp.example', 'alice@idp.example');
    expect(a).to.include({ idp: 'idp.example', name: 'alice@idp.example' });
    a.name = 'bob@idp.example';
    expect(a.name).to.equal('bob@idp.example');
    expect(RTCIdentityAssertion.length).to.equal(2);
    expect(() => new RTCIdentityAssertion('idp.example')).to.throw(TypeError);
    expect(() => RTCIdentityAssertion('a', 'b')).to.throw(TypeError);
    expect(Object.prototype.toString.call(a)).to.equal('[object RTCIdentityAssertion]');
  });
});
