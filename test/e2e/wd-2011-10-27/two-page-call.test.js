// 2011 WD §4 between two pages, signaling through the server's WebSocket relay like a real 2011 app:
// streams added and removed mid-call, glare (both sides offer at once), and close() from either side,
// in Chromium, in Firefox and across the two. The pages are test/e2e/fixtures/two-page-call.html, a
// 2011 app with a small driver (`call`) the test calls through page.evaluate.
// Glare: 20 rounds in every pair, each with fresh PeerConnections on a fresh relay room in the same
// two pages (about 0.5-1 s a round). Add/remove: in the cross-engine pair each engine adds in turn.
import { expect } from 'chai';
import { browserNames, useServerAndBrowsers } from '../browsers.js';

const READY = { NEW: 0, NEGOTIATING: 1, ACTIVE: 2, CLOSED: 3, CLOSING: 4 };
const STREAM = { LIVE: 1, ENDED: 2 };
const ICE_CLOSED = 0x700;
const SDP_WAITING = 0x2000;

const engines = browserNames();
const pairs = engines.map((e) => [e, e]);
if (engines.includes('chromium') && engines.includes('firefox')) pairs.push(['chromium', 'firefox']);

// Glare rounds per pair, each with fresh PeerConnections on a fresh room in the same two pages.
const GLARE_ROUNDS = { 'chromium-chromium': 20, 'firefox-firefox': 20, 'chromium-firefox': 20 };

// A stream Firefox adds mid-call goes out in a section "m=video 0 … a=bundle-only" (JSEP: bundled, not
// rejected); the Firefox-adds cases below are the regression test for reading it as a live section.

const room = () => `r${Math.random().toString(36).slice(2)}`;

