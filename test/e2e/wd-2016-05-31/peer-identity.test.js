// 2015-02 → 2016 WD RTCConfiguration.peerIdentity, the target peer identity (2016 WD §4.3.2
// setRemoteDescription, §4.4.1.6 set a configuration, §9.4–9.5): the callee makes its connection with
// `{peerIdentity}`, the caller asserts its identity with the demo IdP (server/idp.js). Chromium through the
// shim (src/drafts/wd-2016-05-31/identity/identity.ts), Firefox 153 natively.
//
// The draft: the description is applied only when the caller's validated identity is the target;
// another identity rejects setRemoteDescription with InvalidModificationError and closes the connection;
// a failed validation (here: no a=identity at all) rejects it; peerIdentity is rejected and stays so.
// Firefox 153 (measured): OperationError for both, the connection stays open, the offer is not applied.
import { expect } from 'chai';
import { browserNames } from '../browsers.js';
import { useIdpEnv } from './idp-env.js';

describe('wd-2016-05-31 RTCConfiguration.peerIdentity (target peer identity) with the demo IdP', function () {
  this.timeout(180000);
  const engines = browserNames();
  const env = useIdpEnv(engines);

  async function open(engine) {
    const page = await env.browsers[engine].newPage();
    await page.goto(`${env.server.url}test/e2e/fixtures/identity.html`, { waitUntil: 'load' });
    return page;
  }
  /** Pages for the caller (alice, asserting with the IdP unless `asserts` is false) and the callee (target `target`). */
  async function pair(caller, callee, target, asserts = true) {
    const [a, b] = [await open(caller), await open(callee)];
    await a.evaluate((p) => side.start(p), asserts ? { domain: env.idp.domain, user: 'alice', protocol: 'demo' } : null);
    await b.evaluate((p) => side.start(p), { domain: env.idp.domain, user: 'bob', protocol: 'demo', config: { peerIdentity: target } });
    return [a, b];
  }
  const pairs = engines.includes('firefox') && engines.includes('chromium') ? [['chromium', 'chromium'], ['firefox', 'chromium'], ['chromium', 'firefox']] : engines.map((e) => [e, e]);

  for (const [caller, callee] of pairs) {
    it(`[${caller} → ${callee}] the target's own identity: setRemoteDescription resolves after validation and the call connects`, async () => {
      const [a, b] = await pair(caller, callee, 'alice@localhost');
      try {
        const offer = await a.evaluate(() => side.offer());
        const got = await b.evaluate((s) => side.receive(s), offer);
        expect(got).to.deep.include({ srd: 'resolved', signalingState: 'have-remote-offer' });
        expect(got.peer).to.deep.equal({ idp: env.idp.domain, name: 'alice@localhost' });
        const answer = await b.evaluate(async () => {
          await side.pc.setLocalDescription(await side.pc.createAnswer());
          return side.pc.localDescription.sdp;
        });
        await a.evaluate((s) => side.accept(s), answer);
        // Connectivity asserted where the callee is the shim's. Chromium (shim) → Firefox 153 with
        // {peerIdentity}: identity validated, Chromium 'connected', Firefox ICE 'connected' but
        // connectionState 'failed': its DTLS fails. Captured (tshark, 2026-12-05): Firefox's ClientHello
        // offers only the ALPN "c-webrtc" (RFC 8833 confidential media; Firefox's MediaTransportHandler
        // drops "webrtc" when privacy is requested, with no default), and Chromium's DTLS does not
        // negotiate it. A script cannot add ALPN to the engine's DTLS: an engine limit (README).
        if (callee !== 'chromium') return;
        await b.evaluate((l) => side.addCandidates(l), await a.evaluate(() => side.gathered()));
        await a.evaluate((l) => side.addCandidates(l), await b.evaluate(() => side.gathered()));
        expect(await b.evaluate(() => side.connected())).to.equal('connected');
        expect(await a.evaluate(() => side.connected())).to.equal('connected');
      } finally {
        await a.close();
        await b.close();
      }
    });

    it(`[${caller} → ${callee}] another identity: setRemoteDescription and peerIdentity reject, the offer is not applied`, async () => {
      const [a, b] = await pair(caller, callee, 'carol@localhost');
      try {
        const got = await b.evaluate((s) => side.receive(s), await a.evaluate(() => side.offer()));
        expect(got.peer.error).to.equal('OperationError');
        if (callee === 'chromium') {
          // The draft's outcome, through the shim.
          expect(got).to.deep.include({ srd: 'InvalidModificationError', signalingState: 'closed', connectionState: 'closed' });
        } else {
          // Firefox 153 native: OperationError, connection left open without the offer.
          expect(got).to.deep.include({ srd: 'OperationError', signalingState: 'stable' });
        }
        // peerIdentity stays rejected: a target peer identity is established.
        expect(await b.evaluate(() => side.pc.peerIdentity.then(() => 'resolved', (e) => e.name))).to.equal('OperationError');
      } finally {
        await a.close();
        await b.close();
      }
    });
  }

  for (const engine of engines) {
    it(`[${engine}] a far side that asserts no identity: setRemoteDescription rejects with OperationError, the connection stays usable`, async () => {
      const [a, b] = await pair(engine, engine, 'alice@localhost', false);
      try {
        const got = await b.evaluate((s) => side.receive(s), await a.evaluate(() => side.offer()));
        expect(got).to.deep.include({ srd: 'OperationError', signalingState: 'stable' });
        expect(got.peer.error).to.equal('OperationError');
        expect(await b.evaluate(async () => /a=identity/.test((await side.pc.createOffer()).sdp))).to.equal(true);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it(`[${engine}] getConfiguration() lists peerIdentity; setConfiguration() with another one throws InvalidModificationError`, async () => {
      const page = await open(engine);
      try {
        const got = await page.evaluate(() => {
          const pc = new RTCPeerConnection({ peerIdentity: 'alice@localhost' });
          const plain = new RTCPeerConnection();
          const name = (f) => { try { f(); return 'ok'; } catch (e) { return e.name; } };
          const out = {
            listed: pc.getConfiguration().peerIdentity,
            plain: plain.getConfiguration().peerIdentity,
            same: name(() => pc.setConfiguration({ peerIdentity: 'alice@localhost' })),
            other: name(() => pc.setConfiguration({ peerIdentity: 'carol@localhost' })),
            unset: name(() => plain.setConfiguration({ peerIdentity: 'carol@localhost' })),
            without: name(() => pc.setConfiguration({})),
          };
          pc.close();
          plain.close();
          return out;
        });
        // Firefox 153 lists an unset one as null; Chromium's getConfiguration() is left as the engine has it.
        expect(got.plain ?? null).to.equal(null);
        delete got.plain;
        expect(got).to.deep.equal({ listed: 'alice@localhost', same: 'ok', other: 'InvalidModificationError', unset: 'InvalidModificationError', without: 'ok' });
      } finally {
        await page.close();
      }
    });
  }
});
