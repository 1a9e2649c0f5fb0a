// Shared by the 2012–2015 RTCPeerConnection suites: pages written the way the samples of 2013 were.
/* global T */
window.PC12 = {
  /** Every connection a test made, closed by PC12.closeAll() in afterEach. */
  made: [],
  make(...args) {
    const pc = new RTCPeerConnection(...args);
    PC12.made.push(pc);
    return pc;
  },
  closeAll() {
    for (const pc of PC12.made.splice(0)) pc.close();
  },
  /** Candidates cross as the apps of the time sent them: `{sdpMLineIndex, candidate}`, no sdpMid. */
  wire(a, b) {
    const send = (from, to) =>
      from.addEventListener('icecandidate', (e) => {
        if (!e.candidate || !e.candidate.candidate) return;
        const msg = JSON.parse(JSON.stringify({ label: e.candidate.sdpMLineIndex, candidate: e.candidate.candidate }));
        to.addIceCandidate(new RTCIceCandidate({ sdpMLineIndex: msg.label, candidate: msg.candidate }), () => {}, () => {});
      });
    send(a, b);
    send(b, a);
  },
  /** One 2013-style callback round: a offers (with `constraints`), b answers. Resolves with the SDPs. */
  negotiate(a, b, constraints) {
    return new Promise((resolve, reject) => {
      a.createOffer((offer) => {
        a.setLocalDescription(offer);
        b.setRemoteDescription(new RTCSessionDescription({ type: offer.type, sdp: offer.sdp }), () => {
          b.createAnswer((answer) => {
            b.setLocalDescription(answer);
            a.setRemoteDescription(new RTCSessionDescription(answer), () => resolve({ offer, answer }), reject);
          }, reject);
        }, reject);
      }, reject, constraints);
    });
  },
  /** Resolves with the first remote stream `pc` reports through onaddstream (or ontrack where none). */
  remoteStream(pc) {
    return new Promise((resolve) => pc.addEventListener('track', (e) => resolve(e.streams[0]), { once: true }));
  },
  sections: (sdp) => sdp.split('\r\n').filter((l) => l.startsWith('m=')).map((l) => l.split(' ')[0].slice(2)),
  ufrags: (sdp) => sdp.split('\r\n').filter((l) => l.startsWith('a=ice-ufrag:')),
};
