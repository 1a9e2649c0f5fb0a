/* global conformance, expect */
// What wd-2016-08-03 changed from wd-2016-05-31: RTCRtpSender.transport and RTCRtpReceiver.transport became
// nullable (`RTCDtlsTransport? transport`): null until a description has set up the transport.
(function () {
  'use strict';
  const { nativePair, exchange } = conformance.helpers;

  conformance.define({
    draft: 'wd-2016-08-03',
    section: 'RTCRtpSender.transport',
    title: 'sender and receiver transport are null before negotiation and an RTCDtlsTransport after it',
    timeout: 20000,
    async run(t) {
      const [pc1, pc2] = nativePair(t);
      const transceiver = pc1.addTransceiver('audio');
      expect(transceiver.sender.transport, 'sender before').to.equal(null);
      expect(transceiver.receiver.transport, 'receiver before').to.equal(null);
      await exchange(pc1, pc2);
      expect(transceiver.sender.transport).to.be.an.instanceof(RTCDtlsTransport);
      expect(transceiver.receiver.transport).to.equal(transceiver.sender.transport);
    },
  });
})();
