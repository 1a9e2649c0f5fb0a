/* global WebRTCLegacy, T, PC */
// 2011 WD §4 PeerConnection over the browser's own RTCPeerConnection.
describe('wd-2011-10-27 §4 PeerConnection', function () {
  this.timeout(30000);
  let streams = [];
  const gum = async (options = 'audio,video') => {
    const { stream, error } = await T.legacyGum(options);
    if (error) throw new Error(error.message);
    streams.push(stream);
    return stream;
  };
  let pcs = [];
  const track = (...p) => (pcs.push(...p), p);
  before(() => WebRTCLegacy.install());
  afterEach(() => {
    PC.closeAll(...pcs);
    pcs = [];
    streams.forEach((s) => T.stopAll(s));
    streams = [];
  });
  after(() => WebRTCLegacy.uninstall());

  it('§4.1.3 constants, on the constructor and the prototype', () => {
    const expected = {
      NEW: 0, NEGOTIATING: 1, ACTIVE: 2, CLOSED: 3, CLOSING: 4,
      ICE_GATHERING: 0x100, ICE_WAITING: 0x200, ICE_CHECKING: 0x300, ICE_CONNECTED: 0x400, ICE_COMPLETED: 0x500, ICE_FAILED: 0x600, ICE_CLOSED: 0x700,
      SDP_IDLE: 0x1000, SDP_WAITING: 0x2000, SDP_GLARE: 0x3000,
    };
    for (const [k, v] of Object.entries(expected)) {
      expect(PeerConnection[k], k).to.equal(v);
      expect(PeerConnection.prototype[k], k).to.equal(v);
    }
  });

  it('§4 starts NEW, then (in a queued task) ICE_GATHERING with a statechange event', async () => {
    const pc = new PeerConnection('', () => {});
    track(pc);
    expect([pc.readyState, pc.iceState, pc.sdpState]).to.deep.equal([0, 0, 0]);
    const changed = T.once(pc, 'statechange');
    expect(pc.iceState, 'not inside the constructor').to.equal(0);
    await changed;
    expect(pc.iceState).to.equal(PeerConnection.ICE_GATHERING);
    expect(pc.readyState).to.equal(PeerConnection.NEW);
  });

  it('§4 never throws for a bad configuration string, and says so on the console', () => {
    const said = [];
    const warn = console.warn;
    console.warn = (...a) => said.push(a.join(' '));
    try {
      for (const config of ['', 'garbage', 'STUN', 'STUN bad_host', 'TURN example.net:99999', 'STUNS example.net', 'STUN example.net\nTURN x']) {
        track(new PeerConnection(config, () => {}));
      }
    } finally {
      console.warn = warn;
    }
    expect(said.join('\n')).to.match(/no STUN or TURN server is configured/);
  });

  it('§4 a call: one OFFER with a=label lines, ANSWER, OK; both ACTIVE with open events; each side gets the other’s stream once, labelled as sent', async () => {
    const [sa, sb] = [await gum(), await gum()];
    const { a, b, log } = PC.pair();
    track(a, b);
    const events = { a: [], b: [] };
    for (const [name, pc] of [['a', a], ['b', b]]) {
      pc.onopen = () => events[name].push('open');
      pc.onconnecting = () => events[name].push('connecting');
      pc.addEventListener('addstream', (e) => events[name].push(['addstream', e.stream.label, e instanceof MediaStreamEvent]));
    }
    a.addStream(sa);
    b.addStream(sb);
    await PC.active(a, b);
    await PC.until(() => a.remoteStreams.length === 1 && b.remoteStreams.length === 1, 'remote streams');
    const types = PC.types(log);
    // Both added a stream right after `new`: glare is possible, but each side settles on one offer.
    expect(types.filter((t) => t === 'OFFER').length).to.be.within(1, 3);
    expect(types).to.include.members(['OFFER', 'ANSWER', 'OK']);
    const offer = log.find((m) => m.parsed && m.parsed.messageType === 'OFFER');
    expect(offer.message.startsWith('SDP\n')).to.equal(true);
    expect(offer.parsed.sdp).to.match(/a=candidate:/);
    expect(offer.parsed.sdp).to.include(`a=label:${offer.from === 'A' ? sa.label : sb.label}`);
    expect(a.remoteStreams[0].label).to.equal(sb.label);
    expect(b.remoteStreams[0].label).to.equal(sa.label);
    expect(a.remoteStreams[0].getTracks().map((t) => t.kind).sort()).to.deep.equal(['audio', 'video']);
    expect(events.a.filter((e) => e[0] === 'addstream')).to.deep.equal([['addstream', sb.label, true]]);
    expect(events.b.filter((e) => e[0] === 'addstream')).to.deep.equal([['addstream', sa.label, true]]);
    expect(events.a.filter((e) => e === 'open')).to.have.length(1);
    expect(events.b).to.include('open');
    await PC.until(() => a.sdpState === PeerConnection.SDP_IDLE && b.sdpState === PeerConnection.SDP_IDLE, 'SDP_IDLE');
    expect([PeerConnection.ICE_CONNECTED, PeerConnection.ICE_COMPLETED]).to.include(a.iceState);
    // What a 2011 app relies on: the remote video shows real frames.
    expect(await T.brightness(a.remoteStreams[0])).to.be.above(10);
  });

  it('§4 addStream right after `new` and on one side only: exactly one OFFER', async () => {
    const s = await gum('audio');
    const { a, b, log } = PC.pair();
    track(a, b);
    a.addStream(s);
    await PC.active(a, b);
    await T.sleep(300);
    // One round: the 2012-02 datagram channel is negotiated only for an app that calls send().
    expect(PC.types(log)).to.deep.equal(['OFFER', 'ANSWER', 'OK']);
    expect(log[0].parsed.sdp).not.to.match(/^m=application /m);
    expect(b.remoteStreams.map((x) => x.label)).to.deep.equal([s.label]);
    expect(a.remoteStreams).to.have.length(0);
  });

  it('§4.1.1 localStreams / remoteStreams are live read-only arrays, the same object on every read', async () => {
    const s = await gum('audio');
    const pc = new PeerConnection('', () => {});
    track(pc);
    const local = pc.localStreams;
    expect(Array.isArray(local)).to.equal(true);
    expect(pc.localStreams).to.equal(local);
    expect(pc.remoteStreams).to.equal(pc.remoteStreams);
    pc.addStream(s);
    expect(local).to.have.length(1);
    expect(local[0]).to.equal(s);
    expect(() => { 'use strict'; local.push(s); }).to.throw(TypeError);
    expect(() => { 'use strict'; local[0] = null; }).to.throw(TypeError);
    expect(local).to.have.length(1);
  });

  it('§4.1.2 addStream ignores a duplicate; removeStream ignores a stranger; both throw INVALID_STATE_ERR when closed', async () => {
    const s = await gum('audio');
    const pc = new PeerConnection('', () => {});
    pc.addStream(s, { some: 'hints' });
    pc.addStream(s);
    expect(pc.localStreams).to.have.length(1);
    pc.removeStream(new MediaStream());
    expect(pc.localStreams).to.have.length(1);
    pc.close();
    for (const call of [() => pc.addStream(s), () => pc.removeStream(s), () => pc.processSignalingMessage('SDP\n{}'), () => pc.close()]) {
      let e;
      try { call(); } catch (x) { e = x; }
      expect(e, String(call)).to.be.an.instanceof(DOMException);
      expect(e.name).to.equal('InvalidStateError');
      expect(e.code).to.equal(11);
    }
    expect(pc.localStreams).to.have.length(1);
  });

  it('§4.1.2 processSignalingMessage ignores a message without the "SDP\\n" prefix, with a console message', async () => {
    const said = [];
    const warn = console.warn;
    console.warn = (...a) => said.push(a.join(' '));
    const pc = new PeerConnection('', () => {});
    track(pc);
    try {
      pc.processSignalingMessage('HELLO\n{}');
      pc.processSignalingMessage('{"messageType":"OFFER"}');
    } finally {
      console.warn = warn;
    }
    expect(said.join('\n')).to.match(/does not start with "SDP\\n"/);
    await T.sleep(50);
    expect(pc.sdpState).to.equal(0);
  });

  it('§4.1.2 close(): CLOSED at once, streams kept; the peer gets SHUTDOWN, ends what it received, closes and answers OK', async () => {
    const [sa, sb] = [await gum(), await gum('audio')];
    const { a, b, log } = PC.pair();
    track(a, b);
    a.addStream(sa);
    b.addStream(sb);
    await PC.active(a, b);
    await PC.until(() => b.remoteStreams.length === 1, 'remote stream');
    const received = b.remoteStreams[0];
    let ended = 0;
    received.onended = () => ended++;
    const bStates = [];
    b.onstatechange = () => bStates.push(b.readyState);
    a.close();
    expect(a.readyState).to.equal(PeerConnection.CLOSED);
    expect(a.iceState).to.equal(PeerConnection.ICE_CLOSED);
    expect(a.localStreams).to.deep.equal([sa]);
    expect(a.remoteStreams).to.have.length(1);
    await PC.until(() => b.readyState === PeerConnection.CLOSED, 'B closed');
    await PC.until(() => ended === 1, 'received stream ended');
    expect(received.readyState).to.equal(2);
    expect(bStates).to.include(PeerConnection.CLOSING);
    expect(b.remoteStreams).to.deep.equal([received]);
    expect(PC.types(log, 'A')).to.include('SHUTDOWN');
    expect(PC.types(log, 'B').slice(-1)).to.deep.equal(['OK']);
  });

  it('§4 removeStream mid-call: the peer’s stream ends, leaves remoteStreams and removestream fires', async () => {
    const [s1, s2] = [await gum('audio'), await gum('video')];
    const { a, b } = PC.pair();
    track(a, b);
    a.addStream(s1);
    a.addStream(s2);
    await PC.active(a, b);
    await PC.until(() => b.remoteStreams.length === 2, 'two remote streams');
    expect(b.remoteStreams.map((s) => s.label).sort()).to.deep.equal([s1.label, s2.label].sort());
    const gone = b.remoteStreams.find((s) => s.label === s1.label);
    const removed = T.once(b, 'removestream');
    const ended = T.once(gone, 'ended');
    a.removeStream(s1);
    const ev = await removed;
    await ended;
    expect(ev.stream).to.equal(gone);
    expect(gone.readyState).to.equal(2);
    expect(b.remoteStreams.map((s) => s.label)).to.deep.equal([s2.label]);
    expect(a.localStreams).to.deep.equal([s2]);
  });

  it('§4 addStream mid-call renegotiates with a new OFFER; several streams in both directions', async () => {
    const [a1, b1, a2, b2] = [await gum('audio'), await gum('audio'), await gum('video'), await gum('audio,video')];
    const { a, b, log } = PC.pair();
    track(a, b);
    a.addStream(a1);
    await PC.active(a, b);
    b.addStream(b1);
    await PC.until(() => a.remoteStreams.length === 1, 'A receives b1');
    a.addStream(a2);
    b.addStream(b2);
    await PC.until(() => a.remoteStreams.length === 2 && b.remoteStreams.length === 2, 'two streams each way');
    expect(a.remoteStreams.map((s) => s.label).sort()).to.deep.equal([b1.label, b2.label].sort());
    expect(b.remoteStreams.map((s) => s.label).sort()).to.deep.equal([a1.label, a2.label].sort());
    expect(PC.types(log).filter((t) => t === 'OFFER').length).to.be.at.least(3);
    // Firefox re-checks ICE while it renegotiates (NEGOTIATING for a moment): ACTIVE again after.
    await PC.active(a, b);
    const video = b.remoteStreams.find((s) => s.label === a2.label);
    expect(await T.brightness(video)).to.be.above(10);
  });

  it('§4.1.1 glare, 20 times: both offer at once; the higher tieBreaker wins, the other answers; both end ACTIVE with each other’s streams', async function () {
    this.timeout(120000);
    for (let round = 0; round < 20; round++) {
      const [sa, sb] = [await gum('audio'), await gum('audio')];
      // Hold both first offers until both exist, so they cross on the wire.
      const held = [];
      let holding = true;
      const { a, b, log } = PC.pair({ tap: (from, m) => (holding && PC.read(m).messageType === 'OFFER' ? (held.push([from, m]), false) : true) });
      track(a, b);
      a.addStream(sa);
      b.addStream(sb);
      await PC.until(() => held.length === 2, 'both offers');
      expect(a.sdpState).to.equal(PeerConnection.SDP_WAITING);
      expect(b.sdpState).to.equal(PeerConnection.SDP_WAITING);
      holding = false;
      for (const [from, m] of held) (from === 'A' ? b : a).processSignalingMessage(m);
      await PC.active(a, b);
      await PC.until(() => a.remoteStreams.length === 1 && b.remoteStreams.length === 1, 'streams after glare');
      expect(a.remoteStreams[0].label).to.equal(sb.label);
      expect(b.remoteStreams[0].label).to.equal(sa.label);
      expect(PC.types(log)).to.include('ERROR');
      PC.closeAll(a, b);
    }
  });

  it('§4.1.1 glare with equal tieBreakers: SDP_GLARE, ERROR DOUBLECONFLICT, then a retry after a random wait connects', async () => {
    const s = await gum('audio');
    const sent = [];
    const pc = new PeerConnection('', (m) => sent.push(PC.read(m)));
    track(pc);
    pc.addStream(s);
    await PC.until(() => sent.length === 1, 'the OFFER');
    const offer = sent[0];
    // A modern peer, speaking ROAP through the exported helpers, offers with the very same tieBreaker.
    const modern = new RTCPeerConnection();
    modern.addTransceiver('audio');
    await modern.setLocalDescription(await modern.createOffer());
    await PC.until(() => modern.iceGatheringState === 'complete', 'gathering');
    const states = [];
    pc.onstatechange = () => states.push(pc.sdpState);
    pc.processSignalingMessage(WebRTCLegacy.roap ? WebRTCLegacy.roap.serialize({ messageType: 'OFFER', offererSessionId: 'modern', seq: offer.seq, sdp: modern.localDescription.sdp, tieBreaker: offer.tieBreaker })
      : 'SDP\n' + JSON.stringify({ messageType: 'OFFER', offererSessionId: 'modern', seq: offer.seq, sdp: modern.localDescription.sdp, tieBreaker: offer.tieBreaker }));
    await PC.until(() => sent.some((m) => m.messageType === 'ERROR'), 'the ERROR');
    expect(sent.find((m) => m.messageType === 'ERROR').errorType).to.equal('DOUBLECONFLICT');
    await PC.until(() => states.includes(PeerConnection.SDP_GLARE), 'SDP_GLARE');
    await PC.until(() => sent.filter((m) => m.messageType === 'OFFER').length === 2, 'the retried OFFER');
    const retry = sent.filter((m) => m.messageType === 'OFFER')[1];
    expect(retry.seq).to.be.above(offer.seq);
    modern.close();
  });

  it('send() / onmessage (2012-02 draft): text datagrams arrive as MessageEvents; over 504 UTF-8 bytes throws INVALID_ACCESS_ERR', async () => {
    const s = await gum('audio');
    const { a, b } = PC.pair();
    track(a, b);
    a.addStream(s);
    await PC.active(a, b);
    const got = [];
    b.onmessage = (e) => got.push([e instanceof MessageEvent, e.data]);
    // The first send() negotiates the datagram channel; what is sent meanwhile goes once it opens.
    a.send('hello 2012');
    await PC.until(() => got.length > 0, 'message');
    expect(got[0]).to.deep.equal([true, 'hello 2012']);
    let e;
    try { a.send('é'.repeat(253)); } catch (x) { e = x; }
    expect(e && e.name).to.equal('InvalidAccessError');
    expect(e.code).to.equal(15);
    expect(() => a.send('é'.repeat(252))).to.not.throw();
  });

  it('send() on both sides as soon as `open` fires (2012-02 apps do), 8 times: both datagrams arrive, the calls stay ACTIVE, even when both offer the channel at once', async () => {
    const s = await gum('audio');
    let bothOffered = 0;
    for (let round = 0; round < 8; round++) {
      const { a, b, log } = PC.pair();
      track(a, b);
      const got = { a: [], b: [] };
      a.onmessage = (e) => got.a.push(e.data);
      b.onmessage = (e) => got.b.push(e.data);
      a.onopen = () => a.send('from a');
      b.onopen = () => b.send('from b');
      a.addStream(s);
      await PC.until(() => got.a.length > 0 && got.b.length > 0, `both datagrams, round ${round}`);
      expect(got).to.deep.equal({ a: ['from b'], b: ['from a'] });
      expect([a.readyState, b.readyState]).to.deep.equal([PeerConnection.ACTIVE, PeerConnection.ACTIVE]);
      const channelOffers = log.filter((m) => m.parsed?.messageType === 'OFFER' && /^m=application /m.test(m.parsed.sdp ?? ''));
      if (new Set(channelOffers.map((m) => m.from)).size === 2) bothOffered++;
      PC.closeAll(a, b);
    }
    console.log(`send() on both sides: both offered the channel at once in ${bothOffered} of 8 rounds`);
  });
});
