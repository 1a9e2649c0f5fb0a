// legacy/camera-2013.html, a page written the 2013 way (getSources, {mandatory}, stream.stop()),
// driven as a person would: pick a size, Start, see the picture at that size, Stop, the camera is off.
import { expect } from 'chai';
import { browserNames, launch, withPage } from '../browsers.js';
import { startServer } from '../../../server/app.js';

for (const engine of browserNames()) {
  describe(`[${engine}] legacy/camera-2013.html`, function () {
    let server, browser;
    before(async () => {
      server = await startServer({ port: 0 });
      browser = await launch(engine);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lists the camera, shows it at most 320 wide when QVGA is picked, and Stop turns the camera off', async () => {
      await withPage(browser, null, async (page) => {
        // Observe (not alter) the stream the app gets, to see its tracks end.
        await page.evaluateOnNewDocument(() => {
          const create = URL.createObjectURL;
          URL.createObjectURL = function (obj) {
            if (obj instanceof MediaStream) window.__stream = obj;
            return create.apply(this, arguments);
          };
        });
        const response = await page.goto(`${server.url}legacy/camera-2013.html`);
        expect(response.ok()).to.equal(true);
        await page.select('#resolution', '320x240');
        await page.click('#start');
        await page.waitForFunction(() => /^(Showing|getUserMedia error)/.test(document.getElementById('status').textContent), { timeout: 20000, polling: 100 });
        const shown = await page.evaluate(() => ({
          status: document.getElementById('status').textContent,
          width: document.getElementById('video').videoWidth,
          sources: document.getElementById('source').options.length,
        }));
        expect(shown.status).to.match(/^Showing/);
        expect(shown.width).to.be.within(1, 320);
        expect(shown.sources).to.be.above(0);
        await page.click('#stop');
        await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.', { timeout: 20000, polling: 100 });
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
