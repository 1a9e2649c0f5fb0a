/* global WebRTCLegacy, T, PC */
// 2011 WD §4: remote input is untrusted. Nothing a peer sends may throw, reject unhandled, pollute a
// prototype or wedge the state machine; ROAP ERRORs go back where ROAP says so; a later valid
// exchange still connects.
describe('wd-2011-10-27 §4 PeerConnection with bad signaling input', function () {
  this.timeout(40000);
  const unhandled = [];
  const onRejection = (e) => unhandled.push(String(e.reason));
  const onError = (e) => unhandled.push(String(e.message));
  let warn;
  before(() => {
    WebRTCLegacy.install();
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    warn = console.warn;
    console.warn = () => {};
  });
  after(() => {
    console.warn = warn;
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
    WebRTCLegacy.uninstall();
  });

  const STATES = { ready: [0, 1, 2, 3, 4], ice: [0, 0x100, 0x200, 0x300, 0x400, 0x500, 0x600, 0x700], sdp: [0, 0x1000, 0x2000, 0x3000] };
  const valid = (pc) => STATES.ready.includes(pc.readyState) && STATES.ice.includes(pc.iceState) && STATES.sdp.includes(pc.sdpState);

  it('survives every malformed, stale or hostile message, answers ERROR where ROAP says so, then still connects', async () => {
    const s = (await T.legacyGum('audio,video')).stream;
    const sent = [];
    const victim = new PeerConnection('', (m) => sent.push(PC.read(m)));
    victim.addStream(s);
    await PC.until(() => sent.length === 1, 'the victim’s OFFER');
    const offer = sent[0];
    const modern = new RTCPeerConnection();
    modern.addTransceiver('audio');
    await modern.setLocalDescription(await modern.createOffer());
    const goodSdp = modern.localDescription.sdp;
    const j = (o) => 'SDP\n' + JSON.stringify(o);
    const hostile = [
      'SDP\n{not json',
      'SDP\n',
      'SDP\n[]',
      'SDP\nnull',
      j({ messageType: 'HELLO', offererSessionId: 'x', seq: 1 }),
      j({ messageType: 'ANSWER', offererSessionId: offer.offererSessionId, answererSessionId: 'p', seq: 999, sdp: goodSdp }),
      j({ messageType: 'ANSWER', offererSessionId: offer.offererSessionId, answererSessionId: 'p', seq: offer.seq, sdp: 'v=0\r\nthis is not sdp\r\n' }),
      j({ messageType: 'OK', offererSessionId: 'someone-else', answererSessionId: 'p', seq: 1 }),
      j({ messageType: 'OFFER', offererSessionId: offer.offererSessionId, seq: 1, sdp: goodSdp, tieBreaker: 1 }),
      j({ messageType: 'OFFER', offererSessionId: 'x', seq: -5, sdp: goodSdp, tieBreaker: 1 }),
      j({ messageType: 'OFFER', offererSessionId: 'x', seq: 1e300, sdp: goodSdp, tieBreaker: 1 }),
      j({ messageType: 'OFFER', offererSessionId: 'x', seq: '2', sdp: goodSdp, tieBreaker: 1 }),
      j({ messageType: 'ERROR', offererSessionId: offer.offererSessionId, answererSessionId: 'p', seq: 77, errorType: 'FAILED' }),
      'SDP\n{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"messageType":"OK","offererSessionId":"a","answererSessionId":"b","seq":1}',
      'SDP\n' + JSON.stringify({ messageType: 'OFFER', offererSessionId: 'x', seq: 5, tieBreaker: 1, sdp: 'v=0\r\n' + 'a=x\r\n'.repeat(60000) }),
      'SDP\nv=0\r\ngarbage',
      'SDP\n' + '{'.repeat(100000),
      12345,
      null,
    ];
    for (const m of hostile) {
      expect(() => victim.processSignalingMessage(m), String(m).slice(0, 60)).to.not.throw();
      await T.sleep(10);
      expect(valid(victim), String(m).slice(0, 60)).to.equal(true);
    }
    // An OFFER whose SDP the browser refuses is answered with ERROR FAILED (the victim loses glare: tieBreaker 2^31).
    victim.processSignalingMessage(j({ messageType: 'OFFER', offererSessionId: 'intruder', seq: offer.seq, sdp: 'v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n', tieBreaker: 2 ** 31 }));
    await PC.until(() => sent.some((m) => m && m.messageType === 'ERROR' && m.errorType === 'FAILED'), 'ERROR FAILED');
    await T.sleep(300);
    expect({}.polluted).to.equal(undefined);
    expect(Object.prototype.polluted).to.equal(undefined);
    expect(unhandled).to.deep.equal([]);
    expect(valid(victim)).to.equal(true);
    expect(victim.readyState).to.not.equal(PeerConnection.CLOSED);
    victim.close();
    modern.close();

    // The same page, a normal call afterwards, still connects.
    const s2 = (await T.legacyGum('audio')).stream;
    const { a, b } = PC.pair();
    a.addStream(s2);
    await PC.active(a, b);
    PC.closeAll(a, b);
    T.stopAll(s);
    T.stopAll(s2);
  });

  // Found by npm run fuzz: parse() trimmed a bare SDP's last CRLF, and Chromium refuses an SDP whose
  // last line (here an a=ssrc line) has none ("Invalid SDP line"). Relays and apps trim messages too.
  it('answers an SDP offer whose last line lost its CRLF on the way, bare or in a ROAP OFFER', async () => {
    for (const wrap of [(sdp) => 'SDP\n' + sdp, (sdp) => 'SDP\n' + JSON.stringify({ messageType: 'OFFER', offererSessionId: 'trimmed', seq: 1, sdp, tieBreaker: 3 })]) {
      const modern = new RTCPeerConnection();
      modern.addTransceiver('audio');
      modern.addTransceiver('video');
      await modern.setLocalDescription(await modern.createOffer());
      const sent = [];
      const pc = new PeerConnection('', (m) => sent.push(m));
      pc.processSignalingMessage(wrap(modern.localDescription.sdp.trim()));
      await PC.until(() => sent.length > 0, 'the answer');
      const reply = PC.read(sent[0]);
      const answer = reply ? reply.sdp : sent[0].slice(4);
      expect(reply ? reply.messageType : 'bare SDP', sent[0].slice(0, 200)).to.equal(reply ? 'ANSWER' : 'bare SDP');
      await modern.setRemoteDescription({ type: 'answer', sdp: answer });
      expect(modern.signalingState).to.equal('stable');
      pc.close();
      modern.close();
    }
  });

  // Found from a fuzz case (a bare SDP offer the browser refuses, fed to a PeerConnection in
  // SDP_WAITING): the shim rolled its own OFFER back to answer, failed, and stayed in SDP_WAITING with
  // nothing out — and never offered again, not even for a new stream. It also switched to bare SDP.
  it('after a refused bare SDP offer undid its own OFFER, offers again (in ROAP) instead of waiting forever', async () => {
    const s = (await T.legacyGum('audio')).stream;
    const sent = [];
    const pc = new PeerConnection('', (m) => sent.push(m));
    pc.addStream(s);
    await PC.until(() => sent.length === 1 && pc.sdpState === PeerConnection.SDP_WAITING, 'the first OFFER');
    pc.processSignalingMessage('SDP\nv=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=setup:actpass\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n');
    await PC.until(() => sent.length === 2, 'a new OFFER');
    const first = PC.read(sent[0]);
    const again = PC.read(sent[1]);
    expect(again && again.messageType, sent[1].slice(0, 80)).to.equal('OFFER');
    expect(again.offererSessionId).to.equal(first.offererSessionId);
    expect(again.seq).to.be.greaterThan(first.seq);
    await PC.until(() => pc.sdpState === PeerConnection.SDP_WAITING, 'SDP_WAITING for the new OFFER');
    pc.close();
    T.stopAll(s);
  });

  // Found by npm run fuzz: Chromium refuses an SDP whose ice-pwd or ice-ufrag breaks RFC 8839 §5.4 —
  // and keeps a lasting error on the connection: every later offer and answer failed, so one hostile
  // message ended all negotiation. Such an SDP is now refused before the browser sees it.
  it('refuses an OFFER with invalid ICE credentials (ERROR FAILED), and the same PeerConnection still connects', async () => {
    const s = (await T.legacyGum('audio')).stream;
    const modern = new RTCPeerConnection();
    modern.addTransceiver('audio');
    await modern.setLocalDescription(await modern.createOffer());
    const good = modern.localDescription.sdp;
    modern.close();
    let a = null;
    const fromB = [];
    const b = new PeerConnection('', (m) => {
      fromB.push(PC.read(m));
      if (a) setTimeout(() => a.readyState !== PeerConnection.CLOSED && a.processSignalingMessage(m), 0);
    });
    const bad = [good.replace(/a=ice-pwd:\S+/g, 'a=ice-pwd:short'), good.replace(/a=ice-ufrag:\S+/g, 'a=ice-ufrag:a%b!')];
    for (const [i, sdp] of bad.entries()) {
      b.processSignalingMessage('SDP\n' + JSON.stringify({ messageType: 'OFFER', offererSessionId: 'hostile', seq: i + 1, sdp, tieBreaker: 1 }));
      await PC.until(() => fromB.filter((m) => m && m.errorType === 'FAILED').length === i + 1, 'ERROR FAILED');
    }
    a = new PeerConnection('', (m) => setTimeout(() => b.readyState !== PeerConnection.CLOSED && b.processSignalingMessage(m), 0));
    a.addStream(s);
    await PC.active(a, b);
    await PC.until(() => b.remoteStreams.length === 1, 'the remote stream');
    PC.closeAll(a, b);
    T.stopAll(s);
  });

  // Found from the same fuzz case: having lost glare to an OFFER, rolled its own back, and then found
  // that OFFER refused by the browser, the shim went back to SDP_NEW and never offered its stream.
  it('offers again when it lost glare to an OFFER the browser then refused', async () => {
    const s = (await T.legacyGum('audio')).stream;
    const sent = [];
    const pc = new PeerConnection('', (m) => sent.push(PC.read(m)));
    pc.addStream(s);
    await PC.until(() => sent.length === 1 && pc.sdpState === PeerConnection.SDP_WAITING, 'the first OFFER');
    // A tieBreaker above any of ours (at most 2^31 - 1): the victim loses glare and rolls back.
    pc.processSignalingMessage('SDP\n' + JSON.stringify({ messageType: 'OFFER', offererSessionId: 'intruder', seq: sent[0].seq, sdp: 'v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n', tieBreaker: 2 ** 31 }));
    await PC.until(() => sent.length === 3, 'ERROR FAILED, then a new OFFER');
    expect(sent.slice(1).map((m) => m.messageType + (m.errorType ? ' ' + m.errorType : ''))).to.deep.equal(['ERROR FAILED', 'OFFER']);
    expect(sent[2].offererSessionId).to.equal(sent[0].offererSessionId);
    expect(sent[2].seq).to.be.greaterThan(sent[0].seq);
    await PC.until(() => pc.sdpState === PeerConnection.SDP_WAITING, 'SDP_WAITING');
    pc.close();
    T.stopAll(s);
  });

  // Found by npm run fuzz: after some refused remote descriptions Chromium 156 keeps a lasting session
  // error ("Session error code: ERROR_CONTENT"): every later offer and answer on that connection fails.
  // Two mid-call OFFERs that do it: a=setup contradicting the negotiated DTLS role (the answer is
  // refused, and so is the rollback), and one SSRC for audio and video (refused; the next description
  // fails). Such a connection is dead, as after ICE failure: it closes, and SHUTDOWN ends its streams
  // at the peer. Firefox 153 takes both OFFERs; there the connection must stay usable.
  const hostile = {
    'a=setup contradicting the negotiated role': (sdp) => sdp.replace(/a=setup:actpass/g, 'a=setup:active'),
    'one SSRC for two tracks': (sdp) => {
      const ssrcs = [...new Set([...sdp.matchAll(/^a=ssrc:(\d+) /gm)].map((x) => x[1]))];
      return sdp.split(ssrcs[ssrcs.length - 1]).join(ssrcs[0]);
    },
  };
  for (const [what, mutate] of Object.entries(hostile)) {
    it(`a mid-call OFFER with ${what}: refused or taken, never a wedge (closes cleanly where the browser can no longer negotiate)`, async () => {
      const sa = (await T.legacyGum('audio,video')).stream;
      const sb = (await T.legacyGum('audio')).stream;
      const { a, b, log } = PC.pair();
      // A offers first (so B holds the active DTLS role), B adds its stream mid-call.
      a.addStream(sa);
      await PC.active(a, b);
      b.addStream(sb);
      await PC.until(() => a.remoteStreams.length === 1 && b.remoteStreams.length === 1, 'both remote streams');
      await PC.until(() => a.sdpState === PeerConnection.SDP_IDLE && b.sdpState === PeerConnection.SDP_IDLE, 'both SDP_IDLE');
      await T.sleep(300); // any late round (B's stream) is done
      const offers = log.filter((m) => m.from === 'A' && m.parsed && m.parsed.messageType === 'OFFER');
      const last = offers[offers.length - 1].parsed;
      const seq = Math.max(...log.filter((m) => m.parsed).map((m) => m.parsed.seq));
      const sdp = mutate(last.sdp);
      expect(sdp).to.not.equal(last.sdp);
      const fromB = log.length;
      const received = a.remoteStreams[0];
      let ended = 0;
      received.onended = () => ended++;
      const warnings = [];
      console.warn = (...args) => warnings.push(args.join(' '));
      try {
        b.processSignalingMessage('SDP\n' + JSON.stringify({ ...last, seq: seq + 1, sdp, tieBreaker: 1 }));
        await PC.until(() => log.slice(fromB).some((m) => m.from === 'B' && m.parsed && ['ANSWER', 'ERROR'].includes(m.parsed.messageType)), 'ANSWER or ERROR');
        await T.sleep(500);
      } finally {
        console.warn = () => {};
      }
      const said = warnings.join('\n');
      if (b.readyState === PeerConnection.CLOSED) {
        // The clean close: said why, ERROR FAILED for the OFFER, then SHUTDOWN; the peer ends B's stream and closes.
        expect(said).to.match(/can no longer negotiate on this connection/);
        expect(PC.types(log.slice(fromB), 'B')).to.deep.equal(['ERROR', 'SHUTDOWN']);
        await PC.until(() => a.readyState === PeerConnection.CLOSED && ended === 1, 'the peer CLOSED, B’s stream ended there');
      } else {
        // Still usable: a stream B's app adds reaches A.
        expect(T.isFirefox, `Chromium 156 cannot negotiate after this OFFER, yet B did not close (${said})`).to.equal(true);
        expect(said).to.not.match(/can no longer negotiate/);
        const sb2 = (await T.legacyGum('audio')).stream;
        b.addStream(sb2);
        await PC.until(() => a.remoteStreams.length === 2, 'B’s added stream at A');
        expect([a.readyState, b.readyState]).to.deep.equal([PeerConnection.ACTIVE, PeerConnection.ACTIVE]);
        T.stopAll(sb2);
      }
      expect(unhandled).to.deep.equal([]);
      PC.closeAll(a, b);
      T.stopAll(sa);
      T.stopAll(sb);
    });
  }

  it('answers a message for another session with ROAP ERROR NOMATCH once a session exists', async () => {
    const s = (await T.legacyGum('audio')).stream;
    const sentA = [];
    const { a, b } = PC.pair({ tap: (from, m) => (from === 'A' && sentA.push(PC.read(m)), true) });
    a.addStream(s);
    await PC.active(a, b);
    const n = sentA.length;
    a.processSignalingMessage('SDP\n' + JSON.stringify({ messageType: 'OFFER', offererSessionId: 'stranger', answererSessionId: 'other', seq: 50, sdp: 'v=0\r\n', tieBreaker: 5 }));
    await PC.until(() => sentA.slice(n).some((m) => m.messageType === 'ERROR'), 'the ERROR');
    expect(sentA.slice(n).filter((m) => m.messageType === 'ERROR').map((m) => m.errorType)).to.deep.equal(['NOMATCH']);
    await PC.active(a, b);
    expect(a.readyState).to.equal(PeerConnection.ACTIVE);
    PC.closeAll(a, b);
    T.stopAll(s);
  });
});
