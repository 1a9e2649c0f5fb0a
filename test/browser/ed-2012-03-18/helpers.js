// Two JSEP-00 PeerConnections in one page, as the samples of spring 2012 wired them: candidates from
// each iceCallback go, in a later task, to the other side's processIceMessage.
/* global T, SessionDescription, IceCandidate, WebRTCLegacy */
window.JSEP = {
  /** The constructor under test: webkitPeerConnection00 unless given (window.PeerConnection). */
  pair({ Ctor = window.webkitPeerConnection00, config = null } = {}) {
    const log = { a: [], b: [] };
    let a, b;
    const relay = (from) => (candidate, moreToFollow) => {
      log[from].push({ candidate: candidate && candidate.toSdp(), label: candidate && candidate.label, moreToFollow });
      if (!candidate) return;
      // Over the wire and back, as an app of the time sent { label, candidate: toSdp() }.
      const wire = JSON.parse(JSON.stringify({ label: candidate.label, sdp: candidate.toSdp() }));
      setTimeout(() => {
        const to = from === 'a' ? b : a;
        if (to.readyState !== to.CLOSED) to.processIceMessage(new IceCandidate(wire.label, wire.sdp));
      }, 0);
    };
    a = new Ctor(config, relay('a'));
    b = new Ctor(config, relay('b'));
    return { a, b, log };
  },
  /** Offer from a, (optionally a PRANSWER, then) ANSWER from b, startIce on both: the 2012 sample order. */
  async call(a, b, { pranswer = false, hints } = {}) {
    const offer = a.createOffer(hints);
    a.setLocalDescription(a.SDP_OFFER, offer);
    a.startIce();
    await T.nextTask();
    b.setRemoteDescription(b.SDP_OFFER, new SessionDescription(offer.toSdp()));
    if (pranswer) {
      const pr = b.createAnswer(offer.toSdp(), hints);
      b.setLocalDescription(b.SDP_PRANSWER, pr);
      await T.nextTask();
      a.setRemoteDescription(a.SDP_PRANSWER, new SessionDescription(pr.toSdp()));
    }
    const answer = b.createAnswer(offer.toSdp(), hints);
    b.setLocalDescription(b.SDP_ANSWER, answer);
    b.startIce();
    await T.nextTask();
    a.setRemoteDescription(a.SDP_ANSWER, new SessionDescription(answer.toSdp()));
    return { offer, answer };
  },
  async until(pred, what, ms = 20000) {
    const start = Date.now();
    while (!pred()) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await T.sleep(20);
    }
  },
  /** The shim prepares the synchronous calls in the background after install(): wait for it as an app's getUserMedia would. */
  async prepared(Ctor = window.webkitPeerConnection00) {
    await JSEP.until(() => {
      const pc = new Ctor(null, () => {});
      try {
        pc.createOffer({ has_audio: true });
        return true;
      } catch (e) {
        if (e.name !== 'InvalidStateError') throw e;
        return false;
      } finally {
        pc.close();
      }
    }, 'the synchronous offer preparation');
  },
  /**
   * The hooks every JSEP suite uses: install and wait for the preparation; close the connections and
   * stop the streams each test made. Returns `gum()` and `track(...pcs)` for the tests.
   */
  useSuite() {
    let streams = [];
    let pcs = [];
    before(async () => {
      WebRTCLegacy.install();
      await JSEP.prepared();
    });
    afterEach(() => {
      JSEP.closeAll(...pcs);
      pcs = [];
      streams.forEach((s) => T.stopAll(s));
      streams = [];
    });
    after(() => WebRTCLegacy.uninstall());
    return {
      gum: async () => {
        const s = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
        streams.push(s);
        return s;
      },
      track: (...p) => (pcs.push(...p), p),
      pcs: () => pcs,
    };
  },
  closeAll(...pcs) {
    for (const p of pcs) if (p && p.readyState !== p.CLOSED) p.close();
  },
};
