// Modern regression: RTCRtpSender.replaceTrack and setParameters on a connected call. Observed:
// sender.track after each replace, that no renegotiation is asked for, the errors for a track of the
// wrong kind and for stale or malformed parameters, and getParameters' encodings after setParameters.
conformance.defineModern({
  title: 'replaceTrack and setParameters',
  fast: true,
  timeout: 20000,
  async run(t) {
    const camera = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const second = t.track(await navigator.mediaDevices.getUserMedia({ video: { width: 320 } }));
    const [audio] = camera.getAudioTracks();
    const [video] = camera.getVideoTracks();
    const [video2] = second.getVideoTracks();
    const [pc1, pc2] = conformance.helpers.nativePair(t);
    const sender = pc1.addTrack(video, camera);
    const unusedParams = sender.getParameters();
    await conformance.helpers.exchange(pc1, pc2);

    let negotiationNeeded = false;
    pc1.onnegotiationneeded = () => {
      negotiationNeeded = true;
    };
    const replaced = [];
    const replaceResult = await sender.replaceTrack(video2);
    replaced.push(sender.track === video2);
    await sender.replaceTrack(null);
    replaced.push(sender.track);
    await sender.replaceTrack(video);
    replaced.push(sender.track === video);
    const wrongKind = await sender.replaceTrack(audio).then(() => 'resolved', (e) => e.name);
    const afterWrongKind = sender.track === video;

    const errorName = (p) => p.then(() => 'resolved', (e) => e.name);
    const params = sender.getParameters();
    const shape = {
      keys: Object.keys(params).sort(),
      transactionId: typeof params.transactionId,
      encodings: params.encodings.length,
      encodingKeys: Object.keys(params.encodings[0]).sort(),
      codecs: Array.isArray(params.codecs) && params.codecs.length > 0,
      codecKeys: params.codecs[0] ? Object.keys(params.codecs[0]).sort() : null,
      headerExtensions: Array.isArray(params.headerExtensions),
      rtcp: params.rtcp ? Object.keys(params.rtcp).sort() : null,
    };
    params.encodings[0].maxBitrate = 250000;
    params.encodings[0].scaleResolutionDownBy = 2;
    const setResult = await sender.setParameters(params);
    const after = sender.getParameters();
    const applied = {
      maxBitrate: after.encodings[0].maxBitrate,
      scaleResolutionDownBy: after.encodings[0].scaleResolutionDownBy,
      active: after.encodings[0].active,
      newTransactionId: after.transactionId !== params.transactionId,
    };
    const errors = {
      // The same parameters again: their transactionId is stale.
      stale: await errorName(sender.setParameters(params)),
      removedEncoding: await errorName(sender.setParameters({ ...sender.getParameters(), encodings: [] })),
      badScale: await errorName(sender.setParameters((() => {
        const p = sender.getParameters();
        p.encodings[0].scaleResolutionDownBy = 0.5;
        return p;
      })())),
      beforeNegotiation: unusedParams.encodings.length,
    };
    const deactivated = sender.getParameters();
    deactivated.encodings[0].active = false;
    await sender.setParameters(deactivated);
    const activeAfterDeactivating = sender.getParameters().encodings[0].active;
    // A tick so a (wrongly) queued negotiationneeded would have fired.
    await new Promise((resolve) => setTimeout(resolve, 100));

    return {
      replaceResult: String(replaceResult),
      replaced,
      wrongKind,
      afterWrongKind,
      shape,
      setResult: String(setResult),
      applied,
      errors,
      activeAfterDeactivating,
      negotiationNeeded,
      signalingState: pc1.signalingState,
    };
  },
});
