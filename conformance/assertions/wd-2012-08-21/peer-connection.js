/* global conformance, expect */
// 2012-08 WD §4 RTCPeerConnection, §5 DataChannel: what a page of the time observes, through the
// draft's own API (callbacks, MediaConstraints, string states).
//
// Not observable from a page (no assertion): §4.3.1 "closing" (close() is synchronous today and the
// draft gives no event between closing and closed); §4.2 the ICE agent's server choice beyond which
// candidates are gathered.
(function () {
  'use strict';
  const { screen } = conformance.helpers;
  const draft = 'wd-2012-08-21';
  const sections = (sdp) => sdp.split('\r\n').filter((l) => l.startsWith('m=')).map((l) => l.slice(2, l.indexOf(' ')));

  /** Two connections trickling candidates as apps of 2012 sent them: {sdpMLineIndex, candidate}. */
  function pair(t, configuration, constraints) {
    const a = t.track(new RTCPeerConnection(configuration || { iceServers: [] }, constraints));
    const b = t.track(new RTCPeerConnection(configuration || { iceServers: [] }, constraints));
    const send = (from, to) => (from.onicecandidate = (e) => {
      if (e.candidate) to.addIceCandidate(new RTCIceCandidate({ sdpMLineIndex: e.candidate.sdpMLineIndex, candidate: e.candidate.candidate }), () => {}, () => {});
    });
    send(a, b);
    send(b, a);
    return [a, b];
  }

  /** The draft's callback round: a offers with `constraints`, b answers with the 2012 createAnswer(offer, ok, err). */
  function negotiate(a, b, constraints) {
    return new Promise((resolve, reject) => {
      a.createOffer((offer) => {
        a.setLocalDescription(offer, () => {
          b.setRemoteDescription(new RTCSessionDescription({ type: offer.type, sdp: offer.sdp }), () => {
            b.createAnswer(offer, (answer) => {
              b.setLocalDescription(answer, () => a.setRemoteDescription(answer, () => resolve(offer), reject), reject);
            }, reject);
          }, reject);
        }, reject);
      }, reject, constraints);
    });
  }

  conformance.define({
    draft, section: '4.3.2', fast: true,
    title: 'createOffer(successCallback) without a failure callback calls the success callback with an offer',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [] }));
      const desc = await new Promise((resolve) => pc.createOffer(resolve));
      expect(desc.type).to.equal('offer');
    },
  });

  conformance.define({
    draft, section: '4.3.2', fast: true,
    title: 'createOffer constraints {mandatory:{OfferToReceiveAudio, OfferToReceiveVideo}} offer to receive both',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [] }));
      const desc = await new Promise((resolve, reject) => pc.createOffer(resolve, reject, { mandatory: { OfferToReceiveAudio: true, OfferToReceiveVideo: true } }));
      expect(sections(desc.sdp)).to.have.members(['audio', 'video']);
    },
  });

  conformance.define({
    draft, section: '4.3.2', timeout: 30000,
    title: 'a receive-only page gets remote video through the callback offer/answer of the time; both sides reach readyState active with open',
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
      const [viewer, sender] = pair(t, { iceServers: [{ url: 'stun:127.0.0.1:3478' }] }, { optional: [{ DtlsSrtpKeyAgreement: true }] });
      stream.getTracks().forEach((track) => sender.addTrack(track, stream));
      const opened = Promise.all([viewer, sender].map((pc) => new Promise((resolve) => (pc.onopen = resolve))));
      const remote = new Promise((resolve) => (viewer.onaddstream = (e) => resolve(e.stream)));
      const states = [viewer.readyState];
      viewer.onstatechange = () => states.push(viewer.readyState);
      await negotiate(viewer, sender, { mandatory: { OfferToReceiveAudio: true, OfferToReceiveVideo: true } });
      expect((await screen(t, await remote)).brightness()).to.be.above(10);
      await opened;
      expect(states).to.include.ordered.members(['new', 'opening', 'active']);
      expect(viewer.iceState).to.be.oneOf(['connected', 'completed']);
      viewer.close();
      expect(viewer.readyState).to.equal('closed');
    },
  });

  conformance.define({
    draft, section: '4.3.2', timeout: 30000,
    title: 'removeStream: the re-offer reaches the far side as removestream, and remoteStreams no longer lists it',
    async run(t) {
      const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
      const [a, b] = pair(t);
      const added = new Promise((resolve) => (b.onaddstream = (e) => resolve(e.stream)));
      a.addStream(stream);
      expect(a.localStreams).to.have.length(1);
      await negotiate(a, b);
      const remote = await added;
      const removed = new Promise((resolve) => (b.onremovestream = (e) => resolve(e.stream)));
      a.removeStream(stream);
      expect(a.localStreams).to.have.length(0);
      await negotiate(a, b);
      expect(await removed).to.equal(remote);
      expect(b.remoteStreams).to.have.length(0);
    },
  });

  conformance.define({
    draft, section: '4.3.2', fast: true,
    title: 'updateIce(null, {mandatory:{IceRestart:true}}) gives the next offer new ICE credentials',
    async run(t) {
      const [a, b] = pair(t);
      const first = await negotiate(a, b, { mandatory: { OfferToReceiveAudio: true } });
      a.updateIce(null, { mandatory: { IceRestart: true } });
      const again = await new Promise((resolve, reject) => a.createOffer(resolve, reject));
      const ufrag = (sdp) => sdp.match(/a=ice-ufrag:(\S+)/)[1];
      expect(ufrag(again.sdp)).to.not.equal(ufrag(first.sdp));
    },
  });

  conformance.define({
    draft, section: '4.3.2', fast: true,
    title: 'an unknown mandatory constraint fails through the failure callback',
    async run(t) {
      const pc = t.track(new RTCPeerConnection({ iceServers: [] }));
      const outcome = await new Promise((resolve) => pc.createOffer(() => resolve('success'), () => resolve('failure'), { mandatory: { NoSuchConstraint: true } }));
      expect(outcome).to.equal('failure');
    },
  });

  conformance.define({
    draft, section: '5.1', timeout: 30000,
    title: 'createDataChannel(label, {reliable:false}) is an unreliable DataChannel that carries a message',
    async run(t) {
      const [a, b] = pair(t);
      const channel = a.createDataChannel('game', { reliable: false });
      expect(channel).to.be.an.instanceof(DataChannel);
      expect(channel.reliable).to.equal(false);
      const got = new Promise((resolve) => (b.ondatachannel = (e) => (e.channel.onmessage = (m) => resolve([e.channel.reliable, m.data]))));
      channel.onopen = () => channel.send('x');
      await negotiate(a, b);
      expect(await got).to.deep.equal([false, 'x']);
    },
  });
  conformance.define({
    draft, section: '4.8.1', fast: true,
    title: 'new RTCIceCandidate({}) and new RTCSessionDescription(): members not given read null, are set afterwards, and the candidate is added',
    async run(t) {
      const desc = new RTCSessionDescription();
      expect(desc.type).to.equal(null);
      const c = new RTCIceCandidate({});
      expect([c.sdpMid, c.sdpMLineIndex]).to.deep.equal([null, null]);
      const a = t.track(new RTCPeerConnection({ iceServers: [] }));
      const b = t.track(new RTCPeerConnection({ iceServers: [] }));
      const offer = await new Promise((resolve, reject) => a.createOffer(resolve, reject, { mandatory: { OfferToReceiveAudio: true } }));
      desc.type = 'offer';
      desc.sdp = offer.sdp;
      await new Promise((resolve, reject) => b.setRemoteDescription(desc, resolve, reject));
      c.candidate = 'candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host';
      c.sdpMLineIndex = 0;
      await new Promise((resolve, reject) => b.addIceCandidate(c, resolve, reject));
      expect(b.remoteDescription.sdp).to.include('192.0.2.1');
    },
  });

  conformance.define({
    draft, section: '4.2.1', fast: true,
    title: 'the RTCSessionDescription stringifier gives a string that carries its type and sdp',
    async run() {
      const text = String(new RTCSessionDescription({ type: 'offer', sdp: 'v=0\r\n' }));
      expect(JSON.parse(text)).to.deep.equal({ type: 'offer', sdp: 'v=0\r\n' });
    },
  });
})();
