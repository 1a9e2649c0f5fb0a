/* global conformance, expect */
// 2015-02 WD §4.3 the stream methods beside the promise offer/answer, updateIce(configuration), the
// callback forms' failure path, §5 RTCDataChannelInit maxPacketLifeTime, §8 the callback getStats.
(function () {
  'use strict';
  const draft = 'wd-2015-02-10';

  // Two connections trickling to each other, and one promise offer/answer round (conformance/page/helpers.js).
  const { nativePair: pair, exchange: negotiate } = conformance.helpers;

  conformance.define({
    draft, section: '4.3.2', timeout: 30000,
    title: 'addStream, a promise offer/answer, then removeStream and a new offer: the far side gets addstream then removestream for that stream',
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
      const [a, b] = pair(t);
      const added = new Promise((resolve) => (b.onaddstream = (e) => resolve(e.stream)));
      a.addStream(stream);
      await negotiate(a, b);
      const remote = await added;
      expect(remote.getTracks().map((x) => x.kind).sort()).to.deep.equal(['audio', 'video']);
      expect(b.getRemoteStreams()).to.deep.equal([remote]);
      const removed = new Promise((resolve) => (b.onremovestream = (e) => resolve(e.stream)));
      a.removeStream(stream);
      expect(a.getLocalStreams()).to.deep.equal([]);
      await negotiate(a, b);
      expect(await removed).to.equal(remote);
      expect(b.getRemoteStreams()).to.deep.equal([]);
    },
  });

  conformance.define({
    draft, section: '4.3.2', fast: true,
    title: 'updateIce(configuration) gives the ICE agent the new servers: getConfiguration() reports them',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [] }));
      pc.updateIce({ iceServers: [{ urls: 'stun:127.0.0.1:3478' }] });
      const servers = pc.getConfiguration().iceServers.map((s) => [].concat(s.urls)[0]);
      expect(servers).to.deep.equal(['stun:127.0.0.1:3478']);
    },
  });

  conformance.define({
    draft, section: '4.3.2', fast: true,
    title: 'setLocalDescription(answer, success, failure) in the stable state calls failureCallback, and the connection stays usable',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [] }));
      const offer = await pc.createOffer({ offerToReceiveAudio: true });
      const error = await new Promise((resolve, reject) => pc.setLocalDescription({ type: 'answer', sdp: offer.sdp }, () => reject(new Error('success callback called')), resolve));
      // 2015-02 WD: the failure callback gets a DOMError, today a DOMException: either has a name.
      expect(error.name).to.be.a('string').and.not.equal('');
      await pc.setLocalDescription(offer);
      expect(pc.signalingState).to.equal('have-local-offer');
    },
  });

  conformance.define({
    draft, section: '5.1', fast: true,
    title: 'createDataChannel(label, {ordered: false, maxPacketLifeTime}) reports the init it was given',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [] }));
      const channel = pc.createDataChannel('chat', { ordered: false, maxPacketLifeTime: 500, protocol: 'p' });
      expect([channel.label, channel.ordered, channel.maxPacketLifeTime, channel.maxRetransmits, channel.protocol]).to.deep.equal(['chat', false, 500, null, 'p']);
      expect(channel.binaryType).to.be.oneOf(['blob', 'arraybuffer']);
    },
  });

  conformance.define({
    draft, section: '8.2', timeout: 30000,
    title: 'getStats(null, successCallback, failureCallback) answers with a report of the connection',
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true }));
      const [a, b] = pair(t);
      a.addStream(stream);
      await negotiate(a, b);
      const response = await new Promise((resolve, reject) => a.getStats(null, resolve, reject));
      const reports = response.result();
      expect(reports.length).to.be.above(0);
      for (const r of reports) {
        expect(r.type).to.be.a('string');
        expect(r.names()).to.be.an('array');
      }
    },
  });
})();
