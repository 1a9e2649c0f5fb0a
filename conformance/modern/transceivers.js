// Modern regression: addTransceiver and `direction`. Observed: direction/currentDirection/mid on both
// sides before and after each negotiation, negotiationneeded on a direction change, stop() and what
// it does to direction, currentDirection and getTransceivers() once renegotiated, and the errors an
// app gets for bad kinds and directions.
conformance.defineModern({
  title: 'transceivers and direction',
  fast: true,
  timeout: 15000,
  async run(t) {
    const [pc1, pc2] = conformance.helpers.nativePair(t);
    const negotiate = async () => {
      await conformance.helpers.exchange(pc1, pc2);
    };
    const view = (pc) => pc.getTransceivers().map((x) => ({
      direction: x.direction,
      currentDirection: x.currentDirection,
      mid: x.mid === null ? null : typeof x.mid,
      sender: x.sender instanceof RTCRtpSender,
      senderTrack: x.sender.track === null ? null : x.sender.track.kind,
      receiverTrack: x.receiver.track.kind,
    }));
    const errorName = (fn) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e.name;
      }
    };

    const a = pc1.addTransceiver('audio', { direction: 'sendonly' });
    const v = pc1.addTransceiver('video', { direction: 'recvonly' });
    const d = pc1.addTransceiver('video');
    const before = view(pc1);
    const errors = {
      badKind: errorName(() => pc1.addTransceiver('text')),
      badInitDirection: errorName(() => pc1.addTransceiver('audio', { direction: 'sideways' })),
      setStopped: errorName(() => {
        d.direction = 'stopped';
      }),
    };
    // An enum attribute ignores values outside the enum.
    d.direction = 'sideways';
    const afterBogus = d.direction;

    await negotiate();
    const first = { pc1: view(pc1), pc2: view(pc2) };

    // negotiationneeded is queued (Firefox fires it a few tasks later than Chromium): wait for it, up to 3 s.
    const negotiationNeededFired = new Promise((resolve) => {
      pc1.onnegotiationneeded = () => resolve(true);
      setTimeout(() => resolve(false), 3000);
    });
    d.direction = 'inactive';
    const sameDirectionNoChange = (() => {
      v.direction = 'recvonly';
      return v.direction;
    })();
    const negotiationNeeded = await negotiationNeededFired;
    pc1.onnegotiationneeded = null;
    await negotiate();
    const second = { negotiationNeeded, sameDirectionNoChange, pc1: view(pc1), pc2: view(pc2) };

    a.stop();
    const stopping = { direction: a.direction, currentDirection: a.currentDirection, senderTrack: a.sender.track,
      count: pc1.getTransceivers().length };
    await negotiate();
    const third = {
      stoppedDirection: a.direction,
      stoppedCurrentDirection: a.currentDirection,
      pc1Count: pc1.getTransceivers().length,
      pc1: view(pc1),
      pc2: view(pc2),
      stopAgain: errorName(() => a.stop()),
      setDirectionOnStopped: errorName(() => {
        a.direction = 'sendrecv';
      }),
    };
    return { before, errors, afterBogus, first, second, stopping, third,
      signaling: [pc1.signalingState, pc2.signalingState] };
  },
});
