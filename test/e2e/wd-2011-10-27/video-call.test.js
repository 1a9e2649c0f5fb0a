// 2011 WD §4 between two pages: the legacy/video-call.html demo (a 2011-style app: PeerConnection,
// "SDP\n" messages over a WebSocket, URL.createObjectURL for <video>) in Chromium, in Firefox and
// across the two; and a modern RTCPeerConnection app calling a 2011 page through the roap helpers.
import { expect } from 'chai';
import { browserNames, useServerAndBrowsers } from '../browsers.js';

const engines = browserNames();
const pairs = [];
for (const a of engines) for (const b of engines) if (a <= b) pairs.push([a, b]);

/** Brightness of what the page's remote <video> shows, and its state line. */
async function remoteView(page) {
  return page.evaluate(() => {
    const v = document.getElementById('remote');
    const c = document.createElement('canvas');
    c.width = 32;
    c.height = 24;
    const g = c.getContext('2d');
    g.drawImage(v, 0, 0, 32, 24);
    const d = g.getImageData(0, 0, 32, 24).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
    return { brightness: sum / (d.length / 4) / 3, width: v.videoWidth, state: pc.readyState, remote: pc.remoteStreams.length };
  });
}

const ready = (page) => page.waitForFunction(() => window.pc && pc.readyState === 2 && pc.remoteStreams.length === 1 && document.getElementById('remote').videoWidth > 0 && document.getElementById('remote').currentTime > 0.5, { timeout: 30000, polling: 100 });

describe('wd-2011-10-27 §4 a 2011 video call between two pages', function () {
  const env = useServerAndBrowsers(engines);

  for (const [ea, eb] of pairs) {
    it(`[${ea} ↔ ${eb}] both pages reach ACTIVE and show each other's video; a hang-up closes both`, async () => {
      const room = `t${Math.random().toString(36).slice(2)}`;
      const a = await env.browsers[ea].newPage();
      const b = await env.browsers[eb].newPage();
      const errors = [];
      for (const p of [a, b]) p.on('pageerror', (e) => errors.push(String(e)));
      // Observe (not alter) the signaling each page sends and receives.
      for (const p of [a, b]) {
        await p.evaluateOnNewDocument(() => {
          window.__log = [];
          const send = WebSocket.prototype.send;
          WebSocket.prototype.send = function (m) { window.__log.push('> ' + String(m).slice(0, 60)); return send.call(this, m); };
          addEventListener('message', () => {}, true);
          const NativeWS = WebSocket;
          window.WebSocket = function (...args) { const ws = new NativeWS(...args); ws.addEventListener('message', (e) => window.__log.push('< ' + String(e.data).slice(0, 60))); return ws; };
          window.WebSocket.prototype = NativeWS.prototype;
        });
      }
      try {
        await a.goto(`${env.server.url}video-call.html#${room}`);
        await b.goto(`${env.server.url}video-call.html#${room}`);
        await Promise.all([ready(a), ready(b)]);
        for (const p of [a, b]) {
          const view = await remoteView(p);
          expect(view.state).to.equal(2);
          expect(view.remote).to.equal(1);
          expect(view.brightness, 'remote video is not black').to.be.above(10);
        }
        // The labels each side sees are the ones the other side sent.
        const labels = await Promise.all([a, b].map((p) => p.evaluate(() => [pc.localStreams[0].label, pc.remoteStreams[0].label])));
        expect(labels[0][1]).to.equal(labels[1][0]);
        expect(labels[1][1]).to.equal(labels[0][0]);
        await b.waitForFunction(() => !document.getElementById('hangup').disabled, { timeout: 10000, polling: 100 });
        await b.click('#hangup');
        await a.waitForFunction(() => pc.readyState === 3 && pc.remoteStreams[0].readyState === 2, { timeout: 15000, polling: 100 }).catch(async (e) => {
          const state = (p) => p.evaluate(() => ({ r: pc.readyState, i: pc.iceState, s: pc.sdpState, remote: pc.remoteStreams.map((x) => x.readyState), log: window.__log }));
          throw new Error(`${e.message}: A ${JSON.stringify(await state(a))} B ${JSON.stringify(await state(b))}`);
        });
        expect(await b.evaluate(() => pc.readyState)).to.equal(3);
        expect(errors).to.deep.equal([]);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }

  it(`[${engines[0]} 2011 page ← ${engines[engines.length - 1]} modern app] a modern RTCPeerConnection app calls a 2011 page through roap.parse / roap.serialize`, async () => {
    const room = `m${Math.random().toString(36).slice(2)}`;
    const legacy = await env.browsers[engines[0]].newPage();
    const modern = await env.browsers[engines[engines.length - 1]].newPage();
    try {
      await legacy.goto(`${env.server.url}video-call.html#${room}`);
      await modern.goto(`${env.server.url}test/e2e/fixtures/modern-caller.html#${room}`);
      await ready(legacy);
      await modern.waitForFunction(() => window.remoteVideoWidth > 0, { timeout: 30000, polling: 100 });
      expect((await remoteView(legacy)).brightness).to.be.above(10);
    } finally {
      await legacy.close();
      await modern.close();
    }
  });
});
