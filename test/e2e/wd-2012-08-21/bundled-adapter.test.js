// An app that bundles an adapter.js of 2013–2016 (adapter-2013-style.js: the documented behaviour of
// those adapters, not their code) loaded after the shim: its code path is chosen by the prefix the
// engine announces, it overwrites the unprefixed globals with the prefixed ones (2013) or with
// wrappers of its own (2015), and the app written against it calls another such app, same engine and
// across engines: video both ways (attachMediaStream, then reattachMediaStream to a second element),
// and the stats the 2015 app reads through the adapter's getStats.
import { expect } from 'chai';
import { browserNames, useServerAndBrowsers } from '../browsers.js';
import { remotePlays, room, waiter } from '../two-pages.js';

const engines = browserNames();
const [c, f] = engines.length === 2 ? engines : [engines[0], engines[0]];
// [engine, adapter style] of each page
const cases = [[[c, '2013'], [f, '2013']], [[f, '2015'], [c, '2015']], [[c, '2013'], [c, '2015']], [[f, '2013'], [f, '2015']]];

describe('wd-2012-08-21 an app bundling a 2013–2015 adapter.js, loaded after the shim', function () {
  this.timeout(240000);
  const env = useServerAndBrowsers([...new Set([c, f])]);

  for (const [[ea, sa], [eb, sb]] of cases) {
    it(`[${ea} adapter ${sa} ↔ ${eb} adapter ${sb}] video both ways through attachMediaStream and reattachMediaStream`, async () => {
      const errors = [];
      const a = await env.browsers[ea].newPage({ type: 'window' });
      const b = await env.browsers[eb].newPage({ type: 'window' });
      try {
        for (const [name, p, style] of [['A', a, sa], ['B', b, sb]]) {
          p.on('pageerror', (e) => errors.push(`${name}: ${e?.message ?? e}`));
          await p.goto(`${env.server.url}test/e2e/fixtures/adapter-app.html?style=${style}`, { waitUntil: 'load' });
        }
        const until = waiter({ A: a, B: b });
        const r = room();
        const [ida, idb] = await Promise.all([a, b].map((p) => p.evaluate((r) => call.start(r), r)));
        await a.evaluate(() => call.offer());
        const seen = await Promise.all([remotePlays(until, a, idb), remotePlays(until, b, ida)]);
        for (const v of seen) expect(v.brightness).to.be.above(10);
        for (const [p, engine] of [[a, ea], [b, eb]]) {
          const st = await p.evaluate(() => call.state());
          // The adapter took the engine's own branch (the moz one parsed "Firefox/NN" without throwing).
          expect(st.browser).to.equal(engine === 'firefox' ? 'firefox' : 'chrome');
          expect(st.version).to.be.a('number').above(100);
          expect(st.videoTracks).to.equal(1);
          expect(st.errors).to.deep.equal([]);
        }
        for (const p of [a, b]) {
          await until(p, 'bytes received in the stats the app reads', () => call.bytesReceived().then((x) => x.total > 0));
        }
        expect(errors).to.deep.equal([]);
      } finally {
        await Promise.all([a, b].map((p) => p.evaluate(() => call.stop()).catch(() => {})));
        await a.close();
        await b.close();
      }
    });
  }
});
