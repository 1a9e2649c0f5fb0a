// 2016 WD §9 Identity: Chromium through the shim (src/drafts/wd-2016-05-31/identity/), Firefox natively,
// with the demo IdP (server/idp.js: https://localhost:PORT, a certificate made at start, trusted through
// --ignore-certificate-errors in Chromium and acceptInsecureCerts in Firefox, whose IdP loader honours it).
// Each page is test/e2e/fixtures/identity.html; the test carries the SDP between them.
//
// Firefox 153 is the reference: where both engines get the same input they must agree on the outcome;
// the error names differ by design (the drafts' NotReadableError / OperationError, Firefox's "IdpError").
import { expect } from 'chai';
import { browserNames } from '../browsers.js';
import { useIdpEnv } from './idp-env.js';

describe('wd-2016-05-31 §9 identity: Chromium (shim) and Firefox (native) with the demo IdP', function () {
  this.timeout(120000);
  const engines = browserNames();
  const env = useIdpEnv(engines);

  async function open(engine, era) {
    const page = await env.browsers[engine].newPage();
    await page.goto(`${env.server.url}test/e2e/fixtures/identity.html${era ? `?era=${era}` : ''}`, { waitUntil: 'load' });
    return page;
  }
  const provider = (user, protocol = 'demo') => ({ domain: env.idp.domain, user, protocol });

  /** A call from `a` to `b`, each with its provider; `tamper(sdp)` edits the offer on the wire. */
  async function call(ea, eb, { tamper = (s) => s, protocol = 'demo', positional = false } = {}) {
    const [a, b] = [await open(ea), await open(eb)];
    await a.evaluate((p) => side.start(p), { ...provider('alice', protocol), positional });
    await b.evaluate((p) => side.start(p), { ...provider('bob'), positional });
    const offer = await a.evaluate(() => side.offer());
    const answer = await b.evaluate((s) => side.answer(s), tamper(offer));
    await a.evaluate((s) => side.accept(s), answer);
    const seen = { offer, a: await a.evaluate(() => side.peer()), b: await b.evaluate(() => side.peer()) };
    await a.close();
    await b.close();
    return seen;
  }

  const pairs = [['chromium', 'chromium'], ['chromium', 'firefox'], ['firefox', 'chromium']];
  for (const [ea, eb] of pairs) {
    it(`[${ea} → ${eb}] each side's peerIdentity resolves to the other's name`, async function () {
      if (!engines.includes(ea) || !engines.includes(eb)) this.skip();
      const seen = await call(ea, eb);
      expect(seen.offer).to.match(/\r\na=identity:\S+\r\n/);
      expect(seen.a).to.deep.equal({ idp: env.idp.domain, name: 'bob@localhost' });
      expect(seen.b).to.deep.equal({ idp: env.idp.domain, name: 'alice@localhost' });
    });
  }

  it('[firefox → chromium] the 2016-05 positional setIdentityProvider(provider, protocol, usernameHint) on both sides', async function () {
    if (!engines.includes('chromium') || !engines.includes('firefox')) this.skip();
    const seen = await call('firefox', 'chromium', { positional: true });
    expect(seen.a).to.deep.equal({ idp: env.idp.domain, name: 'bob@localhost' });
    expect(seen.b).to.deep.equal({ idp: env.idp.domain, name: 'alice@localhost' });
  });

  for (const engine of ['chromium', 'firefox']) {
    it(`[${engine}] the demo page (legacy/identity-2016.html) shows each side the other's verified identity`, async function () {
      if (!engines.includes(engine)) this.skip();
      const page = await env.browsers[engine].newPage();
      try {
        await page.goto(`${env.server.url}identity-2016.html?idp=${env.idp.domain}`, { waitUntil: 'load' });
        await page.waitForFunction(() => ['alice', 'bob'].every((id) => document.getElementById(id).className), { timeout: 30000 });
        const shown = await page.evaluate(() => ['alice', 'bob'].map((id) => document.getElementById(id).textContent));
        expect(shown).to.deep.equal([`bob@localhost (verified by ${env.idp.domain})`, `alice@localhost (verified by ${env.idp.domain})`]);
      } finally {
        await page.close();
      }
    });
  }

  /** What the IdP's generateAssertion got as its third argument, read back from the offer's signed a=identity. */
  const hintOf = (sdp) => {
    const json = JSON.parse(Buffer.from(/a=identity:(\S+)/.exec(sdp)[1], 'base64').toString('utf8'));
    return JSON.parse(Buffer.from(json.assertion.split('.')[0], 'base64url').toString('utf8')).hint;
  };

  it('generateAssertion gets the 2016-11 RTCIdentityProviderOptions (peerIdentity too) for the options form, as Firefox passes them, and the usernameHint string for the positional form', async function () {
    const hints = {};
    for (const engine of engines) {
      for (const form of ['options', 'positional']) {
        const page = await env.browsers[engine].newPage();
        try {
          await page.goto(`${env.server.url}test/e2e/fixtures/identity.html`, { waitUntil: 'load' });
          const idp = { domain: env.idp.domain, user: 'alice', protocol: 'demo', ...(form === 'options' ? { peer: 'bob@localhost' } : { positional: true }) };
          await page.evaluate((p) => side.start(p), idp);
          hints[`${engine} ${form}`] = hintOf(await page.evaluate(() => side.offer()));
        } finally {
          await page.close();
        }
      }
    }
    if (engines.includes('chromium')) {
      expect(hints['chromium options']).to.deep.include({ usernameHint: 'alice', peerIdentity: 'bob@localhost' });
      expect(hints['chromium positional']).to.equal('alice');
    }
    // Firefox's own implementation is the reference (2016-11 WD: an RTCIdentityProviderOptions).
    if (engines.includes('firefox')) expect(hints['firefox options']).to.deep.include({ usernameHint: 'alice', peerIdentity: 'bob@localhost' });
    if (engines.includes('chromium') && engines.includes('firefox')) expect(hints['chromium options']).to.deep.equal(hints['firefox options']);
    console.log(`      (third argument of generateAssertion: ${JSON.stringify(hints)})`);
  });

  /** The offer's a=identity with one character of the signed assertion changed. */
  const tamperAssertion = (sdp) =>
    sdp.replace(/a=identity:(\S+)/, (_, v) => {
      const json = JSON.parse(Buffer.from(v, 'base64').toString('utf8'));
      const [payload, mac] = json.assertion.split('.');
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      body.identity = 'mallory@localhost';
      json.assertion = `${Buffer.from(JSON.stringify(body)).toString('base64url')}.${mac}`;
      return `a=identity:${Buffer.from(JSON.stringify(json)).toString('base64')}`;
    });
  /** Every a=fingerprint of the offer replaced by another certificate's. */
  const otherFingerprint = (sdp) => sdp.replace(/a=fingerprint:sha-256 \S+/g, `a=fingerprint:sha-256 ${Array(32).fill('AB').join(':')}`);

  for (const receiver of ['chromium', 'firefox']) {
    for (const [what, tamper] of [['a tampered a=identity', tamperAssertion], ['a fingerprint the assertion does not cover', otherFingerprint]]) {
      it(`[chromium → ${receiver}] ${what} is rejected`, async function () {
        if (!engines.includes('chromium') || !engines.includes(receiver)) this.skip();
        const seen = await call('chromium', receiver, { tamper });
        expect(seen.b.error, JSON.stringify(seen.b)).to.equal(receiver === 'chromium' ? 'OperationError' : 'IdpError');
      });
    }
  }

  describe("the 2013/2015 shape (era '2015-02-10'): events and the peerIdentity attribute, over either engine's 2016 API", () => {
    for (const [ea, eb] of pairs) {
      it(`[${ea} → ${eb}] identityresult, then peeridentity with peerIdentity set; a tampered assertion gives idpvalidationerror`, async function () {
        if (!engines.includes(ea) || !engines.includes(eb)) this.skip();
        for (const tampered of [false, true]) {
          const [a, b] = [await open(ea, '2015-02-10'), await open(eb, '2015-02-10')];
          await a.evaluate((p) => side.start(p), { ...provider('alice'), positional: true });
          await b.evaluate((p) => side.start(p), { ...provider('bob'), positional: true });
          expect(await a.evaluate(() => side.assertion2015())).to.deep.equal({ type: 'identityresult', assertion: 'string' });
          expect(await b.evaluate(() => side.watch2015())).to.equal(null);
          const offer = await a.evaluate(() => side.offer());
          await b.evaluate((s) => side.answer(s), tampered ? tamperAssertion(offer) : offer);
          const events = await b.evaluate(() => side.events2015());
          await a.close();
          await b.close();
          if (tampered) expect(events).to.deep.equal([{ type: 'idpvalidationerror', idp: env.idp.domain, protocol: 'demo' }]);
          else expect(events).to.deep.equal([{ type: 'peeridentity', peer: { idp: env.idp.domain, name: 'alice@localhost' } }]);
        }
      });
    }

    it('an IdP that throws: idpassertionerror with the idp and protocol, in both engines', async function () {
      for (const engine of engines) {
        const page = await open(engine, '2015-02-10');
        await page.evaluate((p) => side.start(p), { ...provider('alice', 'throws'), positional: true });
        const got = await page.evaluate(() => side.assertion2015());
        await page.close();
        expect(got, engine).to.deep.equal({ type: 'idpassertionerror', idp: env.idp.domain, protocol: 'throws', loginUrl: null });
      }
    });
  });

  describe('bad IdPs (Chromium shim; Firefox 153 measured alongside)', () => {
    // Each: what getIdentityAssertion() gives in each engine. The shim follows the draft (NotReadableError);
    // Firefox names every one "IdpError".
    const bad = [
      ['never', 'an IdP that never registers'],
      ['throws', 'an IdP that throws'],
      ['garbage', 'an IdP that returns garbage'],
      ['missing', 'a missing .well-known script'],
      ['login', 'an IdP that needs a login'],
    ];
    for (const [protocol, what] of bad) {
      it(`${what}: getIdentityAssertion() and createOffer() reject, nothing hangs, the connection still works`, async function () {
        const results = {};
        for (const engine of engines) {
          const page = await open(engine);
          results[engine] = await page.evaluate(async (p) => {
            await side.start(p);
            const out = {};
            await side.pc.getIdentityAssertion().then(() => (out.assertion = 'resolved'), (e) => (out.assertion = e.name));
            await side.pc.createOffer().then(() => (out.offer = 'resolved'), (e) => (out.offer = e.name));
            out.loginUrl = side.pc.idpLoginUrl;
            // The draft lets the call go on without identity: the same connection offers once the IdP is fixed.
            side.pc.setIdentityProvider(p.domain, { protocol: 'demo' });
            out.after = /a=identity/.test((await side.pc.createOffer()).sdp);
            return out;
          }, provider('alice', protocol));
          await page.close();
        }
        if (results.chromium) {
          expect(results.chromium).to.deep.include({ assertion: 'NotReadableError', offer: 'NotReadableError', after: true });
          expect(results.chromium.loginUrl).to.equal(protocol === 'login' ? `https://${env.idp.domain}/idp/login` : null);
        }
        if (results.firefox) expect(results.firefox).to.deep.include({ assertion: 'IdpError', offer: 'IdpError', after: true });
      });
    }

    it('an assertion validated for another fingerprint rejects peerIdentity (OperationError) on that side only', async function () {
      if (!engines.includes('chromium')) this.skip();
      const seen = await call('chromium', 'chromium', { protocol: 'other' });
      expect(seen.b.error).to.equal('OperationError');
      expect(seen.a).to.deep.equal({ idp: env.idp.domain, name: 'bob@localhost' });
    });

    it('an IdP that answers too late: rejected after the time limit (10 s), not left pending', async function () {
      if (!engines.includes('chromium')) this.skip();
      const page = await open('chromium');
      const got = await page.evaluate(async (p) => {
        await side.start(p);
        return side.pc.getIdentityAssertion().then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
      }, provider('alice', 'late'));
      await page.close();
      expect(got).to.match(/^NotReadableError: .*did not answer within 10000 ms/);
    });
  });
});
