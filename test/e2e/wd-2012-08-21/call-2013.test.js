// A 2013 page (apprtc style: prefixed names chosen by family, callback offer/answer with mandatory
// constraints, removeStream and a re-offer) calling itself across engines through the server's relay:
// video both ways, DTMF tones from each side, then removestream both ways. The page is test/e2e/fixtures/call-2013.html.
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

        // Each side's createDTMFSender tones: tonechange per tone and a final empty one on its sender.
        for (const p of [a, b]) {
          expect((await p.evaluate(() => call.dtmf('123', 100, 70))).canInsertDTMF).to.equal(true);
          await until(p, 'tonechange 1, 2, 3, ""', () => (call.state().tones || []).length >= 4);
          expect((await p.evaluate(() => call.state())).tones).to.deep.equal(['1', '2', '3', '']);
        }

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

    it(`[${ea} ↔ ${eb}] the legacy/apprtc-2013.html demo: one page calls the other, video both ways, "Stop sending video" is heard as removestream`, async () => {
      const errors = [];
      const r = room();
      const pages = [];
      try {
        for (const [name, engine] of [['A', ea], ['B', eb]]) {
          const p = await env.browsers[engine].newPage({ type: 'window' });
          pages.push(p);
          p.on('pageerror', (e) => errors.push(`${name}: ${e?.message ?? e}`));
          await p.goto(`${env.server.url}legacy/apprtc-2013.html#${r}`, { waitUntil: 'load' });
          // The first page's camera is on before the second says hello.
          await p.waitForFunction(() => !!localStream, { polling: 100, timeout: 30000 });
        }
        const [a, b] = pages;
        const remotePlays = () => { const v = document.getElementById('remoteVideo'); return v.videoWidth > 0 && v.currentTime > 0.3; };
        const status = () => Promise.all(pages.map((p) => p.evaluate(() => document.getElementById('status').textContent).catch(String)));
        for (const p of pages) await p.waitForFunction(remotePlays, { polling: 100, timeout: 30000 }).catch(async (e) => { throw new Error(`${e.message}: ${JSON.stringify(await status())}`); });
        await a.click('#mute');
        await b.waitForFunction(() => events.includes('removestream') && pc.getRemoteStreams().length === 0, { polling: 100, timeout: 30000 });
        expect(await b.evaluate(() => document.getElementById('status').textContent)).to.match(/removestream/);
        expect(errors).to.deep.equal([]);
      } finally {
        for (const p of pages) {
          await p.evaluate(() => (pc && pc.close(), localStream && localStream.getTracks().forEach((t) => t.stop()))).catch(() => {});
          await p.close();
        }
      }
    });
  }
});
