// Modern regression: addTrack on one side, `track` events on the other. Observed: the kinds in
// event order, what each event carries (streams, receiver, transceiver), the remote stream's
// identity across events and against the sender's stream id, the order of `track` events relative to
// setRemoteDescription resolving, the remote tracks' initial state and their unmuting once media
// flows.
conformance.defineModern({
  title: 'addTrack/ontrack',
  fast: true,
  timeout: 20000,
  async run(t) {
    const local = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const [pc1, pc2] = conformance.helpers.nativePair(t);

    const order = [];
    const events = [];
    const unmuted = [];
    pc2.ontrack = (e) => {
      order.push(`track:${e.track.kind}`);
      events.push(e);
    };
    const senders = [];
    // Audio first, as apps usually add them.
    for (const track of [...local.getAudioTracks(), ...local.getVideoTracks()]) {
      senders.push(pc1.addTrack(track, local));
    }
    const addTrackSameSenderThrows = (() => {
      try {
        pc1.addTrack(local.getAudioTracks()[0], local);
        return null;
      } catch (e) {
        return e.name;
      }
    })();

    await pc1.setLocalDescription(await pc1.createOffer());
    order.push('srd:start');
    await pc2.setRemoteDescription(pc1.localDescription);
    order.push('srd:resolved');
    const atSrd = events.map((e) => ({
      kind: e.track.kind,
      isRTCTrackEvent: e instanceof RTCTrackEvent,
      streams: e.streams.length,
      streamIsMediaStream: e.streams[0] instanceof MediaStream,
      streamIdMatchesSender: e.streams[0]?.id === local.id,
      streamHasTrack: e.streams[0]?.getTracks().includes(e.track),
      receiverMatches: e.receiver === e.transceiver.receiver,
      trackIsReceiverTrack: e.track === e.receiver.track,
      transceiverDirection: e.transceiver.direction,
      mid: typeof e.transceiver.mid,
      readyState: e.track.readyState,
      muted: e.track.muted,
      enabled: e.track.enabled,
    }));
    const sameRemoteStream = events.length === 2 && events[0].streams[0] === events[1].streams[0];
    const remoteStreamTrackKinds = events[0]?.streams[0]?.getTracks().map((x) => x.kind).sort();

    const unmutes = events.map((e) => new Promise((resolve) => {
      if (!e.track.muted) return resolve(e.track.kind);
      e.track.addEventListener('unmute', () => resolve(e.track.kind), { once: true });
    }));
    await pc2.setLocalDescription(await pc2.createAnswer());
    await pc1.setRemoteDescription(pc2.localDescription);
    for (const kind of await Promise.all(unmutes)) unmuted.push(kind);

    return {
      order,
      atSrd,
      sameRemoteStream,
      remoteStreamTrackKinds,
      addTrackSameSenderThrows,
      senders: senders.map((s) => ({ isRTCRtpSender: s instanceof RTCRtpSender, kind: s.track.kind,
        sameTrack: local.getTracks().includes(s.track) })),
      getSenders: pc1.getSenders().length,
      getReceivers: pc2.getReceivers().map((r) => r.track.kind),
      transceivers: pc2.getTransceivers().map((x) => ({ direction: x.direction, currentDirection: x.currentDirection })),
      unmuted: unmuted.sort(),
    };
  },
});
