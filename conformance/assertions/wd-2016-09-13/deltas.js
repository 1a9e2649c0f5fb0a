/* global conformance, expect */
// What wd-2016-09-13 changed from wd-2016-08-03: RTCDTMFSender lost [NoInterfaceObject] and became an
// EventTarget (`interface RTCDTMFSender : EventTarget`), so tonechange can be listened to with
// addEventListener and `instanceof RTCDTMFSender` holds.
(function () {
  'use strict';
  const { nativePair, exchange, once, when } = conformance.helpers;

  conformance.define({
    draft: 'wd-2016-09-13',
    section: 'RTCDTMFSender',
    title: 'RTCDTMFSender is an interface object inheriting EventTarget; tonechange reaches addEventListener',
    timeout: 40000,
    async run(t) {
      expect(typeof RTCDTMFSender, 'the interface object').to.equal('function');
      expect(Object.getPrototypeOf(RTCDTMFSender.prototype)).to.equal(EventTarget.prototype);
      const [pc1, pc2] = nativePair(t);
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true }));
      const sender = pc1.addTrack(stream.getAudioTracks()[0], stream);
      await exchange(pc1, pc2);
      const dtmf = sender.dtmf;
      expect(dtmf).to.be.an.instanceof(RTCDTMFSender);
      // Tones can be sent once the transport is up.
      await when(pc1, 'connectionstatechange', () => dtmf.canInsertDTMF, 'canInsertDTMF', 15000);
      const tone = once(dtmf, 'tonechange', 15000);
      dtmf.insertDTMF('1');
      expect((await tone).tone).to.equal('1');
    },
  });
})();
