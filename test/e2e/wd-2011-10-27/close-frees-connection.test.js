// §4.1.2 close() "destroys the ICE Agent": the browser's connection behind a closed PeerConnection must
// be freed. Chromium 156 never frees a native connection closed while its DTLS handshake is finishing,
// which is exactly when a 2011 app hangs up from its `open` handler (`open` is a queued task after ICE
// connects): measured, 80 of 80 kept alive after GC without NativeLink.close()'s wait for the handshake.
// The native connections are counted with a FinalizationRegistry on a subclass the page installs as
// RTCPeerConnection (the shim reads the global at construction), after forced GCs (`--expose-gc`).
// Chromium only: Firefox has no way for a page to force a collection, and does not have the bug.
import { expect } from 'chai';
import { browserNames, launch } from '../browsers.js';
import { startServer } from '../../../server/app.js';

const CALLS = 10;

describe('wd-2011-10-27 §4.1.2 close() on `open` frees the native connections', function () {
  let server, browser;
  before(async function () {
    if (!browserNames().includes('chromium')) this.skip();
    server = await startServer({ port: 0 });
    browser = await launch('chromium', { args: ['--js-flags=--expose-gc'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`[chromium] ${CALLS} calls, hung up by both sides from the second \`open\` handler: the native connections are collected`, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}test/e2e/fixtures/two-page-call.html`, { waitUntil: 'load' });
      const counts = await page.evaluate(async (calls) => {
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        const counts = { created: 0, collected: 0 };
        const registry = new FinalizationRegistry(() => counts.collected++);
        const Native = window.RTCPeerConnection;
        window.RTCPeerConnection = class extends Native {
          constructor(...args) {
            super(...args);
            counts.created++;
            registry.register(this, null);
          }
        };
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
        for (let i = 0; i < calls; i++) {
          await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`call ${i} did not open`)), 20000);
            const pcs = {};
            const relay = (to) => (m) => setTimeout(() => pcs[to].readyState !== 3 && pcs[to].processSignalingMessage(m), 0);
            pcs.a = new PeerConnection('', relay('b'));
            pcs.b = new PeerConnection('', relay('a'));
            // Both hang up as soon as both are ACTIVE (the second `open`), as the bench's leak run does.
            let opened = 0;
            for (const pc of [pcs.a, pcs.b]) {
              pc.onopen = () => {
                if (++opened < 2) return;
                pcs.a.close();
                pcs.b.close();
                clearTimeout(timer);
                resolve();
              };
            }
            pcs.a.addStream(stream);
          });
          await sleep(20);
        }
        stream.getTracks().forEach((t) => t.stop());
        await sleep(2500); // close() may wait up to 2 s for a handshake in flight
        for (let i = 0; i < 6; i++) {
          window.gc();
          await sleep(100);
        }
        return counts;
      }, CALLS);
      expect(counts.created).to.equal(2 * CALLS);
      // The last call's pair may still be reachable from the page's closures; none of the others.
      expect(counts.created - counts.collected, 'native connections still alive after GC').to.be.at.most(2);
    } finally {
      await page.close();
    }
  });
});
