#!/usr/bin/env node
// `npm run bench`: what webrtc-legacy costs a page, side by side with the native API and with
// webrtc-adapter, in one run, as ratios (these machines are noisy: absolute times mean little).
// Writes reports/bench.json and prints a table. Not a test: nothing here passes or fails.
//
//   npm run bench -- [--browser=chromium,firefox] [--only=size,setup,setup2013,message,stats,leaks,mesh,load,footprint]
//                    [--calls=20] [--leak-calls=200] [--mesh-rounds=3] [--load-reps=40] [--out=reports/bench.json]
//
// CHROME_BIN / FIREFOX_BIN choose the browsers (test/browsers-config.js). Run `npm run build` first:
// the bench measures dist/ as it is.
import os from 'node:os';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { launch } from '../test/e2e/browsers.js';
import { startServer } from '../server/app.js';
import { ROOT, buildInstrumented } from './bundles.js';
import { sizes } from './size.js';
import { writeFootprint } from './footprint.js';

const SECTIONS = ['size', 'setup', 'setup2013', 'message', 'stats', 'leaks', 'mesh', 'load', 'footprint'];
const ENGINES = ['chromium', 'firefox'];

const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const list = (s) => s.split(/[\s,]+/).filter(Boolean);
const only = list(arg('only', SECTIONS.join(',')));
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) throw new Error(`--only: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
const aliases = { chrome: 'chromium', ff: 'firefox', 'firefox-esr': 'firefox' };
const browsers = list(arg('browser', process.env.BROWSERS || ENGINES.join(','))).map((b) => aliases[b] ?? b);
const badBrowser = browsers.filter((b) => !ENGINES.includes(b));
if (badBrowser.length) throw new Error(`--browser: unknown ${badBrowser.join(', ')}; known: ${ENGINES.join(', ')}`);
const N = {
  calls: Number(arg('calls', 20)),
  leakCalls: Number(arg('leak-calls', 200)),
  leakSettleMs: Number(arg('leak-settle-ms', 1500)),
  meshRounds: Number(arg('mesh-rounds', 3)),
  meshPeers: 8,
  loadReps: Number(arg('load-reps', 40)),
};
const outFile = resolve(ROOT, arg('out', 'reports/bench.json'));

const load = () => os.loadavg().map((x) => Number(x.toFixed(2)));
const say = (line) => console.log(line);
const note = (section) => say(`\n▶ ${section}   (load average ${load().join(' ')}, ${os.cpus().length} CPUs)`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
  return s.length ? { min: s[0], p25: q(0.25), median: median(s), p75: q(0.75), max: s[s.length - 1] } : null;
};
const r3 = (x) => (x == null ? null : Number(x.toFixed(3)));
const kb = (n) => (n == null ? '—' : `${(n / 1024).toFixed(2)} KB`);
const pad = (s, n) => String(s).padStart(n);

const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadavgStart: load() },
  options: { only, browsers, ...N },
  dist: existsSync(join(ROOT, 'dist', 'webrtc-legacy.js')) ? { builtAt: statSync(join(ROOT, 'dist', 'webrtc-legacy.js')).mtime.toISOString() } : null,
  browsers: {},
  sections: {},
  targets: [],
};
if (!report.dist) throw new Error('dist/webrtc-legacy.js is missing: run `npm run build` first');
say(`webrtc-legacy bench — ${report.date}, load average ${report.machine.loadavgStart.join(' ')} on ${report.machine.cpus} CPUs, dist built ${report.dist.builtAt}`);

const target = (name, value, limit, unit, met, limitedBy) => report.targets.push({ name, value, limit, unit, met, ...(limitedBy ? { limitedBy } : {}) });

function writeReport() {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
}

/** Runs Bench[name](...args) in the page without holding a protocol call open (puppeteer's 180 s limit). */
async function job(page, name, ...args) {
  await page.evaluate((n, a) => {
    window.__job = { done: false };
    Bench[n](...a).then(
      (value) => (window.__job = { done: true, value }),
      (e) => (window.__job = { done: true, error: String(e?.stack ?? e) }),
    );
  }, name, args);
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const j = await page.evaluate(() => window.__job);
    if (j.done) {
      if (j.error) throw new Error(j.error);
      return j.value;
    }
  }
}

async function openPage(browser, server, query) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  const res = await page.goto(`${server.url}bench/pages/bench.html?${query}`, { waitUntil: 'load' });
  if (!res.ok()) throw new Error(`bench page: HTTP ${res.status()}`);
  page.benchErrors = errors;
  return page;
}

/**
 * `N.calls` pairs of calls of the two kinds on one page (shim=dist), alternating which goes first,
 * after one of each to warm up; the median of the pairwise ratios is the result (this machine is noisy).
 */
async function pairedCalls(browser, server, engine, legacyKind, nativeKind, label) {
  const page = await openPage(browser, server, 'shim=dist');
  try {
    await page.evaluate(async () => void (await Bench.streams(2)));
    // One of each first, so neither side pays for the first compile or the first device start.
    await page.evaluate((k) => Bench.call(k), legacyKind);
    await page.evaluate((k) => Bench.call(k), nativeKind);
    const pairs = [];
    for (let i = 0; i < N.calls; i++) {
      const order = i % 2 ? ['native', 'legacy'] : ['legacy', 'native'];
      const ms = {};
      for (const kind of order) ms[kind] = await page.evaluate((k) => Bench.call(k), kind === 'legacy' ? legacyKind : nativeKind);
      pairs.push({ legacy: r3(ms.legacy), native: r3(ms.native), ratio: r3(ms.legacy / ms.native) });
      process.stdout.write(`  ${i + 1}/${N.calls} legacy ${ms.legacy.toFixed(0)} ms, native ${ms.native.toFixed(0)} ms\r`);
    }
    process.stdout.write('\n');
    const ratio = median(pairs.map((p) => p.ratio));
    const res = {
      kinds: { legacy: legacyKind, native: nativeKind },
      pairs,
      medianRatio: r3(ratio),
      ratioQuartiles: quartiles(pairs.map((p) => p.ratio)),
      legacyMs: quartiles(pairs.map((p) => p.legacy)),
      nativeMs: quartiles(pairs.map((p) => p.native)),
      pageErrors: page.benchErrors,
    };
    say(`  median legacy ${res.legacyMs.median.toFixed(0)} ms, native ${res.nativeMs.median.toFixed(0)} ms; median of pairwise ratios ${ratio.toFixed(3)} (quartiles ${res.ratioQuartiles.p25.toFixed(3)}–${res.ratioQuartiles.p75.toFixed(3)})`);
    target(`${label}, ${engine}`, r3(ratio), 1.05, 'ratio', ratio <= 1.05);
    return res;
  } finally {
    await page.close();
  }
}

const SECTION = {
  // ------------------------------------------------------------ call set-up
  async setup(browser, server, engine) {
    return pairedCalls(browser, server, engine, 'legacy', 'native', 'call set-up legacy/native');
  },

  // ------------------------------------------------------------ 2013-style call set-up
  // A 2013 call (callbacks, addStream, mandatory constraints, trickle) through the shim against the
  // same call written natively (promises, addTrack), on one page with the shim installed.
  async setup2013(browser, server, engine) {
    return pairedCalls(browser, server, engine, 'legacy2013', 'native2013', '2013-style call set-up legacy/native');
  },


  // ------------------------------------------------------------ callback getStats
  async stats(browser, server, engine) {
    const page = await openPage(browser, server, 'shim=instrumented');
    try {
      const r = await page.evaluate((reads) => Bench.statsCost({ reads }), N.calls * 2);
      const ratios = r.pairs.map((p) => p.legacy / p.native);
      const fractions = r.pairs.map((p) => p.build / p.native);
      const fraction = median(fractions);
      const res = {
        method: 'callback getStats vs promise getStats() + one pass over its stats, on one connection of a native camera+microphone call, alternating; the legacy response building timed in the instrumented bundle (get-stats.legacyStatsResponse); each read 120 ms after the last, past Chromium\'s 50 ms stats cache',
        reads: r.pairs.length,
        modernStats: r.modernStats,
        legacyReports: r.reports,
        medianRatio: r3(median(ratios)),
        ratioQuartiles: quartiles(ratios),
        legacyMs: quartiles(r.pairs.map((p) => p.legacy)),
        nativeMs: quartiles(r.pairs.map((p) => p.native)),
        buildMs: quartiles(r.pairs.map((p) => p.build)),
        buildFractionOfNative: quartiles(fractions),
        pageErrors: page.benchErrors,
      };
      say(`  ${res.reads} reads: median callback ${res.legacyMs.median.toFixed(2)} ms, promise ${res.nativeMs.median.toFixed(2)} ms (ratio ${res.medianRatio}); building ${res.legacyReports} legacy reports from ${res.modernStats} stats: median ${res.buildMs.median.toFixed(3)} ms, ${(100 * fraction).toFixed(2)} % of a native getStats() and one pass over its stats (median of per-read fractions)`);
      // Apps of the time polled once a second: the building's share of that second is the cost that matters
      // (the share of a native read is printed above; both are wall times on a shared machine).
      const ofSecond = res.buildMs.median / 1000;
      res.buildFractionOfOneSecondPoll = r3(ofSecond);
      target(`callback getStats building per 1 s poll, ${engine}`, Number(ofSecond.toFixed(5)), 0.001, 'fraction', ofSecond <= 0.001);
      return res;
    } finally {
      await page.close();
    }
  },

  // ------------------------------------------------------------ per-message cost
  async message(browser, server, engine) {
    const page = await openPage(browser, server, 'shim=instrumented');
    try {
      const resolution = await page.evaluate(() => Bench.timerResolution());
      await page.evaluate(() => Bench.messageCost()); // warm-up: first compile of the shim's code
      const calls = [];
      for (let i = 0; i < N.calls; i++) {
        calls.push(await page.evaluate(() => Bench.messageCost()));
        process.stdout.write(`  ${i + 1}/${N.calls}\r`);
      }
      process.stdout.write('\n');
      const sum = (f) => calls.reduce((s, c) => s + f(c), 0);
      const byFunction = {};
      for (const c of calls) {
        for (const [k, v] of Object.entries(c.shim)) {
          byFunction[k] ??= { ms: 0, calls: 0 };
          byFunction[k].ms += v.ms;
          byFunction[k].calls += v.calls;
        }
      }
      for (const v of Object.values(byFunction)) v.msPerCall = r3(v.ms / v.calls);
      const fraction = sum((c) => c.shimMs) / sum((c) => c.srdMs);
      const res = {
        method: 'instrumented bench-only build of src/ (bench/.build/webrtc-legacy.instrumented.js) in real calls; see bench/README.md',
        timer: resolution,
        calls: N.calls,
        messagesPerCall: median(calls.map((c) => c.messages)),
        messageTypes: calls[0]?.types,
        shimMsPerCall: r3(sum((c) => c.shimMs) / calls.length),
        nativeSetRemoteDescriptionMsPerCall: r3(sum((c) => c.srdMs) / calls.length),
        nativeSetRemoteDescriptionCallsPerCall: median(calls.map((c) => c.srdCalls)),
        fraction: r3(fraction),
        medianFractionPerCall: r3(median(calls.map((c) => c.shimMs / c.srdMs))),
        byFunction,
        perCall: calls.map((c) => ({ shimMs: r3(c.shimMs), srdMs: r3(c.srdMs), messages: c.messages, bytes: c.bytes })),
        pageErrors: page.benchErrors,
      };
      say(`  timer resolution ${resolution.ms.toFixed(4)} ms (crossOriginIsolated ${resolution.crossOriginIsolated}); ${res.messagesPerCall} messages per call (${(res.messageTypes ?? []).join(', ')})`);
      for (const [k, v] of Object.entries(byFunction)) say(`  ${k.padEnd(52)} ${pad(v.calls, 5)} calls  ${pad(v.msPerCall.toFixed(3), 8)} ms each`);
      say(`  shim JS ${res.shimMsPerCall} ms per call vs native setRemoteDescription ${res.nativeSetRemoteDescriptionMsPerCall} ms per call (${res.nativeSetRemoteDescriptionCallsPerCall} calls): ${(100 * fraction).toFixed(2)} %`);
      target(`shim signaling JS / native setRemoteDescription, ${engine}`, r3(fraction), 0.02, 'fraction', fraction <= 0.02);
      return res;
    } finally {
      await page.close();
    }
  },

  // ------------------------------------------------------------ leaks (Chromium)
  async leaks(browser, server, engine) {
    // Each variant in a page of its own: connections Chromium keeps alive count against its limit of
    // 500 per renderer ("Cannot create so many PeerConnections"), and closing the page frees them.
    const res = {
      calls: N.leakCalls,
      note: 'native RTCPeerConnections counted by CDP Runtime.queryObjects on the prototype of a counting subclass the page installs as window.RTCPeerConnection before the shim loads, and by a FinalizationRegistry',
      variants: {
        legacyClosedAtOpen: 'legacy calls closed as soon as both sides fired open (ACTIVE)',
        legacyClosedSettled: `legacy calls closed ${N.leakSettleMs} ms after both fired open`,
        nativeClosedAtConnected: 'native calls (no data channel) closed as soon as both iceConnectionStates were connected',
        nativeClosedTaskAfterConnected: 'native calls closed one timer task after both iceConnectionStates were connected: the DTLS handshake is finishing then, and Chromium 156 keeps such a connection alive for good (what NativeLink.close() works around)',
      },
      pageErrors: [],
    };
    const variants = [
      ['legacyClosedAtOpen', 'legacy', 0],
      ['legacyClosedSettled', 'legacy', N.leakSettleMs],
      ['nativeClosedAtConnected', 'native', 0],
      ['nativeClosedTaskAfterConnected', 'native', -1],
    ];
    for (const [name, kind, holdMs] of variants) {
      const page = await openPage(browser, server, 'shim=dist&count=1');
      const cdp = await page.createCDPSession();
      const settle = async () => {
        // Closed connections tear down asynchronously; then several GCs with turns of the event loop
        // between them, so FinalizationRegistry callbacks get to run.
        await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
        for (let i = 0; i < 4; i++) {
          await cdp.send('HeapProfiler.collectGarbage');
          await page.evaluate(() => (window.gc?.(), new Promise((r) => setTimeout(r, 100))));
        }
      };
      const measure = async () => {
        await settle();
        const heap = await cdp.send('Runtime.getHeapUsage');
        const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'RTCPeerConnection.prototype' });
        const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
        const { result: n } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
        await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
        const counts = await page.evaluate(() => ({ ...window.__benchPcCounts }));
        return { usedBytes: heap.usedSize, totalBytes: heap.totalSize, liveNativeByQuery: n.value, ...counts, liveNativeByFinalization: counts.created - counts.collected };
      };
      try {
        res.gcExposed = await page.evaluate(() => typeof window.gc === 'function');
        await page.evaluate(async () => void (await Bench.streams(2)));
        await page.evaluate((k, h) => Bench.call(k, { holdMs: h }), kind, holdMs); // warm-up, not counted
        const before = await measure();
        const times = [];
        for (let i = 0; i < N.leakCalls; i++) {
          times.push(await page.evaluate((k, h) => Bench.call(k, { holdMs: h, settleMs: 20 }), kind, holdMs));
          if (process.stdout.isTTY) process.stdout.write(`  ${name} ${i + 1}/${N.leakCalls}\r`);
        }
        if (process.stdout.isTTY) process.stdout.write('\n');
        const after = await measure();
        const r = (res[name] = {
          before,
          after,
          retainedBytes: after.usedBytes - before.usedBytes,
          nativeStillAlive: after.liveNativeByQuery - before.liveNativeByQuery,
          nativeStillAliveByFinalization: after.liveNativeByFinalization - before.liveNativeByFinalization,
          callMs: quartiles(times),
        });
        res.pageErrors.push(...page.benchErrors);
        say(`  ${name}: ${N.leakCalls} calls; JS heap ${(before.usedBytes / 1048576).toFixed(2)} → ${(after.usedBytes / 1048576).toFixed(2)} MB (${(r.retainedBytes / 1024).toFixed(0)} KB retained); native RTCPeerConnections still alive after GC: +${r.nativeStillAlive} (queryObjects), +${r.nativeStillAliveByFinalization} (FinalizationRegistry)`);
      } catch (e) {
        res[name] = { error: String(e?.message ?? e) };
        say(`  ✗ ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    }
    const chromium = 'held by Chromium (C++ Persistent root from blink::RTCPeerConnection::ChangePeerConnectionState): a connection closed while its DTLS handshake is finishing is never freed (see nativeClosedTaskAfterConnected and bench/README.md)';
    for (const v of ['legacyClosedAtOpen', 'legacyClosedSettled']) {
      const r = res[v];
      if (r.error) continue;
      target(`leaks (${v}): JS heap retained, ${N.leakCalls} calls`, r.retainedBytes, 1024 * 1024, 'bytes', r.retainedBytes <= 1024 * 1024, r.retainedBytes > 1024 * 1024 && r.nativeStillAlive > 0 ? chromium : undefined);
      target(`leaks (${v}): native connections still alive`, r.nativeStillAlive, 0, 'connections', r.nativeStillAlive <= 0, r.nativeStillAlive > 0 ? chromium : undefined);
    }
    return res;
  },

  // ------------------------------------------------------------ mesh
  async mesh(browser, server, engine) {
    const page = await openPage(browser, server, 'shim=dist');
    try {
      await page.evaluate(async (n) => void (await Bench.streams(n, { video: false })), N.meshPeers);
      const rounds = [];
      for (let i = 0; i < N.meshRounds; i++) {
        const order = i % 2 ? ['native', 'legacy'] : ['legacy', 'native'];
        const r = {};
        for (const kind of order) {
          r[kind] = await job(page, 'mesh', kind, N.meshPeers);
          await page.evaluate(() => Bench.closeHeld(1000));
        }
        rounds.push({ legacyMs: r3(r.legacy.ms), nativeMs: r3(r.native.ms), ratio: r3(r.legacy.ms / r.native.ms), legacyConnections: r.legacy.connections, nativeConnections: r.native.connections, legacyPhases: r.legacy.phases, failed: [...r.legacy.failed, ...r.native.failed] });
        say(`  round ${i + 1}: legacy ${r.legacy.ms.toFixed(0)} ms (${r.legacy.connections} connections ACTIVE), native ${r.native.ms.toFixed(0)} ms (${r.native.connections}): ${(r.legacy.ms / r.native.ms).toFixed(3)}×; legacy: last first OFFER out at ${r.legacy.phases?.lastFirstOfferMs?.toFixed(0)} ms, last first ANSWER at ${r.legacy.phases?.lastFirstAnswerMs?.toFixed(0)} ms`);
      }
      const ratio = median(rounds.map((r) => r.ratio));
      target(`mesh of ${N.meshPeers} (28 connections) legacy/native, ${engine}`, r3(ratio), 1.1, 'ratio', ratio <= 1.1);
      return { peers: N.meshPeers, connections: (N.meshPeers * (N.meshPeers - 1)) / 2, media: 'microphone only (56 video encoders would measure the CPU, not the shim)', rounds, medianRatio: r3(ratio), pageErrors: page.benchErrors };
    } finally {
      await page.close();
    }
  },

  // ------------------------------------------------------------ load cost
  async load(browser, server, engine) {
    const page = await openPage(browser, server, 'shim=none');
    try {
      const urls = {
        'webrtc-legacy.js': '/dist/webrtc-legacy.js',
        'adapter.js': '/bench/.build/adapter.js',
        'webrtc-legacy.min.js': '/dist/webrtc-legacy.min.js',
        'adapter.min.js': '/bench/.build/adapter.min.js',
        // Diagnostic: the same script with auto-install off, to split evaluation from install().
        'webrtc-legacy.js (no install)': '/dist/webrtc-legacy.js',
      };
      const lengths = await page.evaluate(async (u) => {
        const l = await Bench.loadSources(u);
        Bench.sources['webrtc-legacy.js (no install)'] = `window.WebRTCLegacyOptions = { autoInstall: false };\n${Bench.sources['webrtc-legacy.js (no install)']}`;
        return l;
      }, urls);
      const names = Object.keys(urls);
      const runs = [];
      for (let i = 0; i < N.loadReps; i++) {
        const order = i % 2 ? [...names].reverse() : names;
        runs.push(await page.evaluate((o, rep) => Bench.loadOnce(o, rep), order, i));
      }
      const ok = names.every((n) => runs.every((r) => r[`${n}:ok`]));
      const stats = Object.fromEntries(names.map((n) => [n, quartiles(runs.map((r) => r[n]))]));
      const ratio = median(runs.map((r) => r['webrtc-legacy.js'] / r['adapter.js']));
      const ratioMin = median(runs.map((r) => r['webrtc-legacy.min.js'] / r['adapter.min.js']));
      for (const n of names) say(`  ${n.padEnd(30)} ${pad(lengths[n], 8)} chars  median ${stats[n].median.toFixed(2)} ms (p25 ${stats[n].p25.toFixed(2)}, p75 ${stats[n].p75.toFixed(2)})`);
      say(`  webrtc-legacy.js / adapter.js: median of pairwise ratios ${ratio.toFixed(2)}×; minified: ${ratioMin.toFixed(2)}×${ok ? '' : '  (!) a script did not install'}`);
      return {
        method: 'classic script inserted inline into a fresh blank iframe (parse + compile + run incl. auto-install), unique trailing comment per run, alternating order',
        reps: N.loadReps,
        lengths,
        ms: stats,
        medianRatio: r3(ratio),
        medianRatioMinified: r3(ratioMin),
        allInstalled: ok,
        pageErrors: page.benchErrors,
      };
    } finally {
      await page.close();
    }
  },

  // ------------------------------------------------------------ webrtc-adapter footprint
  async footprint(browser, server, engine) {
    const page = await openPage(browser, server, 'shim=none');
    try {
      await page.addScriptTag({ url: '/bench/.build/adapter-factory.js' });
      const missing = await page.evaluate(() => Bench.footprintBefore());
      const { adapter, factoryChanges } = await page.evaluate(() => {
        const a = AdapterFactory.adapterFactory({ window });
        return { adapter: { browserDetails: a.browserDetails }, factoryChanges: Bench.footprintDiff() };
      });
      // Some shims act only once a connection is used: one connection, a data channel, an offer.
      const usageChanges = await page.evaluate(async () => {
        const pc = new RTCPeerConnection();
        pc.createDataChannel('x');
        const s = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
        s.getTracks().forEach((t) => pc.addTrack(t, s));
        await pc.setLocalDescription(await pc.createOffer());
        pc.getSenders();
        pc.close();
        s.getTracks().forEach((t) => t.stop());
        return Bench.footprintDiff();
      });
      const targets = await page.evaluate(() => Bench.FOOTPRINT_TARGETS);
      // The published browser bundle, by script tag (it runs the factory on load and sets window.adapter).
      const page2 = await openPage(browser, server, 'shim=none');
      let scriptChanges;
      try {
        await page2.evaluate(() => Bench.footprintBefore());
        await page2.addScriptTag({ url: '/bench/.build/adapter.js' });
        scriptChanges = await page2.evaluate(() => Bench.footprintDiff());
      } finally {
        await page2.close();
      }
      const res = { adapter, targets, targetsMissing: missing, factoryChanges, usageChanges, scriptChanges, pageErrors: page.benchErrors };
      say(`  adapterFactory({window}) on ${adapter.browserDetails.browser} ${adapter.browserDetails.version}: ${factoryChanges.length} own properties added/changed; ${usageChanges.length} more after one connection is used; out/adapter.js by script tag: ${scriptChanges.length}`);
      return res;
    } finally {
      await page.close();
    }
  },
};


