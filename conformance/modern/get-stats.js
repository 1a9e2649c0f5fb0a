// Modern regression: getStats on a connection sending audio, video and data. Observed: the report's
// class and map shape, the set of stats `type`s present once media flows both ways, and the JS types
// of fields apps read (never their values). 'remote-inbound-rtp' / 'remote-outbound-rtp' are left
// out of the set: they appear with the first RTCP report, whose timing varies run to run.
conformance.defineModern({
  title: 'getStats',
  fast: true,
  timeout: 20000,
  async run(t) {
    const local = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const [pc1, pc2] = conformance.helpers.nativePair(t);
    for (const track of local.getTracks()) pc1.addTrack(track, local);
    const dc = pc1.createDataChannel('stats');
    const opened = new Promise((resolve) => dc.addEventListener('open', resolve, { once: true }));
    const received = [];
    pc2.ontrack = (e) => received.push(e.track);
    await conformance.helpers.exchange(pc1, pc2);
    await opened;
    await Promise.all(received.map((track) => track.muted && new Promise((resolve) => track.addEventListener('unmute', resolve, { once: true }))));

    // Wait (as a dashboard would) until both sides report RTP for both kinds.
    const rtpKinds = (report, type) => [...report.values()].filter((s) => s.type === type).map((s) => s.kind).sort().join();
    let sent;
    let got;
    for (let i = 0; i < 50; i++) {
      sent = await pc1.getStats();
      got = await pc2.getStats();
      if (rtpKinds(sent, 'outbound-rtp') === 'audio,video' && rtpKinds(got, 'inbound-rtp') === 'audio,video') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const TIMING = new Set(['remote-inbound-rtp', 'remote-outbound-rtp']);
    const types = (report) => [...new Set([...report.values()].map((s) => s.type))].filter((x) => !TIMING.has(x)).sort();
    const byType = (report, type, kind) => [...report.values()].find((s) => s.type === type && (!kind || s.kind === kind));
    const fieldTypes = (stat, fields) => (stat ? Object.fromEntries(fields.map((f) => [f, typeof stat[f]])) : null);

    const senderVideo = pc1.getSenders().find((s) => s.track?.kind === 'video');
    const senderReport = await senderVideo.getStats();
    const receiverReport = await pc2.getReceivers().find((r) => r.track.kind === 'video').getStats();
    const selectorReport = await pc1.getStats(senderVideo.track);
    // A track the connection neither sends nor receives: InvalidAccessError.
    const stranger = local.getAudioTracks()[0].clone();
    t.track(stranger);
    const badSelector = await pc1.getStats(stranger).then(() => 'resolved', (e) => e.name);

    return {
      isRTCStatsReport: sent instanceof RTCStatsReport,
      mapShape: { size: typeof sent.size, get: typeof sent.get, forEach: typeof sent.forEach, iterator: typeof sent[Symbol.iterator] },
      entryKeyIsId: [...sent.entries()].every(([key, s]) => key === s.id),
      sender: types(sent),
      receiver: types(got),
      outboundVideo: fieldTypes(byType(sent, 'outbound-rtp', 'video'), ['id', 'timestamp', 'type', 'kind', 'ssrc', 'bytesSent', 'packetsSent', 'framesEncoded', 'codecId', 'transportId']),
      outboundAudio: fieldTypes(byType(sent, 'outbound-rtp', 'audio'), ['kind', 'ssrc', 'bytesSent', 'packetsSent']),
      inboundVideo: fieldTypes(byType(got, 'inbound-rtp', 'video'), ['kind', 'ssrc', 'bytesReceived', 'packetsReceived', 'packetsLost', 'jitter', 'framesDecoded']),
      inboundAudio: fieldTypes(byType(got, 'inbound-rtp', 'audio'), ['kind', 'bytesReceived', 'packetsReceived', 'jitter']),
      candidatePair: fieldTypes([...sent.values()].find((s) => s.type === 'candidate-pair' && s.nominated), ['state', 'nominated', 'localCandidateId', 'remoteCandidateId', 'bytesSent', 'currentRoundTripTime']),
      localCandidate: fieldTypes(byType(sent, 'local-candidate'), ['address', 'port', 'protocol', 'candidateType']),
      codec: fieldTypes(byType(sent, 'codec'), ['mimeType', 'payloadType', 'clockRate']),
      dataChannel: fieldTypes(byType(sent, 'data-channel'), ['label', 'state', 'messagesSent', 'bytesSent']),
      senderGetStats: { isRTCStatsReport: senderReport instanceof RTCStatsReport, hasOutboundVideo: !!byType(senderReport, 'outbound-rtp', 'video') },
      receiverGetStats: { hasInboundVideo: !!byType(receiverReport, 'inbound-rtp', 'video'), hasOutbound: !!byType(receiverReport, 'outbound-rtp') },
      selector: { hasOutboundVideo: !!byType(selectorReport, 'outbound-rtp', 'video'), hasOutboundAudio: !!byType(selectorReport, 'outbound-rtp', 'audio') },
      badSelector,
    };
  },
});
