// The legacy/ demo of the 2012-03 editor's draft, driven as a user would: Start, then Call; the
// callee's <video> (given its stream through URL.createObjectURL) shows the camera.
import { expect } from 'chai';
import { browserNames, launch, useServerAndBrowsers } from '../browsers.js';
import { startServer } from '../../../server/app.js';

/** Runs the demo in `browser`; resolves with what the page shows. */
async function runDemo(browser, server) {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}legacy/jsep-00-loopback.html`, { waitUntil: 'load' });
    await page.click('#startButton');
    await page.waitForFunction(() => !document.getElementById('callButton').disabled, { timeout: 20000 });
    await page.click('#callButton');
    await page.waitForFunction(() => { const v = document.getElementById('remoteVideo'); return v.videoWidth > 0 && v.currentTime > 0.3; }, { timeout: 30000 });
    return await page.evaluate(() => {
      const v = document.getElementById('remoteVideo');
      const c = document.createElement('canvas');
      c.width = 64;
      c.height = 48;
      const g = c.getContext('2d');
      g.drawImage(v, 0, 0, 64, 48);
      const d = g.getImageData(0, 0, 64, 48).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
      return { brightness: sum / (d.length / 4) / 3, log: document.getElementById('log').textContent, state: window.caller.readyState };
    });
  } finally {
    await page.close();
  }
}

for (const engine of browserNames()) {
  describe(`[${engine}] ed-2012-03-18 legacy/jsep-00-loopback.html`, function () {
    this.timeout(90000);
    const env = useServerAndBrowsers([engine]);

    it('Start, Call: the callee shows the caller’s camera (not black); candidates logged', async () => {
      const out = await runDemo(env.browsers[engine], env.server);
      expect(out.brightness).to.be.above(10);
      expect(out.log).to.match(/Offer from caller\nv=0/).and.match(/ICE candidate: a=candidate:/);
    });
  });
}
if (browserNames().includes('chromium')) {
  describe('[chromium --force-fieldtrials=WebRTC-NoSdpMangleUfrag/Enabled/] ed-2012-03-18 legacy/jsep-00-loopback.html', function () {
    this.timeout(90000);
    let server, browser;
    before(async () => {
      server = await startServer({ port: 0 });
      browser = await launch('chromium', { args: ['--force-fieldtrials=WebRTC-NoSdpMangleUfrag/Enabled/'] });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('still connects where the engine refuses ufrag edits', async () => {
      const out = await runDemo(browser, server);
      expect(out.brightness).to.be.above(10);
    });
  });
}
