/* global conformance, expect, PeerConnection, IceCandidate */
// 2012-03-18 editor's draft PeerConnection ("JSEP"; Chrome shipped it as webkitPeerConnection00):
// synchronous createOffer/createAnswer, setLocalDescription/setRemoteDescription(action, sdp),
// startIce, addIceCandidate, readyState/iceState, streams, close(). Only the IDL of this draft is
// kept (no prose), so each assertion checks what the IDL's synchronous return types and Chrome's
// implementation of it made observable to an app:
// - the actions are Chrome's SDP_OFFER 0x100, SDP_PRANSWER 0x200, SDP_ANSWER 0x300 (the IDL names
//   an undefined SdpType), the states its NEW 0 · OPENING 1 · ACTIVE 2 · CLOSED 3;
// - descriptions are DOMStrings in the IDL: String(desc) is the SDP (Chrome: desc.toSdp()).
// Not asserted: MediaConstraints (undefined by this draft; {has_audio, has_video} hints are Chrome's).
(function () {
  'use strict';
  const { gum, when, screen } = conformance.helpers;
  const draft = 'ed-2012-03-18';
  const SDP_OFFER = 0x100;
  const SDP_PRANSWER = 0x200;
  const SDP_ANSWER = 0x300;
  const [NEW, ACTIVE, CLOSED] = [0, 2, 3];

  /** The synchronous calls need what an engine only gives asynchronously; an app's first offer comes after getUserMedia. */
  async function connection(t, callback = () => {}) {
    const pc = t.track(new PeerConnection(null, callback));
    for (let i = 0; i < 100; i++) {
      try {
        pc.createOffer({ has_audio: true });
        return pc;
      } catch (e) {
        if (e.name !== 'InvalidStateError') throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return pc;
  }

  /** Two connections whose candidates go to each other's addIceCandidate in a later task. */
  async function pair(t) {
    const pcs = {};
    const relay = (to) => (candidate) => candidate && setTimeout(() => pcs[to].readyState !== CLOSED && pcs[to].addIceCandidate(new IceCandidate(candidate.label, candidate.toSdp())), 0);
    pcs.a = await connection(t, relay('b'));
    pcs.b = await connection(t, relay('a'));
    return pcs;
  }

  function codeOf(fn) {
    try {
      fn();
    } catch (e) {
      return e.code;
    }
    return null;
  }

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'createOffer() returns the offer synchronously: an SDP with one m-line per local track kind',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const pc = await connection(t);
      pc.addStream(stream);
      const sdp = String(pc.createOffer({}));
      expect(sdp).to.match(/^v=0\r?\n/);
      expect(sdp.match(/^m=\w+/gm)).to.deep.equal(['m=audio', 'm=video']);
    },
  });

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'createAnswer(offer) returns the answer synchronously, with the offer’s m-lines in order',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const { a, b } = await pair(t);
      a.addStream(stream);
      const offer = String(a.createOffer({}));
      const answer = String(b.createAnswer(offer));
      expect(answer).to.match(/^v=0\r?\n/);
      expect(answer.match(/^m=\w+/gm)).to.deep.equal(offer.match(/^m=\w+/gm));
    },
  });

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'a call: offer, answer, startIce and addIceCandidate; both ACTIVE, addstream with video that is not black',
    timeout: 30000,
    async run(t) {
      const [sa, sb] = [await gum(t, { audio: true, video: true }), await gum(t, { audio: true, video: true })];
      const { a, b } = await pair(t);
      expect(a.readyState).to.equal(NEW);
      const added = new Promise((resolve) => (b.onaddstream = (e) => resolve(e.stream)));
      a.addStream(sa);
      b.addStream(sb);
      const offer = String(a.createOffer({}));
      a.setLocalDescription(SDP_OFFER, offer);
      expect(String(a.localDescription)).to.match(/^v=0/);
      b.setRemoteDescription(SDP_OFFER, offer);
      const answer = String(b.createAnswer(offer, {}));
      b.setLocalDescription(SDP_ANSWER, answer);
      a.setRemoteDescription(SDP_ANSWER, answer);
      a.startIce();
      b.startIce();
      await when([a, b], ['statechange', 'open'], () => a.readyState === ACTIVE && b.readyState === ACTIVE, 'both ACTIVE', 20000);
      const remote = await added;
      expect(b.remoteStreams).to.include(remote);
      const { brightness } = await screen(t, remote);
      expect(brightness()).to.be.above(10);
    },
  });

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'a provisional answer (SDP_PRANSWER) then the answer: the call connects',
    timeout: 30000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const { a, b } = await pair(t);
      a.addStream(stream);
      const offer = String(a.createOffer({}));
      a.setLocalDescription(SDP_OFFER, offer);
      a.startIce();
      b.setRemoteDescription(SDP_OFFER, offer);
      const pranswer = String(b.createAnswer(offer, {}));
      b.setLocalDescription(SDP_PRANSWER, pranswer);
      a.setRemoteDescription(SDP_PRANSWER, pranswer);
      const answer = String(b.createAnswer(offer, {}));
      b.setLocalDescription(SDP_ANSWER, answer);
      a.setRemoteDescription(SDP_ANSWER, answer);
      b.startIce();
      await when([a, b], ['statechange', 'open'], () => a.readyState === ACTIVE && b.readyState === ACTIVE, 'both ACTIVE', 20000);
    },
  });

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'a malformed SDP and an unknown action throw SYNTAX_ERR; the connection still makes an offer',
    fast: true,
    async run(t) {
      const pc = await connection(t);
      expect(codeOf(() => pc.setRemoteDescription(SDP_OFFER, 'not an SDP'))).to.equal(12);
      const offer = String(pc.createOffer({ has_audio: true }));
      expect(codeOf(() => pc.setLocalDescription(0x999, offer))).to.equal(12);
      pc.setLocalDescription(SDP_OFFER, offer);
      expect(String(pc.localDescription)).to.match(/^v=0/);
    },
  });

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'an answer without an offer throws INVALID_STATE_ERR',
    fast: true,
    async run(t) {
      const pc = await connection(t);
      const offer = String(pc.createOffer({ has_audio: true }));
      expect(codeOf(() => pc.setRemoteDescription(SDP_ANSWER, offer))).to.equal(11);
    },
  });

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'close(): readyState CLOSED; every method then throws INVALID_STATE_ERR',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const pc = await connection(t);
      pc.close();
      expect(pc.readyState).to.equal(CLOSED);
      for (const call of [() => pc.createOffer({}), () => pc.startIce(), () => pc.addStream(stream), () => pc.removeStream(stream), () => pc.close()]) {
        expect(codeOf(call), String(call)).to.equal(11);
      }
    },
  });

  conformance.define({
    draft,
    section: 'PeerConnection',
    title: 'addStream/removeStream change localStreams; removeStream of a stranger changes nothing',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const pc = await connection(t);
      pc.addStream(stream);
      expect(Array.from(pc.localStreams)).to.deep.equal([stream]);
      pc.removeStream(new MediaStream());
      expect(pc.localStreams.length).to.equal(1);
      pc.removeStream(stream);
      expect(pc.localStreams.length).to.equal(0);
    },
  });
})();
