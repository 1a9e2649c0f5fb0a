import { launch } from '../test/e2e/browsers.js';
import { startServer } from '../server/app.js';
const server = await startServer({ port: 0 });
const browser = await launch('chromium');
const n = +process.argv[2] || 4;
const out = [];
for (let i = 0; i < n; i++) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    window.__log = [];
    const t0 = performance.now();
    window.__l = (s) => window.__log.push(Math.round(performance.now() - t0) + ' ' + s);
    addEventListener('click', (e) => window.__l('click on ' + e.target.id + '/' + e.target.localName + ' at ' + e.clientX + ',' + e.clientY), true);
  });
  await page.goto(`${server.url}legacy/camera-2013.html`);
  await page.select('#resolution', '320x240');
  const box1 = await (await page.$('#start')).boundingBox();
  await page.click('#start');
  let ok = true;
  await page.waitForFunction(() => /^(Showing|getUserMedia error)/.test(document.getElementById('status').textContent), { timeout: 30000, polling: 100 }).catch(() => { ok = false; });
  const box2 = await (await page.$('#start')).boundingBox();
  const st = await page.evaluate(() => [document.getElementById('status').textContent, document.getElementById('start').disabled, document.getElementById('source').options.length, window.__log]);
  out.push({ ok, box1: [box1.x, box1.y], box2: [box2.x, box2.y], st });
  console.log(JSON.stringify(out.at(-1)));
  await page.close();
}
await browser.close();
await server.close();
