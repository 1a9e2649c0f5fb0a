/* global conformance, expect */
// The behaviour assertions the 2016 Working Drafts share (2016-01-28 … 2016-11-24 kept the same text for
// these members): each draft's assertions/<draft>/ file calls conformance.wd2016(draft, { setDirection })
// once, so the five drafts are checked alike without five copies. Sections name the IDL member (the
// drafts renumbered their sections; the member is what stayed).
//
// Not observable from a page (no assertion): "defaultIceServers … configured into the browser": no
// engine exposes its own; what the page sees is the list and its use by a configuration without servers.
(function () {
  'use strict';
  const { nativePair, exchange, when, sleep } = conformance.helpers;

  /** A call from pc1 to pc2 with the camera's video on one transceiver. */
  async function videoCall(t) {
    const [pc1, pc2] = nativePair(t);
    const stream = t.track(await navigator.mediaDevices.getUserMedia({ video: true }));
    pc1.addTrack(stream.getVideoTracks()[0], stream);
    await exchange(pc1, pc2);
    return [pc1, pc2];
  }

  /** The first entry of `type` whose `member` has grown past 0 (read at the call's own pace). */
  async function statsEntry(pc, type, member) {
    for (let i = 0; ; i++) {
      const report = await pc.getStats();
      const found = [];
      report.forEach((s) => s.type === type && found.push(s));
      const entry = found.find((s) => !s.isRemote && s[member] > 0);
      if (entry) return { report, entry };
      if (i > 100) throw new Error(`no ${type} entry with ${member} > 0; types: ${[...new Set([...report.values()].map((s) => s.type))].join(', ')}`);
      await sleep(200);
    }
  }

  conformance.wd2016 = function (draft, { setDirection }) {
    conformance.define({
      draft,
      section: 'RTCPeerConnection.defaultIceServers',
      title: 'defaultIceServers is a FrozenArray of RTCIceServer',
      fast: true,
      async run() {
        const list = RTCPeerConnection.defaultIceServers;
        expect(Array.isArray(list), 'an array').to.equal(true);
        expect(Object.isFrozen(list), 'frozen').to.equal(true);
        for (const server of list) expect(server).to.have.property('urls');
      },
    });

    conformance.define({
      draft,
      section: 'RTCPeerConnection.defaultIceServers',
      title: 'a configuration without iceServers uses the default ICE servers',
      fast: true,
      async run(t) {
        const defaults = RTCPeerConnection.defaultIceServers;
        expect(defaults, 'defaultIceServers').to.be.an('array');
        const pc = t.track(new RTCPeerConnection({}));
        const urls = (list) => list.flatMap((s) => [].concat(s.urls));
        expect(urls(pc.getConfiguration().iceServers)).to.deep.equal(urls(defaults));
      },
    });

    conformance.define({
      draft,
      section: 'RTCRtpTransceiver.stopped',
      title: 'stopped is false on a new transceiver and true as soon as stop() has returned',
      fast: true,
      async run(t) {
        const pc = t.track(new RTCPeerConnection());
        const transceiver = pc.addTransceiver('audio');
        expect(transceiver.stopped).to.equal(false);
        transceiver.stop();
        expect(transceiver.stopped).to.equal(true);
      },
    });

    conformance.define({
      draft,
      section: 'RTCRtpTransceiver.stopped',
      title: "stopped is true on the far side's transceiver once a renegotiation has carried stop()",
      timeout: 20000,
      async run(t) {
        const [pc1, pc2] = await videoCall(t);
        const far = pc2.getTransceivers()[0];
        pc1.getTransceivers()[0].stop();
        await exchange(pc1, pc2);
        expect(far.stopped).to.equal(true);
      },
    });

    conformance.define({
      draft,
      section: 'RTCStatsType',
      title: 'getStats() reports a received stream as "inboundrtp" with packetsReceived and bytesReceived',
      timeout: 30000,
      async run(t) {
        const [, pc2] = await videoCall(t);
        const { report, entry } = await statsEntry(pc2, 'inboundrtp', 'packetsReceived');
        expect(report.get(entry.id)).to.equal(entry);
        expect(entry.bytesReceived).to.be.above(0);
      },
    });

    conformance.define({
      draft,
      section: 'RTCStatsType',
      title: 'getStats() reports a sent stream as "outboundrtp" with packetsSent and bytesSent',
      timeout: 30000,
      async run(t) {
        const [pc1] = await videoCall(t);
        const { entry } = await statsEntry(pc1, 'outboundrtp', 'packetsSent');
        expect(entry.bytesSent).to.be.above(0);
      },
    });

    if (!setDirection) return;

    conformance.define({
      draft,
      section: 'RTCRtpTransceiver.setDirection',
      title: 'setDirection() sets direction and sets the negotiation-needed flag',
      fast: true,
      async run(t) {
        const [pc1, pc2] = await videoCall(t);
        const transceiver = pc1.getTransceivers()[0];
        let fired = 0;
        pc1.addEventListener('negotiationneeded', () => fired++);
        transceiver.setDirection('recvonly');
        expect(transceiver.direction).to.equal('recvonly');
        await when(pc1, 'negotiationneeded', () => fired > 0, 'negotiationneeded');
        await exchange(pc1, pc2);
        expect(pc2.getTransceivers()[0].currentDirection).to.equal('inactive');
      },
    });

    conformance.define({
      draft,
      section: 'RTCRtpTransceiver.setDirection',
      title: 'setDirection() with a value outside RTCRtpTransceiverDirection throws TypeError',
      fast: true,
      async run(t) {
        const transceiver = t.track(new RTCPeerConnection()).addTransceiver('audio');
        expect(transceiver.setDirection, 'setDirection').to.be.a('function');
        expect(() => transceiver.setDirection('stopped')).to.throw(TypeError);
        expect(() => transceiver.setDirection('up')).to.throw(TypeError);
        expect(transceiver.direction).to.equal('sendrecv');
      },
    });

    conformance.define({
      draft,
      section: 'RTCRtpTransceiver.direction',
      title: 'direction retains the value it had prior to calling stop()',
      fast: true,
      async run(t) {
        const transceiver = t.track(new RTCPeerConnection()).addTransceiver('audio', { direction: 'sendonly' });
        transceiver.stop();
        expect(transceiver.direction).to.equal('sendonly');
      },
    });
  };
})();
