/* global conformance, expect */
// What wd-2016-11-24 changed from wd-2016-09-13: the RTCPeerConnectionIceEvent init became optional with a
// nullable candidate and url; RTCDataChannelEventInit.channel became required; RTCSessionDescriptionInit.sdp
// defaults to ""; RTCCertificate gained `fingerprints` (FrozenArray<RTCDtlsFingerprint>).
(function () {
  'use strict';
  const draft = 'wd-2016-11-24';

  conformance.define({
    draft,
    section: 'RTCPeerConnectionIceEvent',
    title: 'new RTCPeerConnectionIceEvent(type) without an init: candidate (and url) null',
    fast: true,
    async run() {
      const e = new RTCPeerConnectionIceEvent('icecandidate');
      expect(e.type).to.equal('icecandidate');
      expect(e.candidate).to.equal(null);
      // Where the engine has `url` at all (Firefox 153 has none: its presence check and left-out/ say so).
      if ('url' in e) expect(e.url).to.equal(null);
    },
  });

  conformance.define({
    draft,
    section: 'RTCDataChannelEvent',
    title: 'new RTCDataChannelEvent without the required channel throws TypeError',
    fast: true,
    async run() {
      expect(() => new RTCDataChannelEvent('datachannel', {})).to.throw(TypeError);
    },
  });

  conformance.define({
    draft,
    section: 'RTCSessionDescription',
    title: 'an RTCSessionDescriptionInit without sdp gives the empty string',
    fast: true,
    async run() {
      expect(new RTCSessionDescription({ type: 'offer' }).sdp).to.equal('');
    },
  });

  conformance.define({
    draft,
    section: 'RTCCertificate.fingerprints',
    title: 'fingerprints is a frozen array of {algorithm, value}, the same one each read',
    fast: true,
    async run() {
      const certificate = await RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' });
      const list = certificate.fingerprints;
      expect(Array.isArray(list), 'an array').to.equal(true);
      expect(Object.isFrozen(list)).to.equal(true);
      expect(certificate.fingerprints).to.equal(list);
      expect(list.length).to.be.above(0);
      for (const f of list) {
        expect(f.algorithm).to.be.a('string');
        expect(f.value).to.match(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})+$/);
      }
    },
  });
})();
