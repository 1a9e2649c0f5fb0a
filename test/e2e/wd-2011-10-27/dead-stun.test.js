// 2011 WD §4 + the bound: a STUN server that never answers must not hold up a call between
// peers that reach each other directly (Chromium would wait ~40 s for it). The "server" here is a UDP
// socket on 127.0.0.1 that swallows every request.
import { expect } from 'chai';
import dgram from 'node:dgram';
import { browserNames, launch } from '../browsers.js';
import { startServer } from '../../../server/app.js';

for (const engine of browserNames()) {
  describe(`[${engine}] wd-2011-10-27 §4 with a STUN server that never answers`, function () {
    let server, browser, silent;
    before(async () => {
      silent = dgram.createSocket('udp4');
      silent.on('message', () => {}); // swallow STUN binding requests
      await new Promise((r) => silent.bind(0, '127.0.0.1', r));
      server = await startServer({ port: 0 });
      browser = await launch(engine);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      silent?.close();
    });

    it('two 2011 PeerConnections configured with it still reach ACTIVE, their OFFER not waiting for the server', async function () {
      this.timeout(20000);
      const page = await browser.newPage();
      await page.goto(`${server.url}test/e2e/fixtures/legacy-page.html`);
      const config = `STUN 127.0.0.1:${silent.address().port}`;
      const result = await page.evaluate(async (config) => {
        const stream = await new Promise((ok, fail) => navigator.getUserMedia('audio', ok, fail));
        const log = [];
        let a, b;
        const relay = (to) => (m) => { log.push(JSON.parse(m.slice(4)).messageType); setTimeout(() => to().readyState !== 3 && to().processSignalingMessage(m), 0); };
        a = new PeerConnection(config, relay(() => b));
        b = new PeerConnection(config, relay(() => a));
        a.addStream(stream);
        // Within the test's own timeout (far below Chromium's ~40 s STUN give-up): ACTIVE.
        await new Promise((r) => { const t = setInterval(() => { if (a.readyState === 2 && b.readyState === 2) { clearInterval(t); r(); } }, 50); });
        const out = { log: log.slice(), a: a.readyState, b: b.readyState, remote: b.remoteStreams.length };
        a.close();
        stream.stop();
        return out;
      }, config);
      expect(result.a).to.equal(2);
      expect(result.b).to.equal(2);
      expect(result.remote).to.equal(1);
      expect(result.log.slice(0, 3)).to.deep.equal(['OFFER', 'ANSWER', 'OK']);
      await page.close();
    });
  });
}
