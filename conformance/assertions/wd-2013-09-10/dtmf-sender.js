/* global conformance, expect */
// 2013-09 WD §7 Peer-to-peer DTMF: createDTMFSender(track) (§7.1), the RTCDTMFSender (§7.2) and
// its tonechange events (§7.3), on a connected call (the instrument: helpers.mediaCall).
//
// Not observable from a page (no assertion): that the tones reach the far end as RFC 4733 events
// (no receiving API in any draft); the "MAY increase the duration" latitude; the 2-second pause of
// ',' (a timing).
(function () {
  'use strict';
  const { mediaCall } = conformance.helpers;
  const draft = 'wd-2013-09-10';

  /** Runs insertDTMF and collects every tonechange until the empty one. */
  function play(sender, tones, ...times) {
    return new Promise((resolve, reject) => {
      const seen = [];
      const timer = setTimeout(() => reject(new Error(`tonechange events so far: ${JSON.stringify(seen)}`)), 10000);
      sender.ontonechange = (e) => {
        seen.push({ tone: e.tone, buffer: sender.toneBuffer, target: e.target === sender });
        if (e.tone === '') (clearTimeout(timer), resolve(seen));
      };
      sender.insertDTMF(tones, ...times);
    });
  }

  /** A connected call, and createDTMFSender() of the audio track pc1 sends. */
  async function dtmfOnCall(t) {
    const { pc1, stream } = await mediaCall(t);
    const audio = stream.getAudioTracks()[0];
    return { audio, sender: pc1.createDTMFSender(audio) };
  }

  conformance.define({
    draft,
    section: '7.1',
    title: 'createDTMFSender(track) of a sent audio track gives an RTCDTMFSender of that track that can insert DTMF',
    timeout: 30000,
    async run(t) {
      const { audio, sender } = await dtmfOnCall(t);
      expect(sender.track).to.equal(audio);
      expect(sender.canInsertDTMF).to.equal(true);
      expect(sender.toneBuffer).to.equal('');
    },
  });

  conformance.define({
    draft,
    section: '7.2',
    title: 'insertDTMF plays each tone with a tonechange, then one with an empty tone; toneBuffer holds the tones left',
    timeout: 30000,
    async run(t) {
      const { sender } = await dtmfOnCall(t);
      const seen = await play(sender, '1b#', 100, 70);
      expect(seen.map((e) => e.tone)).to.deep.equal(['1', 'B', '#', '']);
      expect(seen.map((e) => e.buffer)).to.deep.equal(['B#', '#', '', '']);
      expect(seen.every((e) => e.target)).to.equal(true);
    },
  });

  conformance.define({
    draft,
    section: '7.2',
    title: 'duration and interToneGap read the values last given to insertDTMF',
    timeout: 30000,
    async run(t) {
      const { sender } = await dtmfOnCall(t);
      await play(sender, '2', 120, 80);
      expect(sender.duration).to.equal(120);
      expect(sender.interToneGap).to.equal(80);
    },
  });

  conformance.define({
    draft,
    section: '7.2',
    title: 'insertDTMF with a character outside 0-9 A-D # * , throws InvalidCharacterError',
    timeout: 30000,
    async run(t) {
      const { sender } = await dtmfOnCall(t);
      expect(() => sender.insertDTMF('12X')).to.throw().with.property('name', 'InvalidCharacterError');
      expect(sender.toneBuffer).to.equal('');
    },
  });

  conformance.define({
    draft,
    section: '7.1',
    title: 'createDTMFSender with a track the connection does not send throws SyntaxError',
    fast: true,
    async run(t) {
      const pc = t.track(new RTCPeerConnection());
      const other = t.track(await navigator.mediaDevices.getUserMedia({ audio: true }));
      expect(() => pc.createDTMFSender(other.getAudioTracks()[0])).to.throw().with.property('name', 'SyntaxError');
    },
  });
})();
