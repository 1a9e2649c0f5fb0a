/* global WebRTCLegacy, T, PC */
// 2011 WD §4: "If the iceState is ICEFAILED, a task is queued to call the close method."
describe('wd-2011-10-27 §4 PeerConnection when ICE fails', function () {
  this.timeout(40000);
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('goes ICE_FAILED, then closes itself (CLOSED, ICE_CLOSED) and tells the peer SHUTDOWN', async function () {
    const stream = (await T.legacyGum('audio')).stream;
    const sent = [];
    const pc = new PeerConnection('', (m) => sent.push(PC.read(m)));
    pc.addStream(stream);
    await PC.until(() => sent.length === 1, 'the OFFER');
    const offer = sent[0];
    // A peer whose only candidate is a closed port on loopback: every check fails.
    const peer = new RTCPeerConnection();
    await peer.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
    await peer.setLocalDescription(await peer.createAnswer());
    await PC.until(() => peer.iceGatheringState === 'complete', 'the peer’s gathering');
    const dead = peer.localDescription.sdp
      .split('\r\n')
      .filter((l) => !l.startsWith('a=candidate:') && !l.startsWith('a=end-of-candidates'))
      .flatMap((l) => (l.startsWith('a=mid:') ? [l, 'a=candidate:1 1 udp 2122260223 127.0.0.1 9 typ host', 'a=end-of-candidates'] : [l]))
      .join('\r\n');
    peer.close();
    const states = [];
    pc.onstatechange = () => states.push([pc.readyState, pc.iceState]);
    pc.processSignalingMessage(WebRTCLegacy.roap.serialize({ messageType: 'ANSWER', offererSessionId: offer.offererSessionId, answererSessionId: 'dead-peer', seq: offer.seq, sdp: dead }));
    const failed = await PC.until(() => states.some((x) => x[1] === PeerConnection.ICE_FAILED) || pc.readyState === PeerConnection.CLOSED, 'ICE_FAILED', 20000).then(() => true, () => false);
    if (!failed) {
      // Chromium 156 keeps checking a dead candidate for longer than this test may wait: the
      // behaviour is then not observable here (reported as skipped, not passed).
      pc.close();
      T.stopAll(stream);
      this.skip();
    }
    await PC.until(() => pc.readyState === PeerConnection.CLOSED, 'CLOSED after ICE failure', 10000);
    expect(states.map((s) => s[1])).to.include(PeerConnection.ICE_FAILED);
    expect(pc.iceState).to.equal(PeerConnection.ICE_CLOSED);
    expect(sent.map((m) => m.messageType)).to.include('SHUTDOWN');
    T.stopAll(stream);
  });
});
