/* global WebRTCLegacy, LOOP, T */
// 2013-09 WD §8.2 callback getStats on a real loopback call: what the apps of the time read (an
// "ssrc" report's bytes growing between two reads, the received frame size), the response's shape,
// the promise form left native, and bad selectors reaching the error callback.
describe('wd-2013-09-10 §8.2 callback getStats', function () {
  this.timeout(60000);
  const nativeGetStats = RTCPeerConnection.prototype.getStats;
  const live = LOOP.suite();

  const ssrc = (response, dir) => response.result().filter((r) => r.type === 'ssrc' && r.id.endsWith(`_${dir}`));
  const sum = (reports, name) => reports.reduce((n, r) => n + Number(r.stat(name) || 0), 0);

  it('reads growing bytesSent / bytesReceived of the "ssrc" reports a second apart, and the received frame size', async () => {
    // A stream's stats appear with its first packet: read until all four streams are there.
    let first;
    while (ssrc((first = await LOOP.legacyStats(live.call.caller)), 'recv').length < 2) await T.sleep(200);
    await T.sleep(1000);
    const second = await LOOP.legacyStats(live.call.caller);
    expect(ssrc(first, 'send')).to.have.length(2);
    expect(ssrc(first, 'recv')).to.have.length(2);
    expect(sum(ssrc(second, 'send'), 'bytesSent')).to.be.above(sum(ssrc(first, 'send'), 'bytesSent'));
    expect(sum(ssrc(second, 'recv'), 'bytesReceived')).to.be.above(sum(ssrc(first, 'recv'), 'bytesReceived'));
    // The samples of the time: kbit/s = 8 * Δbytes / (report.timestamp - previous.timestamp), two Dates.
    const [before, after] = [first, second].map((r) => ssrc(r, 'recv').find((x) => x.stat('mediaType') === 'video'));
    const kbps = (8 * (Number(after.stat('bytesReceived')) - Number(before.stat('bytesReceived')))) / (after.timestamp - before.timestamp);
    expect(kbps).to.be.above(0);
    // The frame size comes with the first decoded frame: read until it is there (bounded by the test's timeout).
    let video = ssrc(second, 'recv').find((r) => r.stat('mediaType') === 'video');
    while (!(Number(video.stat('googFrameWidthReceived')) > 0)) {
      await T.sleep(200);
      video = ssrc(await LOOP.legacyStats(live.call.caller), 'recv').find((r) => r.stat('mediaType') === 'video');
    }
    expect(Number(video.stat('googFrameHeightReceived'))).to.be.above(0);
    expect(video.stat('googCodecName')).to.equal('VP8');
  });

  it('gives reports with id, type, Date timestamp, names(), stat(), local and remote', async () => {
    const response = await LOOP.legacyStats(live.call.caller);
    const reports = response.result();
    expect(reports).to.be.an('array').that.is.not.empty;
    const send = ssrc(response, 'send')[0];
    expect(send.id).to.match(/^ssrc_\d+_send$/);
    expect(send.timestamp).to.be.an.instanceOf(Date);
    expect(send.names()).to.include.members(['ssrc', 'bytesSent', 'packetsSent']);
    expect(send.stat('bytesSent')).to.match(/^\d+$/);
    expect(send.stat('noSuchName')).to.equal('');
    expect(send.local).to.equal(send);
    expect(response.namedItem(send.id)).to.equal(send);
    expect(response[send.id]).to.equal(send);
    const pairs = reports.filter((r) => r.type === 'googCandidatePair');
    const active = pairs.filter((p) => p.stat('googActiveConnection') === 'true');
    expect(active).to.have.length(1);
    expect(active[0].stat('googLocalAddress')).to.match(/:\d+$/);
    expect(active[0].stat('googRemoteAddress')).to.match(/:\d+$/);
  });

  it('takes Chromium\'s getStats(success) and getStats(success, selector) and the draft\'s getStats(track, success, failure)', async () => {
    const audio = live.call.stream.getAudioTracks()[0];
    const chromeForm = await new Promise((resolve) => live.call.caller.getStats(resolve));
    expect(chromeForm.result().length).to.be.above(0);
    const chromeSelector = await new Promise((resolve) => live.call.caller.getStats(resolve, audio));
    const draftForm = await LOOP.legacyStats(live.call.caller, audio);
    for (const response of [chromeSelector, draftForm]) {
      const streams = response.result().filter((r) => r.type === 'ssrc');
      expect(streams).to.not.be.empty;
      for (const r of streams) expect(r.stat('mediaType')).to.equal('audio');
    }
    // A null selector: the whole connection.
    const all = await LOOP.legacyStats(live.call.caller, null);
    expect(all.result().filter((r) => r.type === 'ssrc')).to.have.length(4);
  });

  it('calls the success callback from a task, with the connection as this', async () => {
    let sync = true;
    const self = await new Promise((resolve) => {
      live.call.caller.getStats(function () {
        resolve({ self: this, sync });
      });
      sync = false;
    });
    expect(self.sync).to.equal(false);
    expect(self.self).to.equal(live.call.caller);
  });

  it('leaves the promise form native: same report, .length, .name, TypeError for a wrong this', async () => {
    expect(RTCPeerConnection.prototype.getStats).to.not.equal(nativeGetStats);
    expect(RTCPeerConnection.prototype.getStats.length).to.equal(nativeGetStats.length);
    expect(RTCPeerConnection.prototype.getStats.name).to.equal('getStats');
    const report = await live.call.caller.getStats();
    expect(report).to.be.an.instanceOf(RTCStatsReport);
    expect([...report.values()].some((s) => s.type === 'outbound-rtp')).to.equal(true);
    const audio = live.call.stream.getAudioTracks()[0];
    const forTrack = await live.call.caller.getStats(audio);
    expect(forTrack).to.be.an.instanceOf(RTCStatsReport);
    const wrongThis = await RTCPeerConnection.prototype.getStats.call({}).then(() => null, (e) => e);
    expect(wrongThis).to.be.an.instanceOf(TypeError);
    expect(() => RTCPeerConnection.prototype.getStats.call({}, () => {})).to.throw(TypeError);
  });

  it('sends a selector that is not a track to the error callback as a TypeError, says so, and stays usable', async () => {
    live.seen.warnings.length = 0;
    const error = await LOOP.legacyStats(live.call.caller, 'not a track').then(() => null, (e) => e);
    expect(error).to.be.an.instanceOf(TypeError);
    expect(live.seen.warnings.join('\n')).to.match(/selector/);
    // Without an error callback (Chromium's form): a console message, nothing unhandled.
    live.seen.warnings.length = 0;
    let called = false;
    live.call.caller.getStats(() => (called = true), { kind: 'audio' });
    await T.sleep(50);
    expect(called).to.equal(false);
    expect(live.seen.warnings.join('\n')).to.match(/selector/);
    const response = await LOOP.legacyStats(live.call.caller);
    expect(response.result().length).to.be.above(0);
  });

  it('sends a track of no sender or receiver of this connection to the error callback (the engine\'s error)', async () => {
    const other = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const error = await LOOP.legacyStats(live.call.caller, other.getAudioTracks()[0]).then(() => null, (e) => e);
      expect(error).to.have.property('name', 'InvalidAccessError');
    } finally {
      other.getTracks().forEach((t) => t.stop());
    }
  });

  it('is gone after uninstall, the native getStats back', () => {
    WebRTCLegacy.uninstall();
    try {
      expect(RTCPeerConnection.prototype.getStats).to.equal(nativeGetStats);
    } finally {
      WebRTCLegacy.install();
    }
  });
});
