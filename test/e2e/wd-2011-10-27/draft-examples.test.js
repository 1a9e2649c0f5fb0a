// The 2011 draft's own examples (§2.2, §3.3), unmodified but for the script tag, in real browsers.
import { expect } from 'chai';
import { browserNames, revokeCapture, useServerAndBrowsers } from '../browsers.js';

for (const engine of browserNames()) {
  describe(`[${engine}] wd-2011-10-27 draft examples with only the script tag added`, function () {
    const env = useServerAndBrowsers([engine]);
    let server, browser;
    before(() => {
      ({ server } = env);
      browser = env.browsers[engine];
    });

    it('§2.2 voice chat and video conference: getUserMedia("audio") and ("audio,video user") give playing streams', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}test/e2e/fixtures/draft-2-2-examples.html`);
      await page.waitForFunction(() => window.voiceChatStream, { timeout: 10000, polling: 100 });
      await page.evaluate(() => beginCall());
      await page.waitForFunction(() => document.getElementById('conference').videoWidth > 0, { timeout: 10000, polling: 100 });
      const seen = await page.evaluate(() => ({
        chat: voiceChatStream.tracks.map((t) => t.kind),
        conference: conferenceStream.tracks.map((t) => t.kind),
        local: conferenceStream instanceof LocalMediaStream,
        width: document.getElementById('conference').videoWidth,
      }));
      expect(seen).to.deep.equal({ chat: ['audio'], conference: ['audio', 'video'], local: true, width: seen.width });
      expect(seen.width).to.be.above(0);
      await page.close();
    });

    it('§3.3 Start button: a click disables it and captures; it re-enables when the user revokes access', async () => {
      const page = await browser.newPage();
      // Observe (not alter) the capture the shim starts, to know when the app holds its stream.
      await page.evaluateOnNewDocument(() => {
        const md = navigator.mediaDevices;
        const native = md.getUserMedia.bind(md);
        window.__captures = 0;
        md.getUserMedia = (c) => native(c).then((s) => (window.__captures++, s));
      });
      await page.goto(`${server.url}start-button.html`);
      expect(await page.$eval('#startBtn', (b) => b.disabled)).to.equal(false);
      await page.click('#startBtn');
      expect(await page.$eval('#startBtn', (b) => b.disabled)).to.equal(true);
      await page.waitForFunction(() => window.__captures === 1, { timeout: 10000, polling: 100 });
      await new Promise((r) => setTimeout(r, 200)); // gotStream runs in the task after capture starts
      expect(await page.$eval('#startBtn', (b) => b.disabled), 'still disabled while the stream is live').to.equal(true);
      // "The user can cause the button to be re-enabled by ... revoking that access" (§3.3).
      await revokeCapture(page);
      await page.waitForFunction(() => !document.getElementById('startBtn').disabled, { timeout: 10000, polling: 100 });
      await page.close();
    });
  });
}
