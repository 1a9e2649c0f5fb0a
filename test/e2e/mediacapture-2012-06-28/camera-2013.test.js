// legacy/camera-2013.html, a page written the 2013 way (getSources, {mandatory}, stream.stop()),
// driven as a person would: pick a size, Start, see the picture at that size, Stop, the camera is off.
import { expect } from 'chai';
import { browserNames, useServerAndBrowsers, withPage } from '../browsers.js';

for (const engine of browserNames()) {
  describe(`[${engine}] legacy/camera-2013.html`, function () {
    const env = useServerAndBrowsers([engine]);

    it('lists the camera, shows it at most 320 wide when QVGA is picked, and Stop turns the camera off', async function () {
      // Open problem (issue 13 note): under parallel load, Chromium 156 now and then never leaves
      // "Press Start." (2 of 6 runs with three at once; 0 of 10 alone) — neither "Showing" nor an error.
      // Retried so CI stays meaningful while it is tracked; the failure message says what the page showed.
      this.retries(2);
      await withPage(env.browsers[engine], null, async (page) => {
        // Observe (not alter) the stream the app gets, to see its tracks end.
        await page.evaluateOnNewDocument(() => {
          const create = URL.createObjectURL;
          URL.createObjectURL = function (obj) {
            if (obj instanceof MediaStream) window.__stream = obj;
            return create.apply(this, arguments);
          };
        });
        const response = await page.goto(`${env.server.url}legacy/camera-2013.html`);
        expect(response.ok()).to.equal(true);
        await page.select('#resolution', '320x240');
        await page.click('#start');
        // A camera opened on a loaded two-core machine can take a while (CI once exceeded 20 s): wait long,
        // and say what the page showed if it never gets there.
        await page.waitForFunction(() => /^(Showing|getUserMedia error)/.test(document.getElementById('status').textContent), { timeout: 60000, polling: 100 }).catch(async (e) => {
          throw new Error(`${e.message}; the page says ${JSON.stringify(await page.evaluate(() => [document.getElementById("status").textContent, document.getElementById("start").disabled, !!window.__stream, document.getElementById("video").readyState, document.getElementById("video").srcObject && document.getElementById("video").srcObject.id, document.getElementById("video").error && document.getElementById("video").error.message]))}`);
        });
        const shown = await page.evaluate(() => ({
          status: document.getElementById('status').textContent,
          width: document.getElementById('video').videoWidth,
          sources: document.getElementById('source').options.length,
        }));
        expect(shown.status).to.match(/^Showing/);
        expect(shown.width).to.be.within(1, 320);
        expect(shown.sources).to.be.above(0);
        await page.click('#stop');
        await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.', { timeout: 60000, polling: 100 });
        const after = await page.evaluate(() => ({
          states: window.__stream.getTracks().map((t) => t.readyState),
          start: document.getElementById('start').disabled,
        }));
        expect(after.states).to.deep.equal(['ended']);
        expect(after.start).to.equal(false);
      });
    });
  });
}
