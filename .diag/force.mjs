import { launch } from '../test/e2e/browsers.js';
import { startServer } from '../server/app.js';
const server = await startServer({ port: 0 });
const browser = await launch('chromium');
const page = await browser.newPage();
await page.evaluateOnNewDocument(() => {
  // Hold the device list back until the pointer goes down, as a loaded machine can.
  const enumerate = MediaDevices.prototype.enumerateDevices;
  MediaDevices.prototype.enumerateDevices = function () {
    const p = enumerate.call(this);
    return new Promise((resolve) => addEventListener('mousedown', () => p.then(resolve), { once: true, capture: true }));
  };
  window.__log = [];
  for (const t of ['mousedown', 'mouseup', 'click']) addEventListener(t, (e) => window.__log.push(t + ' ' + (e.target.id || e.target.localName)), true);
});
await page.goto(`${server.url}legacy/camera-2013.html`);
await page.select('#resolution', '320x240');
await page.click('#start', { delay: 200 });
await new Promise((r) => setTimeout(r, 3000));
console.log(await page.evaluate(() => [document.getElementById('status').textContent, document.getElementById('start').disabled, window.__log]));
await browser.close(); await server.close();
