// 2011 WD §4 + the bound: an SDP goes out after at most ~1 s of gathering; candidates the
// browser finds later go out in a follow-up OFFER of the same session, which the peer answers.
// The STUN server here is real (RFC 5389 Binding Success Response with XOR-MAPPED-ADDRESS) but slow:
// it answers STUN_DELAY_MS after a client's first request, mapping every client to 203.0.113.7
// (TEST-NET-3), so the browser turns the answer into a `typ srflx` candidate no host has.
//
// Verified by experiment (Chromium 156, Firefox 153 ESR):
// - Firefox sends no STUN request to a server on 127.0.0.1 (its host candidates are not loopback),
//   so the server listens on this machine's first non-loopback IPv4 address; Chromium queries both.
// - Chromium stops gathering once ICE is connected (a STUN answer arriving later is dropped and
//   gathering turns `complete` at once); Firefox keeps gathering and reports the srflx after connecting.
import { expect } from 'chai';
import dgram from 'node:dgram';
import os from 'node:os';
import { browserNames, launch, withPage } from '../browsers.js';
import { startServer } from '../../../server/app.js';

const STUN_DELAY_MS = 2500;
const MAPPED = '203.0.113.7';

function hostAddress() {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/** A STUN server answering each client (by address and port) STUN_DELAY_MS after its first request. */
async function slowStunServer(address) {
  const socket = dgram.createSocket('udp4');
  const first = new Map();
  // Replies still pending when the test closes the server are dropped, not sent on a closed socket.
  const pending = new Set();
  socket.on('close', () => pending.forEach(clearTimeout));
  socket.on('message', (msg, from) => {
    // RFC 5389 §6: a Binding request (0x0001) with the magic cookie.
    if (msg.length < 20 || msg.readUInt16BE(0) !== 0x0001 || msg.readUInt32BE(4) !== 0x2112a442) return;
    const key = `${from.address}:${from.port}`;
    if (!first.has(key)) first.set(key, Date.now());
    const transactionId = Buffer.from(msg.subarray(8, 20));
    const timer = setTimeout(() => {
      pending.delete(timer);
      // RFC 5389 §15.2 XOR-MAPPED-ADDRESS (0x0020), IPv4: port and address XORed with the cookie.
      const attr = Buffer.alloc(12);
      attr.writeUInt16BE(0x0020, 0);
      attr.writeUInt16BE(8, 2);
      attr.writeUInt8(0x01, 5);
      attr.writeUInt16BE(from.port ^ 0x2112, 6);
      attr.writeUInt32BE((MAPPED.split('.').reduce((n, o) => n * 256 + Number(o), 0) ^ 0x2112a442) >>> 0, 8);
      const header = Buffer.alloc(20);
      header.writeUInt16BE(0x0101, 0); // Binding Success Response
      header.writeUInt16BE(attr.length, 2);
      header.writeUInt32BE(0x2112a442, 4);
      transactionId.copy(header, 8);
      socket.send(Buffer.concat([header, attr]), from.port, from.address);
    }, Math.max(0, first.get(key) + STUN_DELAY_MS - Date.now()));
    pending.add(timer);
  });
  await new Promise((r) => socket.bind(0, address, r));
  return socket;
}

/**
 * Two 2011 PeerConnections in one page: A, configured with the STUN server, sends an audio stream to B,
 * which has no server (so only A has late candidates). The relay delivers each message `latencyMs`
 * later, as a slow signaling channel (a 2011 app polling its server) would. State on window.__call.
 */
function startCall(page, { config, latencyMs }) {
  return page.evaluate(async ({ config, latencyMs, mapped }) => {
    const srflx = new RegExp(`^a=candidate:.* ${mapped.replace(/\./g, '\\.')} \\d+ typ srflx`, 'm');
    const stream = await new Promise((ok, fail) => navigator.getUserMedia('audio', ok, fail));
    const call = (window.__call = { log: [], afterOpen: { a: [], b: [] }, stream });
    const relay = (from, to) => (m) => {
      const r = JSON.parse(m.slice(4));
      const sdp = r.sdp || '';
      call.log.push({ from, type: r.messageType, seq: r.seq, offerer: r.offererSessionId, answerer: r.answererSessionId, srflx: srflx.test(sdp) });
      setTimeout(() => to().readyState !== 3 && to().processSignalingMessage(m), latencyMs);
    };
    call.a = new PeerConnection(config, relay('A', () => call.b));
    call.b = new PeerConnection('', relay('B', () => call.a));
    for (const name of ['a', 'b']) {
      const pc = call[name];
      let opened = false;
      pc.addEventListener('open', () => (opened = true));
      // Every state a 2011 app would see once the call is up.
      pc.addEventListener('statechange', () => opened && call.afterOpen[name].push(pc.readyState));
    }
    call.a.addStream(stream);
  }, { config, latencyMs, mapped: MAPPED });
}

/** A's follow-up OFFER with the srflx candidate, B's ANSWER to it and A's OK: the round is done. */
const followUpDone = () => {
  const { log } = window.__call;
  const offer = log.find((m) => m.from === 'A' && m.type === 'OFFER' && m.srflx);
  return !!offer && log.some((m) => m.from === 'A' && m.type === 'OK' && m.seq === offer.seq) && __call.a.readyState === 2 && __call.b.readyState === 2;
};

function endCall(page) {
  return page.evaluate(() => {
    const { log, afterOpen, a, b, stream } = window.__call;
    const out = { log, afterOpen, a: a.readyState, b: b.readyState, remote: b.remoteStreams.length };
    a.close();
    stream.stop();
    return out;
  });
}

/** The follow-up OFFER: same session, a later seq, the srflx candidate; answered by B, OK'd by A. */
function expectFollowUp(r) {
  const [first] = r.log;
  expect(first).to.include({ from: 'A', type: 'OFFER', seq: 1, srflx: false });
  const answerer = r.log.find((m) => m.type === 'ANSWER' && m.seq === 1).answerer;
  const offer = r.log.find((m) => m.from === 'A' && m.type === 'OFFER' && m.srflx);
  expect(offer, JSON.stringify(r.log)).to.exist;
  expect(offer.seq).to.be.above(1);
  expect(offer).to.include({ offerer: first.offerer, answerer });
  expect(r.log.find((m) => m.from === 'B' && m.seq === offer.seq)).to.include({ type: 'ANSWER', offerer: first.offerer, answerer });
  expect(r.log.find((m) => m.from === 'A' && m.type === 'OK' && m.seq === offer.seq)).to.exist;
  expect(r.log.filter((m) => m.type === 'ERROR' || m.type === 'SHUTDOWN')).to.be.empty;
}

const address = hostAddress();

for (const engine of browserNames()) {
  describe(`[${engine}] wd-2011-10-27 §4 candidates found after the SDP went out`, function () {
    let server, browser, stun, config;
    before(async function () {
      if (!address) this.skip(); // no non-loopback IPv4 address: Firefox would not query the server
      stun = await slowStunServer(address);
      config = `STUN ${address}:${stun.address().port}`;
      server = await startServer({ port: 0 });
      browser = await launch(engine);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      stun?.close();
    });

    it('go out in a follow-up OFFER of the same session, which the peer answers (slow signaling: found before ICE connects)', async function () {
      this.timeout(40000);
      await withPage(browser, `${server.url}test/e2e/fixtures/legacy-page.html`, async (page) => {
        // The answer reaches A ~5 s after the start, the STUN answer ~2.5 s: the srflx candidate is
        // found after A's OFFER went out (at the ~1 s bound) and before ICE connects, in both engines.
        await startCall(page, { config, latencyMs: 2000 });
        await page.waitForFunction(followUpDone, { polling: 100, timeout: 30000 }).catch(() => {});
        const r = await endCall(page);
        expectFollowUp(r);
        expect([r.a, r.b, r.remote]).to.deep.equal([2, 2, 1]);
        expect(r.afterOpen.a.concat(r.afterOpen.b).every((s) => s === 2), JSON.stringify(r.afterOpen)).to.equal(true);
      });
    });

    it('found after the call is ACTIVE: the call stays ACTIVE, and they follow in an OFFER where the browser still gathers', async function () {
      this.timeout(40000);
      await withPage(browser, `${server.url}test/e2e/fixtures/legacy-page.html`, async (page) => {
        await startCall(page, { config, latencyMs: 0 });
        if (engine === 'firefox') {
          await page.waitForFunction(followUpDone, { polling: 100, timeout: 30000 }).catch(() => {});
        } else {
          // Chromium ends gathering when ICE connects and drops the STUN answer that comes later: there
          // is nothing late to send. Wait past the STUN answer to see that no OFFER claims otherwise.
          await page.waitForFunction(() => __call.a.readyState === 2 && __call.b.readyState === 2, { polling: 100, timeout: 30000 }).catch(() => {});
          await new Promise((r) => setTimeout(r, STUN_DELAY_MS + 1000));
        }
        const r = await endCall(page);
        if (engine === 'firefox') expectFollowUp(r);
        else expect(r.log.filter((m) => m.srflx)).to.be.empty;
        expect([r.a, r.b, r.remote]).to.deep.equal([2, 2, 1]);
        // Firefox turns `checking` for a moment while it checks the new candidates: still ACTIVE (§4.1.3).
        expect(r.afterOpen.a.concat(r.afterOpen.b).every((s) => s === 2), JSON.stringify(r.afterOpen)).to.equal(true);
      });
    });
  });
}
