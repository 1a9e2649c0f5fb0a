/* global WebRTCLegacy, T, JSEP, PC, SessionDescription */
// One window.PeerConnection for 2011 (ROAP) and 2012 (JSEP) apps: the style is what the app does first.
describe('ed-2012-03-18 window.PeerConnection serves 2011 and 2012 apps', function () {
  this.timeout(40000);
  const { gum, track } = JSEP.useSuite();

  it('carries the constants of both drafts', () => {
    for (const [k, v] of Object.entries({ NEW: 0, NEGOTIATING: 1, OPENING: 1, ACTIVE: 2, CLOSED: 3, CLOSING: 4, SDP_IDLE: 0x1000, SDP_OFFER: 0x100, SDP_ANSWER: 0x300, ICE_CLOSED: 0x700 })) {
      expect(PeerConnection[k], k).to.equal(v);
      expect(PeerConnection.prototype[k], k).to.equal(v);
    }
    expect(PeerConnection.length).to.equal(2);
  });

  it('a 2012 app: `window.PeerConnection || window.webkitPeerConnection00`, JSEP calls, iceCallback(candidate, moreToFollow): a call with non-black video both ways', async () => {
    const Ctor = window.PeerConnection || window.webkitPeerConnection00;
    expect(Ctor).to.equal(window.PeerConnection);
    const [sa, sb] = [await gum(), await gum()];
    const { a, b, log } = JSEP.pair({ Ctor });
    track(a, b);
    a.addStream(sa);
    b.addStream(sb);
    // The app's own work before its first offer: the construction task passes with no ROAP offer.
    await T.sleep(50);
    await JSEP.call(a, b);
    await JSEP.until(() => a.readyState === a.ACTIVE && b.readyState === b.ACTIVE, 'ACTIVE');
    await JSEP.until(() => a.remoteStreams.length === 1 && b.remoteStreams.length === 1, 'remote streams');
    expect(a.localDescription.toSdp()).to.match(/^v=0/);
    expect(log.a.some((c) => c.candidate)).to.equal(true);
    expect(await T.brightness(a.remoteStreams[0])).to.be.above(10);
    expect(await T.brightness(b.remoteStreams[0])).to.be.above(10);
  });

  it('a 2011 app: signalingCallback(message), addStream, the automatic ROAP offer: a call with non-black video', async () => {
    const [sa, sb] = [await gum(), await gum()];
    const { a, b, log } = PC.pair();
    track(a, b);
    const added = T.once(b, 'addstream', 30000);
    a.addStream(sa);
    b.addStream(sb);
    await PC.active(a, b);
    expect(PC.types(log)).to.include.members(['OFFER', 'ANSWER', 'OK']);
    const ev = await added;
    expect(ev.stream).to.be.an.instanceof(MediaStream);
    await PC.until(() => a.remoteStreams.length === 1, 'a remote stream');
    expect(await T.brightness(a.remoteStreams[0])).to.be.above(10);
  });

  it('a 2011 app whose signalingCallback declares (message, source): its automatic offer goes out (held a while for a JSEP call that never comes) and the call connects', async () => {
    const [sa] = [await gum()];
    let a, b;
    const sources = [];
    const relay = (to) => (message, source) => {
      sources.push(source === (to === 'b' ? a : b));
      setTimeout(() => { const p = to === 'b' ? b : a; if (p.readyState !== 3) p.processSignalingMessage(message); }, 0);
    };
    a = new PeerConnection('', relay('b'));
    b = new PeerConnection('', relay('a'));
    track(a, b);
    a.addStream(sa);
    await PC.active(a, b);
    await PC.until(() => b.remoteStreams.length === 1, 'the remote stream');
    expect(sources.every(Boolean), 'source is the PeerConnection').to.equal(true);
    expect(b.sdpState).to.equal(PeerConnection.SDP_IDLE);
  });

  it('a JSEP call right after `new` wins over a one-parameter callback; the other style then throws INVALID_STATE_ERR', async () => {
    const pc = new PeerConnection(null, (candidate) => candidate);
    track(pc);
    const offer = pc.createOffer({ has_audio: true });
    expect(offer.toSdp()).to.match(/^m=audio/m);
    let e;
    try {
      pc.processSignalingMessage('SDP\n{}');
    } catch (x) {
      e = x;
    }
    expect(e && [e.name, e.code]).to.deep.equal(['InvalidStateError', 11]);
    expect(e.message).to.match(/JSEP/);
    await T.sleep(50);
    expect(pc.sdpState, 'no ROAP offer was made').to.equal(0);
  });

  it('processSignalingMessage first makes it a 2011 object: createOffer then throws INVALID_STATE_ERR', () => {
    const pc = new PeerConnection('', (message, source) => [message, source]);
    track(pc);
    pc.processSignalingMessage('SDP\n{"messageType":"OK"}');
    let e;
    try {
      pc.createOffer({});
    } catch (x) {
      e = x;
    }
    expect(e && e.name).to.equal('InvalidStateError');
    expect(e.message).to.match(/2011/);
    expect(new SessionDescription('v=0').toSdp()).to.equal('v=0');
  });
});