async function main() {
  // ---------------------------------------------------------------- size
  if (only.includes('size')) {
    note('size (terser compress+mangle, gzip -9)');
    const s = await sizes();
    report.sections.size = s;
    say(`${'file'.padEnd(44)}${pad('raw', 12)}${pad('minified', 12)}${pad('min+gzip', 12)}`);
    const row = (name, r) => say(`${name.padEnd(44)}${pad(kb(r.raw), 12)}${pad(kb(r.min), 12)}${pad(kb(r.gzip), 12)}`);
    for (const r of s.dist) row(`dist/${r.file}`, r);
    row('2011-only ESM (bench/entry-2011.js)', s.esm2011);
    row(`webrtc-adapter ${s.adapter.version} out/adapter.js`, s.adapter);
    row('webrtc-adapter adapterFactory (rollup)', s.adapterFactory);
    say('\n2011-only ESM bundle by module (rollup renderedLength, before minification):');
    const total = s.esm2011.modules.reduce((t, m) => t + m.renderedLength, 0);
    for (const m of s.esm2011.modules.filter((x) => x.renderedLength >= 200)) {
      say(`  ${m.module.padEnd(62)}${pad(m.renderedLength, 7)}  ${pad(((100 * m.renderedLength) / total).toFixed(1), 5)} %`);
    }
    const classic = s.dist.find((r) => r.file === 'webrtc-legacy.min.js');
    target('classic script min+gzip', classic.gzip, 28 * 1024, 'bytes', classic.gzip <= 28 * 1024);
    target('2011-only ESM min+gzip', s.esm2011.gzip, 10 * 1024, 'bytes', s.esm2011.gzip <= 10 * 1024,
      s.esm2011.gzip > 10 * 1024 ? 'every registered surface is a 2011 one, so this is the whole shim: sdp-transform (3.7 KB min+gzip on its own) and the 2011 behaviour itself (PeerConnection + ROAP session + native link ~45 % of the source, object URL hooks, recorder + WebM header patcher); see sections.size.esm2011.modules' : undefined);
  }

  // ---------------------------------------------------------------- browsers
  const browserSections = only.filter((s) => s !== 'size');
  if (browserSections.length) {
    if (browserSections.includes('message') || browserSections.includes('stats')) await buildInstrumented();
    if (browserSections.includes('load') && !only.includes('size')) await sizes(); // writes the adapter copies the load page fetches
    const server = await startServer({ port: 0, host: '127.0.0.1' });
    try {
      for (const engine of browsers) {
        const wantLeaks = engine === 'chromium' && browserSections.includes('leaks');
        const browser = await launch(engine, { args: wantLeaks ? ['--js-flags=--expose-gc'] : [] });
        try {
          const version = await browser.version();
          report.browsers[engine] = version;
          say(`\n═══ ${engine}: ${version}`);
          for (const section of browserSections) {
            if (section === 'leaks' && engine !== 'chromium') continue;
            note(`${section} — ${engine}`);
            const started = Date.now();
            const loadBefore = load();
            let result;
            try {
              result = await SECTION[section](browser, server, engine);
            } catch (e) {
              result = { error: String(e?.stack ?? e) };
              say(`  ✗ ${section} failed: ${String(e?.message ?? e).split('\n')[0]}`);
            }
            result.loadavg = { before: loadBefore, after: load() };
            result.seconds = Math.round((Date.now() - started) / 1000);
            (report.sections[section] ??= {})[engine] = result;
            writeReport(); // a partial report survives an interrupted run
          }
        } finally {
          await browser.close();
        }
      }
    } finally {
      await server.close();
    }
  }

  report.machine.loadavgEnd = load();
  writeReport();
  if (report.sections.footprint) {
    writeFootprint(report);
    say('wrote bench/adapter-footprint.md');
  }

  say('\n▶ targets');
  for (const t of report.targets) {
    const v = t.unit === 'bytes' ? kb(t.value) : t.unit === 'ratio' ? `${t.value?.toFixed(3)}×` : t.unit === 'fraction' ? `${(100 * t.value).toFixed(2)} %` : `${t.value} ${t.unit}`;
    const l = t.unit === 'bytes' ? kb(t.limit) : t.unit === 'ratio' ? `${t.limit}×` : t.unit === 'fraction' ? `${100 * t.limit} %` : `${t.limit} ${t.unit}`;
    say(`  ${t.met ? '✓' : '✗'} ${t.name.padEnd(48)} ${pad(v, 12)}  (target ≤ ${l})${t.limitedBy ? `  — ${t.limitedBy}` : ''}`);
  }
  say(`\nload average at the end ${report.machine.loadavgEnd.join(' ')} — ratios from a loaded machine are rough; rerun when it is quiet.`);
  say(`wrote ${outFile.slice(ROOT.length + 1)}`);

}

await main();
