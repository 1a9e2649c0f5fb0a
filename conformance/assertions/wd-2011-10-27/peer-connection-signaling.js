/* global conformance, expect */
// 2011 WD §4 PeerConnection calls: two PeerConnections in this page call each other through their
// signaling callbacks (each message relayed in a later task, as a real channel would). The offer and
// its contents, the three states and their order, open / addstream / removestream, media that flows,
// renegotiation, glare, close and ICE failure.
//
// What the draft leaves to the protocol: it fixes the "SDP\n" prefix and that an SDP offer/answer
// follows. Chrome's 2011 implementation put a ROAP message (JSON: messageType OFFER / ANSWER / OK /
// SHUTDOWN / ERROR, offererSessionId, answererSessionId, seq, sdp, tieBreaker) after the prefix
// (/work/shared/evolution.md, "The 2011 signaling messages in practice"). The assertions read the SDP
// from either a ROAP message or bare SDP; only the SDP_GLARE assertion needs ROAP's tieBreaker.
//
// Not observable from a page (no assertion):
// - §4 "PeerConnections must not generate any candidates for media streams whose media descriptions
//   do not have a label attribute": every description the 2011 API can produce has one (asserted);
//   a page cannot make one without.
// - §4 the STUN/TURN server actually contacted (see peer-connection.js).
// - §4 ICE_WAITING as a distinct step and ICE_CONNECTED vs ICE_COMPLETED: when an ICE agent finishes
//   checking depends on the candidates; both are accepted where the draft accepts either.
// - §4 the task source (networking) of addstream / removestream.
(function () {
  'use strict';
  const helpers = conformance.helpers;
  const { sleep, gum } = helpers;
  const draft = 'wd-2011-10-27';
  const S = {
    NEW: 0, NEGOTIATING: 1, ACTIVE: 2, CLOSED: 3, CLOSING: 4,
    ICE_GATHERING: 0x100, ICE_WAITING: 0x200, ICE_CHECKING: 0x300, ICE_CONNECTED: 0x400, ICE_COMPLETED: 0x500, ICE_FAILED: 0x600, ICE_CLOSED: 0x700,
    SDP_IDLE: 0x1000, SDP_WAITING: 0x2000, SDP_GLARE: 0x3000,
  };
  const CONNECTED = [S.ICE_CONNECTED, S.ICE_COMPLETED];
  const PREFIX = 'SDP\n';
  const CALL_MS = 20000;

  const read = helpers.roap;
  /** The media descriptions of an SDP: kind, port, and its a= lines. */
  function sections(sdp) {
    return String(sdp || '')
      .split(/\r?\n(?=m=)/)
      .filter((s) => s.startsWith('m='))
      .map((s) => {
        const [, kind, port] = /^m=(\S+) (\d+)/.exec(s) || [];
        const label = /^a=label:(.*)$/m.exec(s);
        return { kind, port: Number(port), label: label ? label[1].trim() : null, candidates: (s.match(/^a=candidate:/gm) || []).length, text: s };
      });
  }

  const when = (targets, types, pred, what, ms = CALL_MS) => helpers.when(targets, types, pred, what, ms);
  const states = (pc) => [pc.readyState, pc.iceState, pc.sdpState];

  const pair = helpers.pair;
  const active = (...pcs) => when(pcs, 'statechange', () => pcs.every((pc) => pc.readyState === S.ACTIVE), 'readyState ACTIVE on both sides');
  const remoteCount = (pc, n) => when(pc, ['addstream', 'removestream'], () => pc.remoteStreams.length === n, `${n} remote stream(s)`);

  /** A call: A sends `aOptions` (and B `bOptions`, if given); resolves once both are ACTIVE with the streams across. */
  async function call(t, { aOptions = { audio: true, video: true }, bOptions = null, configuration = '' } = {}) {
    const sa = aOptions ? await gum(t, aOptions) : null;
    const sb = bOptions ? await gum(t, bOptions) : null;
    const p = pair(t, { configuration });
    if (sa) p.a.addStream(sa);
    if (sb) p.b.addStream(sb);
    await active(p.a, p.b);
    await Promise.all([remoteCount(p.b, sa ? 1 : 0), remoteCount(p.a, sb ? 1 : 0)]);
    return Object.assign(p, { sa, sb });
  }

  /** Mean brightness (0–255) of a stream's video, half a second in. */
  const brightness = async (t, stream) => (await helpers.screen(t, stream, 0.5)).brightness();

  // ---- the offer ----

  /** A's first message, with two streams (audio; audio and video) added right after `new`. */
  async function firstOffer(t) {
    const s1 = await gum(t, { audio: true, video: false });
    const s2 = await gum(t, { audio: true, video: true });
    const sent = [];
    let got;
    const first = new Promise((resolve) => (got = resolve));
    const pc = t.track(new PeerConnection('', (message) => {
      sent.push(message);
      got();
    }));
    pc.addStream(s1);
    pc.addStream(s2);
    await Promise.race([first, sleep(10000).then(() => { throw new Error('no offer within 10 s'); })]);
    return { pc, s1, s2, message: sent[0] };
  }

  conformance.define({
    draft,
    section: '4',
    title: 'with streams in localStreams, the initial offer goes out: a message starting with "SDP\\n" carrying ICE candidates and a media description for each track of each stream',
    fast: true,
    timeout: 15000,
    async run(t) {
      const { message } = await firstOffer(t);
      expect(message.slice(0, 4)).to.equal(PREFIX);
      const parsed = read(message);
      if (parsed.messageType !== undefined) expect(parsed.messageType, 'ROAP messageType').to.equal('OFFER');
      const media = sections(parsed.sdp).filter((s) => s.kind === 'audio' || s.kind === 'video');
      expect(media.map((s) => s.kind).sort(), 'media descriptions').to.deep.equal(['audio', 'audio', 'video']);
      // §4: port zero in a media description means "this stream was removed".
      const zero = media.filter((s) => s.port === 0).map((s) => s.text.split(/\r?\n/).filter((l) => /^(m=|a=label|a=bundle-only)/.test(l)).join(' '));
      expect(zero.length, `descriptions with port 0: ${JSON.stringify(zero)}`).to.equal(0);
      expect(/^a=candidate:/m.test(parsed.sdp), 'ICE candidates in the offer').to.equal(true);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'every media description of a stream carries a=label: with that stream’s label',
    fast: true,
    timeout: 15000,
    async run(t) {
      const { message, s1, s2 } = await firstOffer(t);
      const media = sections(read(message).sdp).filter((s) => s.kind === 'audio' || s.kind === 'video');
      const byLabel = {};
      for (const s of media) {
        expect(s.label, `a=label in the ${s.kind} description`).to.be.a('string');
        (byLabel[s.label] = byLabel[s.label] || []).push(s.kind);
      }
      expect(byLabel[s1.label], `descriptions labelled ${s1.label}`).to.deep.equal(['audio']);
      expect((byLabel[s2.label] || []).slice().sort(), `descriptions labelled ${s2.label}`).to.deep.equal(['audio', 'video']);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'having sent its offer, the connection is SDP_WAITING and NEGOTIATING',
    fast: true,
    timeout: 15000,
    async run(t) {
      const { pc } = await firstOffer(t);
      await when(pc, 'statechange', () => pc.sdpState === S.SDP_WAITING, 'sdpState SDP_WAITING', 5000);
      expect(pc.readyState).to.equal(S.NEGOTIATING);
    },
  });

  // ---- a call ----

  conformance.define({
    draft,
    section: '4',
    title: 'a call: both sides reach ACTIVE with iceState ICE_CONNECTED or ICE_COMPLETED and sdpState SDP_IDLE',
    fast: true,
    timeout: 30000,
    async run(t) {
      const { a, b } = await call(t, { bOptions: { audio: true, video: false } });
      await when([a, b], 'statechange', () => a.sdpState === S.SDP_IDLE && b.sdpState === S.SDP_IDLE, 'SDP_IDLE on both sides');
      for (const [name, pc] of [['A', a], ['B', b]]) {
        expect(pc.readyState, `${name} readyState`).to.equal(S.ACTIVE);
        expect(CONNECTED, `${name} iceState 0x${pc.iceState.toString(16)}`).to.include(pc.iceState);
      }
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'every signaling message of a call starts with "SDP\\n" and names its PeerConnection as source',
    timeout: 30000,
    async run(t) {
      const { log } = await call(t, { bOptions: { audio: true, video: false } });
      await sleep(500);
      expect(log.length).to.be.above(1);
      for (const m of log) {
        expect(m.message.slice(0, 4), `a message from ${m.from}`).to.equal(PREFIX);
        expect(m.sourceOk, `source of a message from ${m.from}`).to.equal(true);
      }
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'readyState leaves NEW when sdpState does, and is ACTIVE only while ICE is connected or completed with SDP idle',
    timeout: 30000,
    async run(t) {
      const { a, b } = await call(t);
      await sleep(1000);
      for (const [name, pc] of [['A', a], ['B', b]]) {
        const hex = (s) => s.map((x) => '0x' + x.toString(16)).join('/');
        for (const [ready, ice, sdp] of pc.journal.snapshots) {
          if (ready === S.CLOSED || ready === S.CLOSING) continue;
          expect(ready === S.NEW, `${name}: readyState NEW iff sdpState NEW, at ${hex([ready, ice, sdp])}`).to.equal(sdp === 0);
        }
        const firstActive = pc.journal.snapshots.find(([ready]) => ready === S.ACTIVE);
        expect(firstActive, `${name} went ACTIVE`).to.not.equal(undefined);
        expect(CONNECTED, `${name}: iceState when ACTIVE first, at ${hex(firstActive)}`).to.include(firstActive[1]);
        expect(firstActive[2], `${name}: sdpState when ACTIVE first, at ${hex(firstActive)}`).to.equal(S.SDP_IDLE);
      }
    },
  });

  conformance.define({
    draft,
    section: '4.1.1',
    title: 'statechange fires whenever readyState, iceState or sdpState changes: no change goes unannounced',
    timeout: 30000,
    async run(t) {
      const sa = await gum(t, { audio: true, video: true });
      const p = pair(t);
      const unannounced = [];
      const last = { A: states(p.a), B: states(p.b) };
      for (const [name, pc] of [['A', p.a], ['B', p.b]]) {
        pc.addEventListener('statechange', () => (last[name] = states(pc)));
      }
      // Sample in every task we get, and at every other event: each time, the states must be those the
      // last statechange showed.
      const sample = (why) => {
        for (const [name, pc] of [['A', p.a], ['B', p.b]]) {
          const now = states(pc);
          if (now.join() !== last[name].join()) unannounced.push(`${name} ${why}: ${now.map((x) => x.toString(16))} after statechange showed ${last[name].map((x) => x.toString(16))}`);
        }
      };
      const timer = setInterval(() => sample('sampled'), 4);
      t.cleanup(() => clearInterval(timer));
      for (const pc of [p.a, p.b]) for (const type of ['open', 'connecting', 'addstream']) pc.addEventListener(type, () => sample(`at ${type}`));
      p.a.addStream(sa);
      await active(p.a, p.b);
      await sleep(1000);
      clearInterval(timer);
      expect(unannounced.slice(0, 5)).to.deep.equal([]);
      expect(p.a.journal.snapshots.length, 'statechanges on A').to.be.above(2);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'open fires once, when the connection becomes ACTIVE: readyState is already ACTIVE in the handler',
    timeout: 30000,
    async run(t) {
      const sa = await gum(t, { audio: true, video: false });
      const p = pair(t);
      const seen = { A: [], B: [] };
      p.a.onopen = () => seen.A.push(p.a.readyState);
      p.b.onopen = () => seen.B.push(p.b.readyState);
      p.a.addStream(sa);
      await active(p.a, p.b);
      await sleep(1500);
      expect(seen).to.deep.equal({ A: [S.ACTIVE], B: [S.ACTIVE] });
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'the side receiving an offer answers it: it checks ICE and reaches SDP_IDLE without offering itself',
    timeout: 30000,
    async run(t) {
      const { b, types } = await call(t);
      const sdpStates = b.journal.snapshots.map(([, , sdp]) => sdp).filter((sdp) => sdp !== 0);
      expect(sdpStates[0], 'B’s first sdpState after NEW').to.equal(S.SDP_IDLE);
      expect(b.journal.snapshots.some(([, ice]) => ice >= S.ICE_CHECKING), 'B’s ICE agent checks').to.equal(true);
      const fromB = types('B');
      expect(fromB.length, 'messages from B').to.be.above(0);
      if (fromB[0] !== 'SDP') expect(fromB[0], 'B’s first ROAP message').to.equal('ANSWER');
    },
  });

  // ---- remote streams ----

  conformance.define({
    draft,
    section: '4',
    title: 'addstream: the remote stream is appended to remoteStreams, then addstream fires with it',
    fast: true,
    timeout: 30000,
    async run(t) {
      const { b } = await call(t);
      const adds = b.journal.events.filter((e) => e.type === 'addstream');
      expect(adds.length, 'addstream events on B').to.equal(1);
      expect(adds[0].stream).to.be.an.instanceof(MediaStream);
      expect(adds[0].remote, 'remoteStreams inside the handler').to.deep.equal([adds[0].stream]);
      expect(Array.from(b.remoteStreams)).to.deep.equal([adds[0].stream]);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'a remote stream’s label is the label of the stream the peer added',
    fast: true,
    timeout: 30000,
    async run(t) {
      const { a, b, sa, sb } = await call(t, { bOptions: { audio: true, video: false } });
      expect(b.remoteStreams[0].label).to.equal(sa.label);
      expect(a.remoteStreams[0].label).to.equal(sb.label);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'a stream with audio and video arrives as one remote stream with an audio and a video track',
    timeout: 30000,
    async run(t) {
      const { b } = await call(t);
      await sleep(500);
      expect(b.journal.events.filter((e) => e.type === 'addstream').length, 'addstream events').to.equal(1);
      expect(Array.from(b.remoteStreams[0].tracks, (x) => x.kind)).to.deep.equal(['audio', 'video']);
      expect(b.remoteStreams[0].readyState).to.equal(1);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'the remote stream carries the peer’s media: its video is not black',
    timeout: 40000,
    async run(t) {
      const { b } = await call(t, { aOptions: { audio: false, video: true } });
      expect(await brightness(t, b.remoteStreams[0])).to.be.above(10);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'removeStream() mid-call: the peer’s stream finishes (ENDED, ended), leaves remoteStreams, and removestream fires with it',
    timeout: 40000,
    async run(t) {
      const s1 = await gum(t, { audio: true, video: false });
      const s2 = await gum(t, { audio: false, video: true });
      const p = pair(t);
      p.a.addStream(s1);
      p.a.addStream(s2);
      await active(p.a, p.b);
      await remoteCount(p.b, 2);
      const gone = Array.from(p.b.remoteStreams).find((s) => s.label === s1.label);
      const kept = Array.from(p.b.remoteStreams).find((s) => s.label === s2.label);
      expect(gone, 'the remote stream labelled as s1').to.not.equal(undefined);
      let ended = 0;
      gone.addEventListener('ended', () => ended++);
      p.a.removeStream(s1);
      await remoteCount(p.b, 1);
      await when(gone, 'ended', () => ended > 0, 'ended on the removed stream', 10000);
      const removed = p.b.journal.events.filter((e) => e.type === 'removestream');
      expect(removed.length, 'removestream events').to.equal(1);
      expect(removed[0].stream).to.equal(gone);
      expect(removed[0].remote, 'remoteStreams inside the handler').to.deep.equal([kept]);
      expect(gone.readyState).to.equal(2);
      expect(kept.readyState).to.equal(1);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'addStream() mid-call: the peer gets the new stream with addstream, and both are ACTIVE again',
    timeout: 40000,
    async run(t) {
      const { a, b } = await call(t, { aOptions: { audio: true, video: false } });
      const extra = await gum(t, { audio: false, video: true });
      a.addStream(extra);
      await remoteCount(b, 2);
      expect(Array.from(b.remoteStreams, (s) => s.label)).to.include(extra.label);
      const adds = b.journal.events.filter((e) => e.type === 'addstream');
      expect(adds.length).to.equal(2);
      expect(adds[1].stream.label).to.equal(extra.label);
      await active(a, b);
    },
  });

  conformance.define({
    draft,
    section: '4.1.1',
    title: 'glare: both sides offer at once, and both still end ACTIVE with each other’s streams',
    timeout: 40000,
    async run(t) {
      const sa = await gum(t, { audio: true, video: false });
      const sb = await gum(t, { audio: true, video: false });
      // Hold both first offers until both exist, so that they cross on the wire.
      const held = [];
      let holding = true;
      const p = pair(t, { tap: (from, message) => (holding ? (held.push([from, message]), false) : true) });
      p.a.addStream(sa);
      p.b.addStream(sb);
      await when(p.wire, 'message', () => held.length >= 2, 'both offers', 10000);
      holding = false;
      for (const [from, message] of held) (from === 'A' ? p.b : p.a).processSignalingMessage(message);
      await active(p.a, p.b);
      await Promise.all([remoteCount(p.a, 1), remoteCount(p.b, 1)]);
      expect(p.a.remoteStreams[0].label).to.equal(sb.label);
      expect(p.b.remoteStreams[0].label).to.equal(sa.label);
    },
  });

  conformance.define({
    draft,
    section: '4.1.1',
    title: 'an offer received while waiting for an answer with an equal ROAP tieBreaker: sdpState SDP_GLARE, then the offer is sent again',
    timeout: 30000,
    async run(t) {
      const sa = await gum(t, { audio: true, video: false });
      const sb = await gum(t, { audio: true, video: false });
      const p = pair(t, { tap: () => false });
      p.a.addStream(sa);
      p.b.addStream(sb);
      await when(p.wire, 'message', () => p.types('A').length >= 1 && p.types('B').length >= 1, 'both offers', 10000);
      const offerA = p.log.find((m) => m.from === 'A').parsed;
      const offerB = p.log.find((m) => m.from === 'B').parsed;
      if (offerA.messageType !== 'OFFER' || typeof offerA.tieBreaker !== 'number') {
        t.skip('the offers are not ROAP OFFERs with a tieBreaker: SDP_GLARE needs the protocol’s glare rule');
      }
      const seen = [];
      p.a.addEventListener('statechange', () => seen.push(p.a.sdpState));
      p.a.processSignalingMessage(PREFIX + JSON.stringify(Object.assign({}, offerB, { tieBreaker: offerA.tieBreaker })));
      await when(p.a, 'statechange', () => seen.includes(S.SDP_GLARE), 'sdpState SDP_GLARE', 5000);
      await when(p.wire, 'message', () => p.log.filter((m) => m.from === 'A' && m.parsed.messageType === 'OFFER').length >= 2, 'the offer sent again', 15000);
    },
  });

  // ---- closing ----

  conformance.define({
    draft,
    section: '4',
    title: 'close(): the streams the peer received from it finish (ENDED, ended)',
    timeout: 40000,
    async run(t) {
      const { a, b } = await call(t);
      const received = b.remoteStreams[0];
      let ended = 0;
      received.addEventListener('ended', () => ended++);
      a.close();
      await when(received, 'ended', () => ended > 0, 'ended on the stream B received', 15000);
      expect(received.readyState).to.equal(2);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'a closed connection adds no remote stream: closed right after taking an offer, no addstream fires',
    timeout: 30000,
    async run(t) {
      const sa = await gum(t, { audio: true, video: true });
      let b;
      const p = pair(t, {
        tap: (from, message) => {
          if (from !== 'A' || b.readyState === S.CLOSED) return false;
          setTimeout(() => {
            b.processSignalingMessage(message);
            b.close();
          }, 0);
          return false;
        },
      });
      b = p.b;
      p.a.addStream(sa);
      await when(p.wire, 'message', () => p.log.length > 0, 'A’s offer', 10000);
      await sleep(3000);
      expect(b.readyState).to.equal(S.CLOSED);
      expect(b.journal.events.filter((e) => e.type === 'addstream'), 'addstream events').to.deep.equal([]);
      expect(b.remoteStreams.length).to.equal(0);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'an invalid STUN/TURN server acts as if none is configured: a call still connects',
    timeout: 40000,
    async run(t) {
      const { a, b } = await call(t, { aOptions: { audio: true, video: false }, configuration: 'TURN example.invalid:99999' });
      expect([a.readyState, b.readyState]).to.deep.equal([S.ACTIVE, S.ACTIVE]);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'when ICE fails (iceState ICE_FAILED) close() is called by itself: readyState CLOSED, iceState ICE_CLOSED',
    // Chromium 156 was still checking a candidate that never answers after 50 s (skipped there).
    timeout: 45000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const sent = [];
      let got;
      const first = new Promise((resolve) => (got = resolve));
      const pc = t.track(new PeerConnection('', (message) => {
        sent.push(read(message));
        got();
      }));
      pc.addStream(stream);
      await first;
      const offer = sent[0];
      if (offer.messageType !== 'OFFER') t.skip('the offer is not a ROAP OFFER: an answer cannot be forged for it');
      // An answerer whose only candidate is a closed port on loopback (a high one: Chromium ignores remote candidates on most ports below 1024): every check fails. It is
      // built by the browser's own RTCPeerConnection from the offer without its candidates, and closed
      // before the answer is delivered, so nothing ever answers a check.
      const peer = new RTCPeerConnection();
      t.cleanup(() => peer.close());
      const bare = offer.sdp.split(/\r\n/).filter((l) => !/^a=(candidate|end-of-candidates)/.test(l)).join('\r\n');
      await peer.setRemoteDescription({ type: 'offer', sdp: bare });
      await peer.setLocalDescription(await peer.createAnswer());
      const dead = peer.localDescription.sdp
        .split('\r\n')
        .filter((l) => !/^a=(candidate|end-of-candidates)/.test(l))
        .flatMap((l) => (l.startsWith('a=mid:') ? [l, 'a=candidate:1 1 udp 2122260223 127.0.0.1 45999 typ host', 'a=end-of-candidates'] : [l]))
        .join('\r\n');
      peer.close();
      const seen = [];
      pc.addEventListener('statechange', () => seen.push(states(pc)));
      pc.processSignalingMessage(PREFIX + JSON.stringify({ messageType: 'ANSWER', offererSessionId: offer.offererSessionId, answererSessionId: 'dead-peer', seq: offer.seq, sdp: dead }));
      const failed = await when(pc, 'statechange', () => pc.iceState === S.ICE_FAILED || pc.readyState === S.CLOSED, 'ICE_FAILED', 30000).then(() => true, () => false);
      if (!failed) t.skip(`ICE did not fail within 30 s in ${t.browser} (last states ${states(pc).map((x) => x.toString(16))}; sent ${JSON.stringify(sent.map((m) => [m.messageType, m.errorType]))}): the consequence cannot be observed here`);
      await when(pc, 'statechange', () => pc.readyState === S.CLOSED, 'CLOSED after ICE_FAILED', 10000);
      expect(seen.map(([, ice]) => ice), 'iceStates seen').to.include(S.ICE_FAILED);
      expect(pc.iceState).to.equal(S.ICE_CLOSED);
    },
  });
})();
