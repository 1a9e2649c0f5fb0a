/* global conformance, expect */
// 2015-02 WD §4: the callback forms kept beside the promise ones, RTCOfferOptions in the callback
// createOffer, iceTransportPolicy "none", and iceConnectionState completed.
(function () {
  'use strict';
  const draft = 'wd-2015-02-10';
  const sections = (sdp) => sdp.split('\r\n').filter((l) => l.startsWith('m=')).map((l) => l.slice(2, l.indexOf(' ')));

  conformance.define({
    draft, section: '4.3.2', fast: true,
    title: 'createOffer(successCallback, failureCallback, RTCOfferOptions) honours offerToReceiveVideo',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [] }));
      const desc = await new Promise((resolve, reject) => pc.createOffer(resolve, reject, { offerToReceiveVideo: true }));
      expect(sections(desc.sdp)).to.deep.equal(['video']);
    },
  });

  conformance.define({
    draft, section: '4.2.1', timeout: 20000,
    title: 'iceTransportPolicy "none": no candidate is gathered',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [], iceTransportPolicy: 'none' }));
      const found = [];
      pc.onicecandidate = (e) => e.candidate && e.candidate.candidate && found.push(e.candidate.candidate);
      const complete = new Promise((resolve) => (pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && resolve()));
      await pc.setLocalDescription(await pc.createOffer({ offerToReceiveAudio: true }));
      await complete;
      expect(found).to.deep.equal([]);
    },
  });

  conformance.define({
    draft, section: '4.3.1', timeout: 30000,
    title: 'a promise call reaches iceConnectionState completed',
    async run(t) {
      const a = t.track(new RTCPeerConnection({ iceServers: [] }));
      const b = t.track(new RTCPeerConnection({ iceServers: [] }));
      a.onicecandidate = (e) => b.addIceCandidate(e.candidate).catch(() => {});
      b.onicecandidate = (e) => a.addIceCandidate(e.candidate).catch(() => {});
      const completed = new Promise((resolve) => (a.oniceconnectionstatechange = () => a.iceConnectionState === 'completed' && resolve()));
      await a.setLocalDescription(await a.createOffer({ offerToReceiveAudio: true }));
      await b.setRemoteDescription(a.localDescription);
      await b.setLocalDescription(await b.createAnswer());
      await a.setRemoteDescription(b.localDescription);
      await completed;
    },
  });
})();
