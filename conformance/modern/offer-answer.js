// Modern regression: the promise offer/answer exchange between two RTCPeerConnections in one page,
// trickling candidates, up to connectionState 'connected'. Observed: the signalingState and
// connectionState sequences each side goes through, the descriptions' types and classes, the
// promises' resolution values, pending/current descriptions. Not observed: SDP text, candidate
// counts, ids (they vary run to run).
conformance.defineModern({
  title: 'promise offer/answer',
  fast: true,
  timeout: 15000,
  async run(t) {
    const pc1 = t.track(new RTCPeerConnection());
    const pc2 = t.track(new RTCPeerConnection());
    const log = { pc1: { signaling: [], connection: [] }, pc2: { signaling: [], connection: [] } };
    for (const [name, pc, other] of [['pc1', pc1, pc2], ['pc2', pc2, pc1]]) {
      pc.addEventListener('signalingstatechange', () => log[name].signaling.push(pc.signalingState));
      pc.addEventListener('connectionstatechange', () => log[name].connection.push(pc.connectionState));
      // Trickle; the end-of-candidates null goes through too. Whether it comes before 'connected'
      // varies run to run, so it is not observed.
      pc.onicecandidate = (e) => other.addIceCandidate(e.candidate).catch(() => {});
    }
    const connected = Promise.all([pc1, pc2].map((pc) => new Promise((resolve, reject) => {
      pc.addEventListener('connectionstatechange', () => {
        if (pc.connectionState === 'connected') resolve();
        if (pc.connectionState === 'failed') reject(new Error('connectionState failed'));
      });
    })));

    const initial = { signalingState: pc1.signalingState, connectionState: pc1.connectionState,
      iceConnectionState: pc1.iceConnectionState, iceGatheringState: pc1.iceGatheringState,
      localDescription: pc1.localDescription, remoteDescription: pc1.remoteDescription };

    pc1.createDataChannel('chat');
    pc1.addTransceiver('audio');
    const offer = await pc1.createOffer();
    const setLocalResult = await pc1.setLocalDescription(offer);
    const afterOffer = { pc1: pc1.signalingState, pendingLocal: pc1.pendingLocalDescription?.type, currentLocal: pc1.currentLocalDescription };
    const setRemoteResult = await pc2.setRemoteDescription(offer);
    const answer = await pc2.createAnswer();
    await pc2.setLocalDescription(answer);
    await pc1.setRemoteDescription(pc2.localDescription);
    await connected;

    return {
      initial,
      offer: { type: offer.type, sdpIsString: typeof offer.sdp === 'string', startsWithV0: offer.sdp.startsWith('v=0'),
        isRTCSessionDescription: offer instanceof RTCSessionDescription },
      answer: { type: answer.type, isRTCSessionDescription: answer instanceof RTCSessionDescription },
      setLocalResult: String(setLocalResult),
      setRemoteResult: String(setRemoteResult),
      afterOffer,
      final: {
        pc1: { signalingState: pc1.signalingState, connectionState: pc1.connectionState,
          local: pc1.localDescription?.type, remote: pc1.remoteDescription?.type,
          currentLocal: pc1.currentLocalDescription?.type, pendingLocal: pc1.pendingLocalDescription,
          canTrickle: pc1.canTrickleIceCandidates, sctp: pc1.sctp instanceof RTCSctpTransport },
        pc2: { signalingState: pc2.signalingState, connectionState: pc2.connectionState,
          local: pc2.localDescription?.type, remote: pc2.remoteDescription?.type,
          currentRemote: pc2.currentRemoteDescription?.type, pendingRemote: pc2.pendingRemoteDescription,
          canTrickle: pc2.canTrickleIceCandidates },
      },
      signaling: { pc1: log.pc1.signaling, pc2: log.pc2.signaling },
      // 'connecting' then 'connected': the states before 'connected' are what apps show.
      connection: { pc1: log.pc1.connection, pc2: log.pc2.connection },
      iceConnected: ['connected', 'completed'].includes(pc1.iceConnectionState) && ['connected', 'completed'].includes(pc2.iceConnectionState),
    };
  },
});
