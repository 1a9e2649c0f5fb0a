// The 2011 WD §3.3 example apps in legacy/, served by `npm start`'s server, driven the way a person
// would (clicking their buttons) in real browsers, asserting what that person would see. The Start
// button is in draft-examples.test.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { browserNames, launch, withPage } from '../browsers.js';
import { startServer } from '../../../server/app.js';

const RECORD_MS = 3000;
const DURATION_TOLERANCE_S = 0.5;
const STORED = /^\d{8}T\d{9}Z-[0-9a-f]{12}-(audio|video|other)\.(webm|ogg|bin)$/;

for (const engine of browserNames()) {
  describe(`[${engine}] wd-2011-10-27 demo apps, as a person uses them`, function () {
    let server, browser, dataDir;
    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `webrtc-legacy-messages-${engine}-`));
      server = await startServer({ port: 0, dataDir });
      browser = await launch(engine);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('§3.3 voice message: ⚫ records, ◼ stops and uploads; the message plays and seeks on the messages page', async () => {
      const status = (page) => page.$eval('#status', (p) => p.textContent);
      const buttons = (page) =>
        page.evaluate(() => ({ rec: recBtn.disabled, stop: stopBtn.disabled }));

      const { recordedS, sent } = await withPage(browser, null, async (page) => {
        // Observe (not alter) when the app says it records, when ◼ is clicked, and what it uploads.
        await page.evaluateOnNewDocument(() => {
          window.__seen = {};
          const send = XMLHttpRequest.prototype.send;
          XMLHttpRequest.prototype.send = function (body) {
            window.__seen.sent = body instanceof Blob ? { size: body.size, type: body.type } : { other: String(body) };
            return send.call(this, body);
          };
          document.addEventListener('DOMContentLoaded', () => {
            const status = document.getElementById('status');
            new MutationObserver(() => {
              if (status.textContent.startsWith('Recording...')) window.__seen.recordingAt ??= performance.now();
            }).observe(status, { childList: true, characterData: true, subtree: true });
            document.addEventListener('click', (e) => e.target.id === 'stopBtn' && (window.__seen.stopAt = performance.now()), true);
          });
        });
        const response = await page.goto(`${server.url}voice-message.html`);
        expect(response.ok()).to.equal(true);
        expect(await status(page)).to.equal('To start recording, press the ⚫ button.');
        expect(await buttons(page)).to.deep.equal({ rec: false, stop: true });

        await page.click('#recBtn');
        await page.waitForFunction(
          () => /^(Recording|Could not)/.test(document.getElementById('status').textContent),
          { timeout: 15000, polling: 100 },
        );
        expect(await status(page)).to.equal('Recording... To stop, press to ◼ button.');
        expect(await buttons(page)).to.deep.equal({ rec: true, stop: false });

        await new Promise((r) => setTimeout(r, RECORD_MS));
        await page.click('#stopBtn');
        await page.waitForFunction(
          () => /^(Done|Failed)/.test(document.getElementById('status').textContent),
          { timeout: 30000, polling: 100 },
        );
        expect(await status(page)).to.equal('Done! To record a new message, press the ⚫ button.');
        expect(await buttons(page)).to.deep.equal({ rec: false, stop: true });

        const seen = await page.evaluate(() => window.__seen);
        return { recordedS: (seen.stopAt - seen.recordingAt) / 1000, sent: seen.sent };
      });
      expect(recordedS).to.be.within(RECORD_MS / 1000, RECORD_MS / 1000 + 2);

      // The upload is stored on the server: one complete audio file, the Blob's exact size.
      const files = fs.readdirSync(dataDir);
      expect(files).to.have.length(1);
      const [name] = files;
      expect(name).to.match(STORED);
      expect(sent.type, 'the Blob says what it is').to.match(/^audio\/(webm|ogg)\b/);
      expect(name, 'stored by its Content-Type').to.match(/-audio\.(webm|ogg)$/);
      expect(sent.size).to.be.above(0);
      expect(fs.statSync(path.join(dataDir, name)).size).to.equal(sent.size);

      // It plays on the messages page, in the same browser, with the length it was recorded for.
      const played = await withPage(browser, `${server.url}messages/`, (page) =>
        page.evaluate(async (name) => {
          const el = document.querySelector(`li[data-name="${name}"] audio`);
          if (!el) throw new Error(`no <audio> for ${name} on the messages page`);
          const on = (type, ms = 15000) =>
            new Promise((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error(`no ${type} within ${ms} ms`)), ms);
              el.addEventListener(type, () => (clearTimeout(timer), resolve()), { once: true });
              el.addEventListener('error', () => reject(new Error(`media error ${el.error?.code}: ${el.error?.message}`)), { once: true });
            });
          if (el.readyState < HTMLMediaElement.HAVE_METADATA) await on('loadedmetadata');
          const duration = el.duration;
          if (!Number.isFinite(duration)) return { duration: String(duration) };
          await el.play(); // the person presses play
          await new Promise((resolve) => {
            const tick = () => el.currentTime > 0.2 && (el.removeEventListener('timeupdate', tick), resolve());
            el.addEventListener('timeupdate', tick);
          });
          el.pause();
          const middle = duration / 2;
          const seeked = on('seeked');
          el.currentTime = middle; // the person drags the slider to the middle
          await seeked;
          return { duration, middle, currentTime: el.currentTime, played: el.played.length > 0 };
        }, name),
      );
      expect(played.duration, 'a finite duration').to.be.a('number');
      expect(played.duration).to.be.closeTo(recordedS, DURATION_TOLERANCE_S);
      expect(played.played).to.equal(true);
      expect(played.currentTime, 'seeked to the middle').to.be.closeTo(played.middle, 0.25);
    });

    it('§3.3 Snapshot Kiosk: the camera shows, and 📷 puts a photo in the canvas', async () => {
      await withPage(browser, `${server.url}snapshot-kiosk.html`, async (page) => {
        const canvasPixels = () =>
          page.evaluate(() => {
            const canvas = document.getElementById('photo');
            const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
            let painted = 0;
            let bright = 0;
            for (let i = 0; i < data.length; i += 4) {
              if (data[i + 3] > 0) painted++;
              if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] > 48) bright++;
            }
            const all = data.length / 4;
            return { width: canvas.width, height: canvas.height, painted: painted / all, bright: bright / all };
          });

        await page.waitForFunction(
          () => !document.getElementById('app').hidden || document.getElementById('errorMessage').textContent !== 'Loading...',
          { timeout: 15000, polling: 100 },
        );
        expect(await page.$eval('#errorMessage', (p) => p.textContent)).to.equal('Loading...');
        const shown = await page.evaluate(() => {
          const video = document.getElementById('monitor');
          return {
            app: !document.getElementById('app').hidden,
            splash: !document.getElementById('splash').hidden,
            video: { width: video.videoWidth, height: video.videoHeight, paused: video.paused },
          };
        });
        expect(shown.app, '#app shown').to.equal(true);
        expect(shown.splash, '#splash hidden').to.equal(false);
        expect(shown.video.width).to.be.above(0);
        expect(shown.video.paused, 'the camera plays (autoplay)').to.equal(false);

        const before = await canvasPixels();
        expect(before).to.deep.include({ width: shown.video.width, height: shown.video.height, painted: 0 });

        await page.click('#app input[type=button]'); // 📷
        const after = await canvasPixels();
        expect(after.painted, 'the whole canvas is the photo').to.equal(1);
        expect(after.bright, 'not a black frame').to.be.above(0.25);
      });
    });
  });
}
