/* global WebRTCLegacy, T, JSEP, SessionDescription, IceCandidate, webkitPeerConnection00, MediaStreamEvent */
// 2012-03 editor's draft, as Chrome 18–21 shipped it: webkitPeerConnection00 over the native RTCPeerConnection.
describe('ed-2012-03-18 webkitPeerConnection00', function () {
  this.timeout(40000);
  const { gum, track, pcs } = JSEP.useSuite();

  it('constants on the constructor and the prototype; SessionDescription and IceCandidate', () => {
    const expected = {
      SDP_OFFER: 0x100, SDP_PRANSWER: 0x200, SDP_ANSWER: 0x300, NEW: 0, OPENING: 1, ACTIVE: 2, CLOSED: 3,
      ICE_GATHERING: 0x100, ICE_WAITING: 0x200, ICE_CHECKING: 0x300, ICE_CONNECTED: 0x400, ICE_COMPLETED: 0x500, ICE_FAILED: 0x600, ICE_CLOSED: 0x700,
    };
    for (const [k, v] of Object.entries(expected)) {
      expect(webkitPeerConnection00[k], k).to.equal(v);
      expect(webkitPeerConnection00.prototype[k], k).to.equal(v);
    }
    const c = new IceCandidate('1', 'a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host\r\n');
    expect(c.label).to.equal('1');
    expect(c.toSdp()).to.match(/^a=candidate:1 /);
    expect(() => new IceCandidate('0')).to.throw(TypeError);
    expect(() => new SessionDescription()).to.throw(TypeError);
    const pc = track(new webkitPeerConnection00(null, () => {}))[0];
    track(new webkitPeerConnection00('STUN stun.invalid:3478', () => {}), new webkitPeerConnection00({ iceServers: [{ url: 'stun:127.0.0.1:3478' }] }));
    expect([pc.readyState, pc.iceState]).to.deep.equal([0, 0]);
    expect(pc.localDescription).to.equal(null);
    expect(pc.localStreams).to.equal(pc.localStreams);
    expect(() => webkitPeerConnection00.prototype.createOffer.call({})).to.throw(TypeError);
  });

  it('createOffer and createAnswer return a SessionDescription synchronously: v=0, one m-line per local kind, no a=ssrc', async () => {
    const s = await gum();
    const [a, b] = track(new webkitPeerConnection00(null, () => {}), new webkitPeerConnection00(null, () => {}));
    a.addStream(s);
    const offer = a.createOffer({ has_audio: true, has_video: true });
    // No await before these lines: the draft's calls are synchronous.
    expect(typeof offer.toSdp()).to.equal('string');
    expect(offer.toSdp()).to.match(/^v=0\r\n/);
    expect(offer.toSdp().match(/^m=/gm)).to.have.length(2);
    expect(offer.toSdp()).to.match(/^m=audio /m).and.match(/^m=video /m).and.not.match(/^a=ssrc/m);
    expect(String(offer), 'the ED passed descriptions as strings').to.equal(offer.toSdp());
    const answer = b.createAnswer(offer.toSdp(), { has_audio: true, has_video: true });
    expect(typeof answer.toSdp()).to.equal('string');
    expect(answer.toSdp().match(/^m=/gm)).to.have.length(2);
    expect(answer.toSdp()).to.match(/^a=setup:active/m).and.match(/^a=recvonly/m);
    // A third connection in the same task: an engine that refuses edited credentials has two spares ready.
    a.close();
    const audioOnly = new webkitPeerConnection00(null, () => {});
    track(audioOnly);
    audioOnly.addStream(new MediaStream(s.getAudioTracks()));
    expect(audioOnly.createOffer({}).toSdp().match(/^m=\w+/gm)).to.deep.equal(['m=audio']);
    expect(audioOnly.createOffer({ has_video: true }).toSdp().match(/^m=\w+/gm)).to.deep.equal(['m=audio', 'm=video']);
  });

  it('SessionDescription.addCandidate puts the line in the m-line of its label; startIce({use_candidates: "only_relay"}) gives iceCallback no host candidate, then (null, false)', async () => {
    const calls = [];
    const pc = track(new webkitPeerConnection00(null, (c, more) => calls.push([c && c.toSdp(), more])))[0];
    const offer = pc.createOffer({ has_audio: true, has_video: true });
    const line = 'a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host\r\n';
    offer.addCandidate(new IceCandidate('1', line));
    const sections = offer.toSdp().split(/^m=/m);
    expect(sections[2]).to.include('a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host');
    expect(sections[1]).to.not.include('192.0.2.1');
    expect(() => offer.addCandidate(new IceCandidate('7', line))).to.throw().with.property('code', 12);
    expect(() => pc.startIce({ use_candidates: 'some' })).to.throw().with.property('code', 12);
    pc.setLocalDescription(pc.SDP_OFFER, offer);
    pc.startIce({ use_candidates: 'only_relay' });
    await JSEP.until(() => calls.some((c) => c[1] === false), 'the last iceCallback');
    expect(calls).to.deep.equal([[null, false]]);
  });

  it('a loopback call: candidates through iceCallback → processIceMessage, both ACTIVE with open events, non-black remote video both ways', async () => {
    const [sa, sb] = [await gum(), await gum()];
    const { a, b, log } = JSEP.pair();
    track(a, b);
    const events = { a: [], b: [] };
    for (const [name, pc] of [['a', a], ['b', b]]) {
      pc.onopen = () => events[name].push('open');
      pc.onaddstream = (e) => events[name].push(['addstream', e instanceof MediaStreamEvent, e.stream instanceof MediaStream]);
      pc.onicechange = () => events[name].push('icechange');
    }
    a.addStream(sa);
    b.addStream(sb);
    await JSEP.call(a, b);
    expect(a.readyState, 'OPENING once a description is set').to.be.oneOf([a.OPENING, a.ACTIVE]);
    await JSEP.until(() => a.readyState === a.ACTIVE && b.readyState === b.ACTIVE, 'ACTIVE');
    await JSEP.until(() => a.remoteStreams.length === 1 && b.remoteStreams.length === 1, 'remote streams');
    expect(events.a).to.deep.include('open');
    expect(events.b).to.deep.include(['addstream', true, true]);
    expect(a.iceState).to.be.oneOf([a.ICE_CONNECTED, a.ICE_COMPLETED]);
    expect(log.a.length, 'a gave candidates').to.be.above(0);
    expect(log.a.filter((c) => c.candidate).every((c) => /^a=candidate:/.test(c.candidate) && /^\d+$/.test(c.label))).to.equal(true);
    await JSEP.until(() => log.a.some((c) => !c.moreToFollow), 'the last iceCallback of a');
    expect(log.a[log.a.length - 1]).to.deep.equal({ candidate: null, label: null, moreToFollow: false });
    expect(a.localDescription.toSdp(), 'localDescription carries the gathered candidates').to.match(/^a=candidate:/m);
    expect(await T.brightness(a.remoteStreams[0])).to.be.above(10);
    expect(await T.brightness(b.remoteStreams[0])).to.be.above(10);
  });

  it('PRANSWER then ANSWER', async () => {
    const [sa, sb] = [await gum(), await gum()];
    const { a, b } = JSEP.pair();
    track(a, b);
    a.addStream(sa);
    b.addStream(sb);
    await JSEP.call(a, b, { pranswer: true });
    await JSEP.until(() => a.readyState === a.ACTIVE && b.readyState === b.ACTIVE, 'ACTIVE');
    await JSEP.until(() => a.remoteStreams.length === 1, 'remote stream');
    expect(await T.brightness(a.remoteStreams[0])).to.be.above(10);
  });

  it('bad input: the draft’s exceptions (SYNTAX_ERR 12, INVALID_STATE_ERR 11), then a working call on the same objects', async () => {
    const [sa, sb] = [await gum(), await gum()];
    const { a, b } = JSEP.pair();
    track(a, b);
    const codeOf = (fn) => {
      try {
        fn();
      } catch (e) {
        return [e.name, e.code];
      }
      return 'no exception';
    };
    expect(codeOf(() => a.setRemoteDescription(a.SDP_OFFER, new SessionDescription('garbage')))).to.deep.equal(['SyntaxError', 12]);
    expect(codeOf(() => b.createAnswer('v=0\r\nm=audio 9 RTP/AVP 0\r\n'))).to.deep.equal(['SyntaxError', 12]);
    const offer = a.createOffer({});
    expect(codeOf(() => a.setLocalDescription(0x999, offer))).to.deep.equal(['SyntaxError', 12]);
    expect(codeOf(() => a.setLocalDescription(a.SDP_ANSWER, offer))).to.deep.equal(['InvalidStateError', 11]);
    expect(codeOf(() => a.processIceMessage(new IceCandidate('0', 'not a candidate')))).to.deep.equal(['SyntaxError', 12]);
    expect(codeOf(() => a.setLocalDescription(a.SDP_OFFER))[0]).to.equal('TypeError');
    b.setRemoteDescription(b.SDP_OFFER, new SessionDescription(offer.toSdp()));
    expect(codeOf(() => b.setRemoteDescription(b.SDP_OFFER, new SessionDescription(offer.toSdp()))), 'an offer set twice').to.deep.equal(['InvalidStateError', 11]);
    const closed = new webkitPeerConnection00(null, () => {});
    closed.close();
    expect(closed.readyState).to.equal(closed.CLOSED);
    for (const call of [() => closed.createOffer({}), () => closed.startIce(), () => closed.addStream(sa), () => closed.close(), () => closed.setLocalDescription(0x100, offer)]) {
      expect(codeOf(call)).to.deep.equal(['InvalidStateError', 11]);
    }
    // The same two objects then make a call (b already holds a's first offer: answer it).
    a.addStream(sa);
    b.addStream(sb);
    const b2 = b;
    const answer = b2.createAnswer(offer.toSdp(), {});
    a.setLocalDescription(a.SDP_OFFER, offer);
    a.startIce();
    b2.setLocalDescription(b2.SDP_ANSWER, answer);
    b2.startIce();
    a.setRemoteDescription(a.SDP_ANSWER, new SessionDescription(answer.toSdp()));
    await JSEP.until(() => a.readyState === a.ACTIVE && b.readyState === b.ACTIVE, 'ACTIVE');
    await JSEP.until(() => a.remoteStreams.length === 1, 'a remote stream at a');
    expect(await T.brightness(a.remoteStreams[0])).to.be.above(10);
  });

  it('removeStream and a new offer: the other side’s remote stream leaves with removestream; its own stream still arrives', async () => {
    const [sa, sb] = [await gum(), await gum()];
    const { a, b } = JSEP.pair();
    track(a, b);
    a.addStream(sa);
    b.addStream(sb);
    await JSEP.call(a, b);
    await JSEP.until(() => b.remoteStreams.length === 1 && a.remoteStreams.length === 1, 'remote streams');
    const removed = T.once(b, 'removestream', 20000);
    a.removeStream(sa);
    expect(a.localStreams.length).to.equal(0);
    const offer = a.createOffer({});
    expect(offer.toSdp()).to.match(/^a=recvonly/m).and.not.match(/^a=sendrecv/m);
    a.setLocalDescription(a.SDP_OFFER, offer);
    b.setRemoteDescription(b.SDP_OFFER, new SessionDescription(offer.toSdp()));
    const answer = b.createAnswer(offer.toSdp(), {});
    b.setLocalDescription(b.SDP_ANSWER, answer);
    a.setRemoteDescription(a.SDP_ANSWER, new SessionDescription(answer.toSdp()));
    const ev = await removed;
    expect(ev.stream).to.be.an.instanceof(MediaStream);
    expect(b.remoteStreams.length).to.equal(0);
    expect(await T.brightness(a.remoteStreams[0])).to.be.above(10);
  });

  it('a synchronous call before install()’s background preparation has finished throws INVALID_STATE_ERR saying so; native work queued meanwhile waits for it and the call works', async () => {
    const [sa] = [await gum()];
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const w = frame.contentWindow;
    try {
      WebRTCLegacy.install({ window: w });
      const b = new w.webkitPeerConnection00(null, (c) => c && setTimeout(() => a.processIceMessage(new IceCandidate(c.label, c.toSdp())), 0));
      const a = new webkitPeerConnection00(null, (c) => c && setTimeout(() => b.processIceMessage(new w.IceCandidate(c.label, c.toSdp())), 0));
      track(a, b);
      let error;
      try {
        b.createOffer({});
      } catch (e) {
        error = e;
      }
      expect(error && [error.name, error.code]).to.deep.equal(['InvalidStateError', 11]);
      expect(error.message).to.match(/preparing/);
      a.addStream(sa);
      const offer = a.createOffer({});
      a.setLocalDescription(a.SDP_OFFER, offer);
      a.startIce();
      // Before the frame's preparation: accepted now, done natively once it is ready.
      b.setRemoteDescription(b.SDP_OFFER, new w.SessionDescription(offer.toSdp()));
      await JSEP.prepared(w.webkitPeerConnection00);
      const answer = b.createAnswer(offer.toSdp(), {});
      b.setLocalDescription(b.SDP_ANSWER, answer);
      b.startIce();
      a.setRemoteDescription(a.SDP_ANSWER, new SessionDescription(answer.toSdp()));
      await JSEP.until(() => b.remoteStreams.length === 1 && a.readyState === a.ACTIVE, 'the call');
      expect(await T.brightness(b.remoteStreams[0])).to.be.above(10);
    } finally {
      JSEP.closeAll(...pcs());
      WebRTCLegacy.uninstall({ window: w });
      frame.remove();
    }
  });
});
