/* global conformance, expect */
// 2013-09 WD §4 RTCPeerConnection: the stream methods, the callback offer/answer and the
// iceConnectionState of the time. (getStats and createDTMFSender are asserted in their own files.)
(function () {
  'use strict';
  const draft = 'wd-2013-09-10';

  function pair(t) {
    const a = t.track(new RTCPeerConnection({ iceServers: [] }));
    const b = t.track(new RTCPeerConnection({ iceServers: [] }));
    a.onicecandidate = (e) => e.candidate && b.addIceCandidate(new RTCIceCandidate({ sdpMLineIndex: e.candidate.sdpMLineIndex, candidate: e.candidate.candidate }), () => {}, () => {});
    b.onicecandidate = (e) => e.candidate && a.addIceCandidate(new RTCIceCandidate({ sdpMLineIndex: e.candidate.sdpMLineIndex, candidate: e.candidate.candidate }), () => {}, () => {});
    return [a, b];
  }
  function negotiate(a, b, constraints) {
    return new Promise((resolve, reject) => {
      a.createOffer((offer) => {
        a.setLocalDescription(offer, () => b.setRemoteDescription(offer, () => b.createAnswer((answer) => {
          b.setLocalDescription(answer, () => a.setRemoteDescription(answer, resolve, reject), reject);
        }, reject), reject), reject);
      }, reject, constraints);
    });
  }

  conformance.define({
    draft, section: '4.3.2', timeout: 30000,
    title: 'getLocalStreams, getRemoteStreams and getStreamById find the streams of a call, and null for another id',
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
      const [a, b] = pair(t);
      const added = new Promise((resolve) => (b.onaddstream = (e) => resolve(e.stream)));
      a.addStream(stream);
      expect(a.getLocalStreams()).to.deep.equal([stream]);
      expect(a.getStreamById(stream.id)).to.equal(stream);
      await negotiate(a, b);
      const remote = await added;
      expect(b.getRemoteStreams()).to.deep.equal([remote]);
      expect(b.getStreamById(stream.id)).to.equal(remote);
      expect(b.getStreamById('no-such-stream')).to.equal(null);
    },
  });

  conformance.define({
    draft, section: '4.3.2', timeout: 30000,
    title: 'removeStream reaches the far side as removestream',
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
      const [a, b] = pair(t);
      a.addStream(stream);
      await negotiate(a, b);
      const removed = new Promise((resolve) => (b.onremovestream = (e) => resolve(e.stream.id)));
      a.removeStream(stream);
      await negotiate(a, b);
      expect(await removed).to.equal(stream.id);
      expect(b.getRemoteStreams()).to.have.length(0);
    },
  });

  conformance.define({
    draft, section: '4.3.1', timeout: 30000,
    title: 'iceConnectionState reaches completed once checking is done, with its event',
    async run(t) {
      const [a, b] = pair(t);
      const seen = [];
      const completed = new Promise((resolve) => (a.oniceconnectionstatechange = () => (seen.push(a.iceConnectionState), a.iceConnectionState === 'completed' && resolve())));
      await negotiate(a, b, { mandatory: { OfferToReceiveAudio: true } });
      await completed;
      expect(seen).to.include('completed');
    },
  });
})();
