// A 2013 page (apprtc style: prefixed names chosen by family, callback offer/answer with mandatory
// constraints, removeStream and a re-offer) calling itself across engines through the server's relay:
// video both ways, then removestream both ways. The page is test/e2e/fixtures/call-2013.html.
import { expect } from 'chai';
import { browserNames, useServerAndBrowsers } from '../browsers.js';

const engines = browserNames();
const pairs = engines.includes('chromium') && engines.includes('firefox') ? [['chromium', 'firefox']] : engines.map((e) => [e, e]);
const room = () => `r${Math.random().toString(36).slice(2)}`;

describe('wd-2012-08-21 a 2013-style call between two pages', function () {
  const env = useServerAndBrowsers(engines);

  for (const [ea, eb] of pairs) {
    it(`[${ea} ↔ ${eb}] video both ways, then each side's removeStream and re-offer reach the other as removestream`, async () => {
      const errors = [];
      const a = await env.browsers[ea].newPage({ type: 'window' });
      const b = await env.browsers[eb].newPage({ type: 'window' });
      try {
        for (const [name, p] of [['A', a], ['B', b]]) {
          p.on('pageerror', (e) => errors.push(`${name}: ${e?.message ?? e}`));
          await p.goto(`${env.server.url}test/e2e/fixtures/call-2013.html`, { waitUntil: 'load' });
        }
        const r = room();
        const [ida, idb] = await Promise.all([a, b].map((p) => p.evaluate((r) => call.start(r), r)));
        const until = (p, what, fn, arg) =>
          p.waitForFunction(fn, { polling: 100, timeout: 30000 }, arg).catch(async (e) => {
            const dump = async (q) => JSON.stringify(await q.evaluate(() => call.state()).catch((x) => String(x)));
            throw new Error(`waiting for ${what}: ${e.message}\n  A ${await dump(a)}\n  B ${await dump(b)}`);
          });
        const playing = (p, id) => until(p, `remote video ${id}`, (i) => { const v = call.view(i); return v && v.time > 0.3; }, id);
        await a.evaluate(() => call.offer());
        await Promise.all([playing(a, idb), playing(b, ida)]);
        expect((await a.evaluate((i) => call.view(i), idb)).brightness, 'A sees B').to.be.above(10);
        expect((await b.evaluate((i) => call.view(i), ida)).brightness, 'B sees A').to.be.above(10);
        expect(await a.evaluate(() => call.state().path)).to.equal(ea === 'firefox' ? 'moz' : 'webkit');
        expect(await b.evaluate(() => call.state().path)).to.equal(eb === 'firefox' ? 'moz' : 'webkit');

        const removed = (id) => (p) => until(p, `removestream ${id}`, (i) => call.state().events.some((e) => e[0] === 'removestream' && e[1] === i) && call.state().remote.indexOf(i) === -1, id);
        await a.evaluate(() => (call.removeLocal(), call.offer()));
        await removed(ida)(b);
        await b.evaluate(() => (call.removeLocal(), call.offer()));
        await removed(idb)(a);
        for (const p of [a, b]) expect((await p.evaluate(() => call.state())).errors).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
      } finally {
        await Promise.all([a, b].map((p) => p.evaluate(() => call.stop()).catch(() => {})));
        await a.close();
        await b.close();
      }
    });
  }
});
