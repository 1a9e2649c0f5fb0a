/* global WebRTCLegacy, T, PC12 */
// 2012-08 WD §4.3.1–4.3.3: string readyState / iceState with onstatechange, onicechange, onopen,
// onnegotationneeded, updateIce; and (2013-09 WD, under its era) iceConnectionState "completed".
describe('wd-2012-08-21 readyState, iceState and their events', () => {
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.uninstall());

  function watch(pc) {
    const seen = { ready: [pc.readyState], ice: [pc.iceState] };
    pc.onstatechange = () => seen.ready.push(pc.readyState);
    pc.onicechange = () => seen.ice.push(pc.iceState);
    seen.opened = new Promise((resolve) => (pc.onopen = resolve));
    return seen;
  }

  it('a 2012 call goes new → opening → active, opens, and carries a message once open; close() reads closed', async () => {
    WebRTCLegacy.install();
    const a = PC12.make();
    const b = PC12.make();
    const sa = watch(a);
    const sb = watch(b);
    PC12.wire(a, b);
    const channel = a.createDataChannel('after-open');
    const arrived = new Promise((resolve) => (b.ondatachannel = (e) => (e.channel.onmessage = (m) => resolve(m.data))));
    await PC12.negotiate(a, b, { mandatory: { OfferToReceiveAudio: true } });
    await sa.opened;
    await sb.opened;
    if (channel.readyState !== 'open') await T.once(channel, 'open');
    channel.send('open');
    expect(await arrived).to.equal('open');
    for (const s of [sa, sb]) {
      expect(s.ready[0]).to.equal('new');
      expect(s.ready).to.include.ordered.members(['new', 'opening', 'active']);
      expect(s.ice).to.include('checking');
      expect(s.ice[s.ice.length - 1]).to.be.oneOf(['connected', 'completed']);
    }
    expect(a.readyState).to.equal('active');
    a.close();
    expect(a.readyState).to.equal('closed');
    expect(a.iceState).to.equal('closed');
  });

  it('onnegotationneeded (the draft\'s spelling) fires beside onnegotiationneeded', async () => {
    WebRTCLegacy.install();
    const pc = PC12.make();
    const both = Promise.all([new Promise((r) => (pc.onnegotationneeded = r)), new Promise((r) => (pc.onnegotiationneeded = r))]);
    pc.createDataChannel('x');
    await both;
    expect(pc.onnegotationneeded).to.be.a('function');
  });

  it('updateIce: iceTransports "none" → "all" lets candidates out; IceRestart gives new credentials', async () => {
    // The constructor honours iceTransports under an era of the drafts only (wpt: no effect today).
    WebRTCLegacy.install({ era: '2013-09-10' });
    const pc = PC12.make({ iceTransports: 'none' });
    const found = [];
    pc.addEventListener('icecandidate', (e) => e.candidate && e.candidate.candidate && found.push(e.candidate));
    const complete = () => new Promise((resolve) => { const f = () => pc.iceGatheringState === 'complete' && (pc.removeEventListener('icegatheringstatechange', f), resolve()); pc.addEventListener('icegatheringstatechange', f); f(); });
    await pc.setLocalDescription(await pc.createOffer({ offerToReceiveAudio: true }));
    await complete();
    expect(found).to.have.length(0);
    await pc.setLocalDescription({ type: 'rollback' });
    pc.updateIce({ iceTransports: 'all' });
    expect(pc.getConfiguration().iceTransportPolicy).to.equal('all');
    await pc.setLocalDescription(await pc.createOffer({ offerToReceiveAudio: true }));
    await complete();
    expect(found.length).to.be.above(0);
    expect(() => RTCPeerConnection.prototype.updateIce.call({})).to.throw(TypeError);

    const a = PC12.make();
    const b = PC12.make();
    PC12.wire(a, b);
    const { offer } = await PC12.negotiate(a, b, { mandatory: { OfferToReceiveAudio: true } });
    a.updateIce(null, { mandatory: { IceRestart: true } });
    const again = await a.createOffer();
    expect(PC12.ufrags(again.sdp)).to.not.deep.equal(PC12.ufrags(offer.sdp));
  });

  it('under the 2013-09-10 era, iceConnectionState reaches "completed" with its event; without an era it stays native', async () => {
    WebRTCLegacy.install({ era: '2013-09-10' });
    const a = PC12.make();
    const b = PC12.make();
    PC12.wire(a, b);
    const completed = new Promise((resolve) => (a.oniceconnectionstatechange = () => a.iceConnectionState === 'completed' && resolve()));
    await PC12.negotiate(a, b, { mandatory: { OfferToReceiveAudio: true } });
    await completed;
    WebRTCLegacy.install();
    expect(a.iceConnectionState).to.equal('connected');
  });
});
