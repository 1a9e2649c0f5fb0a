// 2012-03 ED / Chrome's webkitPeerConnection00 between two pages, signaling through the server's
// WebSocket relay (test/e2e/fixtures/jsep-00-page.html): Chromium ↔ Chromium, Firefox ↔ Firefox and
// across the two, and a JSEP-00 page calling a page of today's RTCPeerConnection. The answer text is
// written from one engine's template for the other engine's offer: payload types and extmap ids
// stay the offerer's.
import { expect } from 'chai';
import { browserNames, useServerAndBrowsers } from '../browsers.js';

const engines = browserNames();
const pairs = engines.map((e) => [e, e]);
if (engines.includes('chromium') && engines.includes('firefox')) pairs.push(['chromium', 'firefox'], ['firefox', 'chromium']);
const room = () => `j${Math.random().toString(36).slice(2)}`;

describe('ed-2012-03-18 a JSEP-00 call between two pages', function () {
  this.timeout(90000);
  const env = useServerAndBrowsers(engines);

  /** Both pages show the other's camera (not black). */
  async function call(ea, roleA, eb, roleB) {
    const a = await env.browsers[ea].newPage({ type: 'window' });
    const b = await env.browsers[eb].newPage({ type: 'window' });
    try {
      for (const p of [a, b]) await p.goto(`${env.server.url}test/e2e/fixtures/jsep-00-page.html`, { waitUntil: 'load' });
      const r = room();
      // The callee joins first: the relay keeps what the caller sends while alone anyway.
      await b.evaluate((r, role) => call.start(r, role), r, roleB);
      await a.evaluate((r, role) => call.start(r, role), r, roleA);
      const seen = (p) => p.waitForFunction(() => { const s = call.state(); return s.brightness !== null && (typeof s.readyState !== 'number' || s.readyState === 2); }, { polling: 100, timeout: 40000 }).catch(async (e) => {
        throw new Error(`${e.message}\n A ${JSON.stringify(await a.evaluate(() => call.state()))}\n B ${JSON.stringify(await b.evaluate(() => call.state()))}`);
      });
      await Promise.all([seen(a), seen(b)]);
      return [await a.evaluate(() => call.state()), await b.evaluate(() => call.state())];
    } finally {
      await a.close();
      await b.close();
    }
  }

  for (const [ea, eb] of pairs) {
    it(`[${ea} → ${eb}] webkitPeerConnection00 both sides: video both ways, not black; both ACTIVE`, async () => {
      const [sa, sb] = await call(ea, 'caller', eb, 'callee');
      expect(sa.brightness).to.be.above(10);
      expect(sb.brightness).to.be.above(10);
      expect(sa.errors.concat(sb.errors)).to.deep.equal([]);
      expect(sa.events).to.include('addstream');
      expect([sa.readyState, sb.readyState]).to.deep.equal([2, 2]);
    });
  }
  for (const [ea, eb] of pairs.filter(([x, y]) => x === y || x === 'chromium')) {
    it(`[${ea} JSEP-00 → ${eb} RTCPeerConnection] video both ways, not black`, async () => {
      const [sa, sb] = await call(ea, 'caller', eb, 'modern');
      expect(sa.brightness).to.be.above(10);
      expect(sb.brightness).to.be.above(10);
      expect(sb.connection).to.equal('connected');
    });
  }
});
