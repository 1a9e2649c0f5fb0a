// The 2012-03 ED's synchronous calls block the page: how long createOffer()/createAnswer() take
// (median of 50 each, camera+microphone stream), and the set-up time of a JSEP-00 loopback call
// against the same call made with native RTCPeerConnection in the same page (median of 8, ratio).
//   node bench/jsep-00.js [--browser=chromium,firefox] [--field-trial]
import { launch } from '../test/e2e/browsers.js';
import { startServer } from '../server/app.js';

const arg = (name, dflt) => (process.argv.find((a) => a.startsWith(`--${name}=`)) ?? `=${dflt}`).split('=')[1];
const engines = arg('browser', 'chromium,firefox').split(',');
const fieldTrial = process.argv.includes('--field-trial');

async function inPage() {
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const ready = async () => {
    for (;;) {
      const pc = new webkitPeerConnection00(null, () => {});
      try {
        pc.createOffer({});
        return;
      } catch (e) {
        await new Promise((r) => setTimeout(r, 20));
      } finally {
        pc.close();
      }
    }
  };
  await ready();
  const offerMs = [];
  const answerMs = [];
  for (let i = 0; i < 50; i++) {
    const a = new webkitPeerConnection00(null, () => {});
    const b = new webkitPeerConnection00(null, () => {});
    a.addStream(stream);
    b.addStream(stream);
    let t = performance.now();
    const offer = a.createOffer({});
    offerMs.push(performance.now() - t);
    t = performance.now();
    b.createAnswer(offer.toSdp(), {});
    answerMs.push(performance.now() - t);
    a.close();
    b.close();
    await new Promise((r) => setTimeout(r, 30)); // spares come back to the pool (field trial)
  }
  const until = (pred) => new Promise((resolve) => { const t = setInterval(() => pred() && (clearInterval(t), resolve()), 5); });
  async function jsepCall() {
    const t = performance.now();
    let a, b;
    a = new webkitPeerConnection00(null, (c) => c && b.processIceMessage(c));
    b = new webkitPeerConnection00(null, (c) => c && a.processIceMessage(c));
    a.addStream(stream);
    b.addStream(stream);
    const offer = a.createOffer({});
    a.setLocalDescription(a.SDP_OFFER, offer);
    b.setRemoteDescription(b.SDP_OFFER, offer);
    const answer = b.createAnswer(offer.toSdp(), {});
    b.setLocalDescription(b.SDP_ANSWER, answer);
    a.setRemoteDescription(a.SDP_ANSWER, answer);
    a.startIce();
    b.startIce();
    await until(() => a.readyState === 2 && b.readyState === 2 && a.remoteStreams.length && b.remoteStreams.length);
    const ms = performance.now() - t;
    a.close();
    b.close();
    return ms;
  }
  async function nativeCall() {
    const t = performance.now();
    const a = new RTCPeerConnection();
    const b = new RTCPeerConnection();
    a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate).catch(() => {});
    b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate).catch(() => {});
    let tracks = 0;
    a.ontrack = b.ontrack = () => tracks++;
    stream.getTracks().forEach((x) => (a.addTrack(x, stream), b.addTrack(x, stream)));
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription);
    await until(() => a.connectionState === 'connected' && b.connectionState === 'connected' && tracks >= 4);
    const ms = performance.now() - t;
    a.close();
    b.close();
    return ms;
  }
  const jsep = [];
  const native = [];
  for (let i = 0; i < 8; i++) {
    native.push(await nativeCall());
    jsep.push(await jsepCall());
    await new Promise((r) => setTimeout(r, 100));
  }
  stream.getTracks().forEach((x) => x.stop());
  const r2 = (x) => Math.round(x * 100) / 100;
  return { createOfferMs: r2(median(offerMs)), createAnswerMs: r2(median(answerMs)), setupJsepMs: r2(median(jsep)), setupNativeMs: r2(median(native)), ratio: r2(median(jsep) / median(native)) };
}

const server = await startServer({ port: 0 });
try {
  for (const engine of engines) {
    const args = fieldTrial && engine === 'chromium' ? ['--force-fieldtrials=WebRTC-NoSdpMangleUfrag/Enabled/'] : [];
    const browser = await launch(engine, { args });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}test/e2e/fixtures/jsep-00-page.html`, { waitUntil: 'load' });
      console.log(engine + (args.length ? ' (field trial)' : ''), JSON.stringify(await page.evaluate(inPage)));
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