describe('wd-2011-10-27 §4 a 2011 call between two pages', function () {
  const env = useServerAndBrowsers(engines);

  for (const [ea, eb] of pairs) {
    describe(`[${ea} ↔ ${eb}]`, function () {
      let a, b;
      let la, lb; // the label of each page's camera + microphone stream
      const errors = [];
      before(async () => {
        // Each page in a window of its own, as two people's calls would be: a tab behind another is
        // throttled (Firefox runs its timers, so every queued task, once a second there).
        a = await env.browsers[ea].newPage({ type: 'window' });
        b = await env.browsers[eb].newPage({ type: 'window' });
        for (const [name, p] of [['A', a], ['B', b]]) {
          p.on('pageerror', (e) => errors.push(`${name}: ${e?.message ?? e}`));
          await p.goto(`${env.server.url}test/e2e/fixtures/two-page-call.html`, { waitUntil: 'load' });
        }
        la = await a.evaluate(() => call.media('audio,video'));
        lb = await b.evaluate(() => call.media('audio,video'));
      });
      after(async () => {
        await a?.close();
        await b?.close();
      });
      afterEach(() => {
        expect(errors.splice(0), 'page errors').to.deep.equal([]);
      });

      const state = (p) => p.evaluate(() => call.state());
      /** Waits for `fn(arg)` on page p (polled on an interval: rAF never runs in a background tab). */
      const until = (p, what, fn, arg, timeout = 30000) =>
        p.waitForFunction(fn, { polling: 100, timeout }, arg).catch(async (e) => {
          const dump = async (q) => JSON.stringify(await state(q).catch((x) => String(x)));
          throw new Error(`waiting for ${what}: ${e.message}\n  A ${await dump(a)}\n  B ${await dump(b)}`);
        });
      const start = (opts) => {
        const r = room();
        return Promise.all([a, b].map((p) => p.evaluate((r, opts) => call.start(r, opts), r, opts)));
      };
      /** Both pages ACTIVE, each with exactly the other's stream (by label). */
      const bothActive = (what) =>
        Promise.all([
          until(a, `A ${what}`, (l) => call.pc.readyState === 2 && call.pc.remoteStreams.length === 1 && call.pc.remoteStreams[0].label === l, lb),
          until(b, `B ${what}`, (l) => call.pc.readyState === 2 && call.pc.remoteStreams.length === 1 && call.pc.remoteStreams[0].label === l, la),
        ]);
      /** The remote <video> of that stream has played a while: its size and frames are known. */
      const playing = (p, label, after = 0) =>
        until(p, `remote video ${label} playing past ${after} s`, ([l, t]) => {
          const v = call.view(l);
          return v && v.width > 0 && v.time > t + 0.3;
        }, [label, after]);
      const view = (p, label) => p.evaluate((l) => call.view(l), label);
      /** A call the way the demo sets one up: both add their stream at once, right after `new`. */
      const call2011 = async () => {
        await start();
        await Promise.all([a.evaluate((l) => call.add(l), la), b.evaluate((l) => call.add(l), lb)]);
        await bothActive('a call');
      };

      // In the cross-engine pair each engine takes a turn as the side that adds and removes.
      const adders = ea === eb ? ['A'] : ['A', 'B'];
      for (const adder of adders) {
        const engine = adder === 'A' ? ea : eb;
        const title = `add/remove a stream mid-call (${adder}, ${engine}, adds): the peer gets one addstream with its label and sees frames; after removeStream it ends, leaves remoteStreams and removestream fires; the first stream keeps flowing`;
        it(title, async () => {
          await call2011();
          const [x, y] = adder === 'A' ? [a, b] : [b, a]; // x adds, y receives
          const [lxFirst, lyFirst] = adder === 'A' ? [la, lb] : [lb, la];
          await Promise.all([playing(x, lyFirst), playing(y, lxFirst)]);
          expect((await view(y, lxFirst)).brightness, 'first stream not black').to.be.above(10);

          const lx = await x.evaluate(() => call.media('video'));
          expect(lx).to.not.equal(lxFirst);
          const seen = (await state(y)).events.length;
          await x.evaluate((l) => call.add(l), lx);
          await until(y, 'the second stream', (l) => call.pc.remoteStreams.some((s) => s.label === l), lx);
          await playing(y, lx);
          expect((await view(y, lx)).brightness, 'second stream not black').to.be.above(10);
          let sy = await state(y);
          expect(sy.remote.map((s) => s.label).sort()).to.deep.equal([lxFirst, lx].sort());
          expect(sy.remote.every((s) => s.readyState === STREAM.LIVE)).to.equal(true);

          await x.evaluate((l) => call.remove(l), lx);
          await until(y, 'removestream and ended', (l) => {
            const e = call.state().events;
            return e.some((x) => x[0] === 'removestream' && x[1] === l) && e.some((x) => x[0] === 'ended' && x[1] === l);
          }, lx);
          sy = await state(y);
          const since = sy.events.slice(seen);
          expect(since.filter((e) => e[0] === 'addstream'), 'exactly one addstream, a MediaStreamEvent, labelled as sent').to.deep.equal([['addstream', lx, true]]);
          // removestream fires with the stream already gone from remoteStreams, and it has ENDED.
          expect(since.filter((e) => e[0] === 'removestream')).to.deep.equal([['removestream', lx, true]]);
          expect(since.filter((e) => e[0] === 'ended')).to.deep.equal([['ended', lx]]);
          expect(sy.removed).to.deep.equal([{ label: lx, readyState: STREAM.ENDED }]);
          expect(sy.remote).to.deep.equal([{ label: lxFirst, readyState: STREAM.LIVE }]);

          // The first streams still flow, both ways, and the call is still up.
          await playing(y, lxFirst, (await view(y, lxFirst)).time);
          expect((await view(y, lxFirst)).brightness, 'first stream after the removal').to.be.above(10);
          await playing(x, lyFirst, (await view(x, lyFirst)).time);
          await bothActive('after the removal');
          expect((await state(x)).local).to.deep.equal([lxFirst]);
          await x.evaluate((l) => call.stopMedia(l), lx);
          await Promise.all([a, b].map((p) => p.evaluate(() => call.stop())));
        });
      }

      const rounds = GLARE_ROUNDS[`${ea}-${eb}`];
      it(`glare, ${rounds} times: both add their stream at once and their OFFERs cross; both end ACTIVE with each other's stream`, async function () {
        for (let round = 1; round <= rounds; round++) {
          // Each page holds what arrives until both have sent their OFFER and received the other's.
          await start({ hold: true });
          await Promise.all([a.evaluate((l) => call.add(l), la), b.evaluate((l) => call.add(l), lb)]);
          const crossed = () => call.state().sent.includes('OFFER') && call.state().held.includes('OFFER');
          await Promise.all([until(a, `A's offers crossed (round ${round})`, crossed), until(b, `B's offers crossed (round ${round})`, crossed)]);
          const before = await Promise.all([state(a), state(b)]);
          for (const s of before) expect(s.sdpState, `SDP_WAITING before the other's OFFER (round ${round})`).to.equal(SDP_WAITING);
          await Promise.all([a.evaluate(() => call.release()), b.evaluate(() => call.release())]);
          await bothActive(`after glare (round ${round})`);
          const [sa, sb] = await Promise.all([state(a), state(b)]);
          // The one with the lower tieBreaker was told so (CONFLICT), or both tied (DOUBLECONFLICT).
          expect([...sa.sent, ...sb.sent], `round ${round}`).to.include('ERROR');
          expect(sa.events.filter((e) => e[0] === 'addstream'), `round ${round}`).to.deep.equal([['addstream', lb, true]]);
          expect(sb.events.filter((e) => e[0] === 'addstream'), `round ${round}`).to.deep.equal([['addstream', la, true]]);
          expect(sa.remote).to.deep.equal([{ label: lb, readyState: STREAM.LIVE }]);
          expect(sb.remote).to.deep.equal([{ label: la, readyState: STREAM.LIVE }]);
          await Promise.all([a, b].map((p) => p.evaluate(() => call.stop())));
        }
      });

      // 2012-02 WD send(): the datagram channel is negotiated by the first send(). Both pages sending
      // at once makes both offer it, and the glare loser rolls back an offer with a data section.
      it('send() on both pages at once, 3 times: the two OFFERs adding the datagram channel cross; each page gets the other\'s datagram and both stay ACTIVE', async function () {
        for (let round = 1; round <= 3; round++) {
          await call2011();
          await Promise.all([a, b].map((p) => p.evaluate(() => call.hold())));
          const [sa0, sb0] = await Promise.all([state(a), state(b)]);
          await Promise.all([a.evaluate(() => call.send('from A')), b.evaluate(() => call.send('from B'))]);
          const offered = (n) => call.state().sent.filter((t) => t === 'OFFER').length >= n && call.state().held.includes('OFFER');
          await Promise.all([
            until(a, `A's channel offer crossed (round ${round})`, offered, sa0.sent.filter((t) => t === 'OFFER').length + 1),
            until(b, `B's channel offer crossed (round ${round})`, offered, sb0.sent.filter((t) => t === 'OFFER').length + 1),
          ]);
          await Promise.all([a.evaluate(() => call.release()), b.evaluate(() => call.release())]);
          await Promise.all([
            until(a, `A got B's datagram (round ${round})`, () => call.state().datagrams.length > 0),
            until(b, `B got A's datagram (round ${round})`, () => call.state().datagrams.length > 0),
          ]);
          const [sa, sb] = await Promise.all([state(a), state(b)]);
          expect([sa.datagrams, sb.datagrams], `round ${round}`).to.deep.equal([['from B'], ['from A']]);
          expect([sa.readyState, sb.readyState], `round ${round}`).to.deep.equal([READY.ACTIVE, READY.ACTIVE]);
          expect([...sa.sent, ...sb.sent], `round ${round}: the glare was settled`).to.include('ERROR');
          await Promise.all([a, b].map((p) => p.evaluate(() => call.stop())));
        }
      });

      for (const closer of ['A', 'B']) {
        it(`close() by ${closer}: ${closer} is CLOSED at once; the other goes CLOSING then CLOSED and its remote stream ends`, async () => {
          await call2011();
          const [c, o] = closer === 'A' ? [a, b] : [b, a];
          const [lc, lo] = closer === 'A' ? [la, lb] : [lb, la];
          const seen = (await state(o)).states.length;
          const right = await c.evaluate(() => {
            const readyState = call.close();
            return { readyState, iceState: call.pc.iceState };
          });
          expect(right).to.deep.equal({ readyState: READY.CLOSED, iceState: ICE_CLOSED });
          // CLOSED, announced by a statechange (queued: it may come a moment after readyState reads CLOSED).
          await until(o, 'the other side CLOSED with its remote stream ended', ([seen, l]) => {
            const s = call.state();
            return s.readyState === 3 && s.states.slice(seen).includes(3) && s.remote.every((r) => r.readyState === 2) && s.events.some((e) => e[0] === 'ended' && e[1] === l);
          }, [seen, lc]);
          const so = await state(o);
          const after = so.states.slice(seen);
          expect(after, 'readyState at each statechange').to.include(READY.CLOSING);
          expect(after.indexOf(READY.CLOSING)).to.be.below(after.lastIndexOf(READY.CLOSED));
          expect(after[after.length - 1]).to.equal(READY.CLOSED);
          // §4.1.2 close(): the streams stay as they were (the remote one now ended).
          expect(so.remote).to.deep.equal([{ label: lc, readyState: STREAM.ENDED }]);
          expect(so.local).to.deep.equal([lo]);
          expect(so.sent[so.sent.length - 1], 'the other side answers SHUTDOWN with OK').to.equal('OK');
          const sc = await state(c);
          expect(sc.sent).to.include('SHUTDOWN');
          expect(sc.readyState).to.equal(READY.CLOSED);
          expect(sc.local).to.deep.equal([lc]);
          expect(sc.remote.map((s) => s.label)).to.deep.equal([lo]);
          await Promise.all([a, b].map((p) => p.evaluate(() => call.stop())));
        });
      }
    });
  }
});
