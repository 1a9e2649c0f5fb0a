// In-page side of `npm run bench` (bench/run.js drives it through puppeteer, one short step per
// page.evaluate). Plain browser JS; the same page runs the 2011 calls through the shim and the
// equivalent calls written against the native RTCPeerConnection.
/* global PeerConnection */
(() => {
  const task = () => new Promise((r) => setTimeout(r, 0));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const withTimeout = (promise, ms, what) => {
    let timer;
    return Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: not connected after ${ms} ms`)), ms);
      }),
    ]).finally(() => clearTimeout(timer));
  };
  const streams = new Map();
  let held = [];

  const Bench = {
    /** The two (or n) camera+microphone or microphone-only streams the calls send, got once per page. */
    async streams(n, { video = true } = {}) {
      const key = `${n}:${video}`;
      if (!streams.has(key)) {
        const list = [];
        for (let i = 0; i < n; i++) list.push(await navigator.mediaDevices.getUserMedia({ audio: true, video }));
        streams.set(key, list);
      }
      return streams.get(key);
    },

    /**
     * A 2011 call through the shim: A is created with its stream; B is created, adds its stream and
     * processes the OFFER when the first message reaches it, as a 2011 callee page does. Messages travel
     * in a later task (a channel). Done when both have fired `open` (readyState ACTIVE).
     */
    legacyCall(sa, sb, { timeoutMs = 30000, log } = {}) {
      const t0 = performance.now();
      let a, b;
      let resolveOpen;
      let opened = 0;
      const open = new Promise((r) => (resolveOpen = r));
      const onOpen = (pc) => pc.addEventListener('open', () => ++opened === 2 && resolveOpen(), { once: true });
      const sent = [];
      const tap = (message) => sent.push(message.startsWith('SDP\n{') ? JSON.parse(message.slice(4)).messageType : 'SDP');
      const toB = (message) => {
        log?.push(message);
        tap(message);
        setTimeout(() => {
          if (!b) {
            b = new PeerConnection('', toA);
            onOpen(b);
            b.addStream(sb);
          }
          if (b.readyState !== PeerConnection.CLOSED) b.processSignalingMessage(message);
        }, 0);
      };
      const toA = (message) => {
        log?.push(message);
        tap(message);
        setTimeout(() => a.readyState !== PeerConnection.CLOSED && a.processSignalingMessage(message), 0);
      };
      a = new PeerConnection('', toB);
      onOpen(a);
      a.addStream(sa);
      const close = () => [a, b].forEach((p) => p && p.readyState !== PeerConnection.CLOSED && p.close());
      const state = (p) => (p ? `ready ${p.readyState} ice 0x${p.iceState.toString(16)} sdp 0x${p.sdpState.toString(16)}` : 'not created');
      return withTimeout(open, timeoutMs, 'legacy call').then(
        () => ({ ms: performance.now() - t0, close }),
        (e) => {
          e.message += ` (A: ${state(a)}; B: ${state(b)}; messages ${sent.join(', ') || 'none'})`;
          close();
          throw e;
        },
      );
    },

    /**
     * The same call written directly against RTCPeerConnection, non-trickle: A offers once its
     * gathering is complete; B, created when the offer reaches it, answers once its own is complete.
     * Done when both iceConnectionStates are connected or completed (what the shim's ACTIVE derives from).
     */
    async nativeCall(sa, sb, { timeoutMs = 30000 } = {}) {
      const t0 = performance.now();
      const gathered = (pc) =>
        new Promise((resolve) => {
          const check = () => pc.iceGatheringState === 'complete' && (pc.removeEventListener('icegatheringstatechange', check), resolve());
          pc.addEventListener('icegatheringstatechange', check);
          check();
        });
      const connected = (pc) =>
        new Promise((resolve) => {
          const check = () => /^(connected|completed)$/.test(pc.iceConnectionState) && (pc.removeEventListener('iceconnectionstatechange', check), resolve());
          pc.addEventListener('iceconnectionstatechange', check);
          check();
        });
      const a = new RTCPeerConnection();
      let b;
      const close = () => [a, b].forEach((p) => p && p.close());
      try {
        const aConnected = connected(a);
        for (const t of sa.getTracks()) a.addTrack(t, sa);
        await a.setLocalDescription(await a.createOffer());
        await gathered(a);
        const offer = a.localDescription.sdp;
        await task();
        b = new RTCPeerConnection();
        const bConnected = connected(b);
        await b.setRemoteDescription({ type: 'offer', sdp: offer });
        for (const t of sb.getTracks()) b.addTrack(t, sb);
        await b.setLocalDescription(await b.createAnswer());
        await gathered(b);
        const answer = b.localDescription.sdp;
        await task();
        await a.setRemoteDescription({ type: 'answer', sdp: answer });
        await withTimeout(Promise.all([aConnected, bConnected]), timeoutMs, 'native call');
      } catch (e) {
        close();
        throw e;
      }
      return { ms: performance.now() - t0, close, pcs: [a, b] };
    },

    /**
     * A 2013-style call through the shim, as the samples of 2013 wrote it: the 2012 constructor
     * arguments, addStream/onaddstream, callback offer/answer with mandatory constraints and a lone
     * setLocalDescription, trickled {sdpMLineIndex, candidate} through a channel (a later task). Done when
     * both iceConnectionStates are connected or completed and each side has its remote stream.
     */
    call2013(sa, sb, { timeoutMs = 30000 } = {}) {
      const t0 = performance.now();
      const sdpConstraints = { mandatory: { OfferToReceiveAudio: true, OfferToReceiveVideo: true } };
      const [a, b] = [0, 1].map(() => new RTCPeerConnection({ iceServers: [] }, { optional: [{ DtlsSrtpKeyAgreement: true }] }));
      const failed = [];
      const fail = (e) => failed.push(String(e));
      const later = (f) => setTimeout(f, 0);
      const up = (pc) => Bench.callUp(pc, 'addstream');
      const done = Promise.all([up(a), up(b)]);
      for (const [from, to] of [[a, b], [b, a]]) {
        from.onicecandidate = (e) => e.candidate && later(() => to.addIceCandidate(new RTCIceCandidate({ sdpMLineIndex: e.candidate.sdpMLineIndex, candidate: e.candidate.candidate }), () => {}, fail));
      }
      a.addStream(sa);
      b.addStream(sb);
      a.createOffer((offer) => {
        a.setLocalDescription(offer);
        later(() => b.setRemoteDescription(new RTCSessionDescription(offer), () => b.createAnswer((answer) => {
          b.setLocalDescription(answer);
          later(() => a.setRemoteDescription(new RTCSessionDescription(answer), () => {}, fail));
        }, fail, sdpConstraints), fail));
      }, fail, sdpConstraints);
      return Bench.timedCall(t0, done, [a, b], failed, timeoutMs, '2013 call');
    },

    /** The same call written natively: promises, addTrack/ontrack, the same trickle. */
    async call2013Native(sa, sb, { timeoutMs = 30000 } = {}) {
      const t0 = performance.now();
      const [a, b] = [0, 1].map(() => new RTCPeerConnection({ iceServers: [] }));
      const failed = [];
      const fail = (e) => failed.push(String(e));
      const later = (f) => setTimeout(f, 0);
      const done = Promise.all([Bench.callUp(a, 'track'), Bench.callUp(b, 'track')]);
      for (const [from, to] of [[a, b], [b, a]]) from.onicecandidate = (e) => e.candidate && later(() => to.addIceCandidate(e.candidate).catch(fail));
      for (const t of sa.getTracks()) a.addTrack(t, sa);
      for (const t of sb.getTracks()) b.addTrack(t, sb);
      // As the 2013 call: each description goes out without waiting for setLocalDescription.
      (async () => {
        const offer = await a.createOffer();
        a.setLocalDescription(offer).catch(fail);
        await task();
        await b.setRemoteDescription(offer);
        const answer = await b.createAnswer();
        b.setLocalDescription(answer).catch(fail);
        await task();
        await a.setRemoteDescription(answer);
      })().catch(fail);
      return Bench.timedCall(t0, done, [a, b], failed, timeoutMs, 'native 2013-equivalent call');
    },

    /** Resolves when `pc` has fired `remote` (addstream / track) and its ICE is connected or completed. */
    callUp(pc, remote) {
      const got = new Promise((r) => pc.addEventListener(remote, r, { once: true }));
      const ice = new Promise((resolve) => {
        const check = () => /^(connected|completed)$/.test(pc.iceConnectionState) && (pc.removeEventListener('iceconnectionstatechange', check), resolve());
        pc.addEventListener('iceconnectionstatechange', check);
        check();
      });
      return Promise.all([got, ice]);
    },

    timedCall(t0, done, pcs, failed, timeoutMs, what) {
      const close = () => pcs.forEach((p) => p.close());
      return withTimeout(done, timeoutMs, what).then(
        () => ({ ms: performance.now() - t0, close, pcs }),
        (e) => {
          e.message += ` (errors: ${failed.join('; ') || 'none'}; ice ${pcs.map((p) => p.iceConnectionState).join('/')})`;
          close();
          throw e;
        },
      );
    },

    /** One call of `kind`, closed when connected (or holdMs later); returns its set-up time. Keeps nothing. */
    async call(kind, { video = true, settleMs = 100, holdMs = 0 } = {}) {
      const [sa, sb] = await Bench.streams(2, { video });
      const make = { legacy: Bench.legacyCall, native: Bench.nativeCall, legacy2013: Bench.call2013, native2013: Bench.call2013Native }[kind];
      const c = await make(sa, sb);
      // holdMs < 0: close one task later (a timer), as an app that closes from a queued callback does.
      if (holdMs) await sleep(Math.max(0, holdMs));
      c.close();
      await sleep(settleMs);
      return c.ms;
    },

    /**
     * Per-message cost, on the instrumented bundle: one 2011 call; the shim's own signaling code
     * (processSignalingMessage's synchronous part, which includes roap.parse; roap.serialize;
     * legacy-sdp's labelSections / sendingSections / inferType) timed with performance.now() by
     * pre.js's __benchTime, against the native setRemoteDescription calls (call to settlement).
     */
    async messageCost({ settleMs = 1500 } = {}) {
      const [sa, sb] = await Bench.streams(2, { video: true });
      if (!Bench.wrapped) {
        Bench.wrapped = true;
        const psm = PeerConnection.prototype.processSignalingMessage;
        PeerConnection.prototype.processSignalingMessage = function (m) {
          return window.__benchTime('processSignalingMessage (sync, incl. roap.parse)', () => psm.call(this, m));
        };
        const srd = RTCPeerConnection.prototype.setRemoteDescription;
        Bench.srd = { ms: 0, calls: 0 };
        RTCPeerConnection.prototype.setRemoteDescription = function (d, ...rest) {
          if (!d || (d.type !== 'offer' && d.type !== 'answer')) return srd.call(this, d, ...rest);
          const t0 = performance.now();
          const p = srd.call(this, d, ...rest);
          const done = () => {
            Bench.srd.ms += performance.now() - t0;
            Bench.srd.calls++;
          };
          p.then(done, done);
          return p;
        };
      }
      window.__benchTimes.clear();
      Bench.srd.ms = 0;
      Bench.srd.calls = 0;
      const log = [];
      const c = await Bench.legacyCall(sa, sb, { log });
      // The first round's offerer opens the 2012 datagram channel in a second round right after: let it finish.
      await sleep(settleMs);
      c.close();
      const shim = Object.fromEntries([...window.__benchTimes].map(([k, v]) => [k, { ...v }]));
      const shimMs = Object.values(shim).reduce((s, v) => s + v.ms, 0);
      await sleep(100);
      return {
        shim,
        shimMs,
        srdMs: Bench.srd.ms,
        srdCalls: Bench.srd.calls,
        messages: log.length,
        types: log.map((m) => {
          try {
            return JSON.parse(m.slice(4)).messageType;
          } catch {
            return 'SDP';
          }
        }),
        bytes: log.reduce((s, m) => s + m.length, 0),
      };
    },

    /** performance.now()'s smallest step here (cross-origin isolation and the engine decide it). */
    /**
     * The 2013 callback getStats against the native promise getStats() (and one pass over its stats,
     * as any app reading it makes) on the same connection of a native call (camera+microphone both ways), `reads` pairs in alternating order, as an app of the
     * time polled it. On the instrumented bundle, the shim's building of the legacy response from the
     * stats read (get-stats.legacyStatsResponse, the table's engine inside) is timed apart.
     */
    async statsCost({ reads = 40 } = {}) {
      const [sa, sb] = await Bench.streams(2, { video: true });
      const c = await Bench.nativeCall(sa, sb);
      const pc = c.pcs[0];
      try {
        // Until all four RTP streams have stats: what an app polling a live call reads.
        while ([...(await pc.getStats()).values()].filter((s) => s.type === 'inbound-rtp').length < 2) await sleep(100);
        // What any app does with the promise form: get the report and go over its stats once.
        const native = async () => {
          const t0 = performance.now();
          for (const s of (await pc.getStats()).values()) void s.type;
          return performance.now() - t0;
        };
        const legacy = () =>
          new Promise((resolve, reject) => {
            const t0 = performance.now();
            pc.getStats(() => resolve(performance.now() - t0), reject);
          });
        const built = () => window.__benchTimes.get('get-stats.legacyStatsResponse')?.ms ?? 0;
        await native();
        await legacy(); // warm-up: first compile of the shim's code
        const pairs = [];
        for (let i = 0; i < reads; i++) {
          const ms = {};
          for (const kind of i % 2 ? ['native', 'legacy'] : ['legacy', 'native']) {
            // Chromium serves a report younger than 50 ms from its cache: each read gets a fresh one.
            await sleep(120);
            const before = built();
            ms[kind] = await (kind === 'native' ? native() : legacy());
            if (kind === 'legacy') ms.build = built() - before;
          }
          pairs.push(ms);
        }
        const reports = (await new Promise((resolve) => pc.getStats(resolve))).result().length;
        return { pairs, reports, modernStats: (await pc.getStats()).size };
      } finally {
        c.close();
      }
    },

    timerResolution() {
      let min = Infinity;
      for (let i = 0; i < 50; i++) {
        const a = performance.now();
        let b = performance.now();
        while (b === a) b = performance.now();
        min = Math.min(min, b - a);
      }
      return { ms: min, crossOriginIsolated: self.crossOriginIsolated };
    },

    /**
     * A full mesh of `peers` peers (peers·(peers−1)/2 connections, microphone only), all calls started
     * at once; the time until every side is connected. The connections stay up until closeHeld().
     */
    async mesh(kind, peers = 8) {
      const list = await Bench.streams(peers, { video: false });
      const t0 = performance.now();
      const calls = [];
      // When each legacy call's first OFFER and ANSWER went out: one that waited for the shim's
      // gathering time limit shows here.
      const firsts = [];
      for (let i = 0; i < peers; i++) {
        for (let j = i + 1; j < peers; j++) {
          const f = {};
          firsts.push(f);
          const log = { push: (m) => { const t = m.startsWith('SDP\n{') ? JSON.parse(m.slice(4)).messageType : 'SDP'; f[t] ??= performance.now() - t0; } };
          calls.push(kind === 'legacy' ? Bench.legacyCall(list[i], list[j], { timeoutMs: 120000, log }) : Bench.nativeCall(list[i], list[j], { timeoutMs: 120000 }));
        }
      }
      const settled = await Promise.allSettled(calls);
      const ms = performance.now() - t0;
      const latest = (k) => Math.max(...firsts.map((f) => f[k] ?? -1));
      const phases = kind === 'legacy' ? { lastFirstOfferMs: latest('OFFER'), lastFirstAnswerMs: latest('ANSWER') } : undefined;
      held = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value);
      const failed = settled.filter((s) => s.status === 'rejected').map((s) => String(s.reason?.message ?? s.reason));
      return { ms, connections: held.length, failed, phases };
    },

    async closeHeld(settleMs = 500) {
      for (const c of held) c.close();
      held = [];
      await sleep(settleMs);
    },

    /** Source texts for the load-cost runs, fetched once. */
    async loadSources(urls) {
      Bench.sources = {};
      for (const [name, url] of Object.entries(urls)) Bench.sources[name] = await (await fetch(url)).text();
      return Object.fromEntries(Object.entries(Bench.sources).map(([k, v]) => [k, v.length]));
    },

    /**
     * Evaluation time of each source as a classic script in a fresh blank iframe: parse, compile and
     * run (both install themselves on load). A unique trailing comment per run keeps V8's and
     * SpiderMonkey's in-memory compilation caches from answering instead.
     */
    loadOnce(names, rep) {
      const out = {};
      for (const name of names) {
        const frame = document.createElement('iframe');
        document.body.appendChild(frame);
        const doc = frame.contentDocument;
        const script = doc.createElement('script');
        script.textContent = `${Bench.sources[name]}\n//# bench ${rep} ${Math.random()}`;
        const t0 = performance.now();
        doc.head.appendChild(script);
        out[name] = performance.now() - t0;
        const w = frame.contentWindow;
        out[`${name}:ok`] = name.startsWith('adapter')
          ? !!w.adapter
          : !!w.WebRTCLegacy && (name.includes('no install') ? w.WebRTCLegacy.installed().length === 0 : w.WebRTCLegacy.installed().length > 0);
        frame.remove();
      }
      return out;
    },
  };

  /** Own property descriptors of an object, by key, described in a comparable way. */
  function snapshot(obj) {
    const map = new Map();
    for (const key of Reflect.ownKeys(obj)) map.set(key, Object.getOwnPropertyDescriptor(obj, key));
    return map;
  }
  const isNative = (f) => /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
  const fnName = (f) => (typeof f === 'function' ? `${isNative(f) ? 'native' : 'script'} function ${f.name || '(anonymous)'}` : typeof f);
  function describe(d) {
    if (!d) return null;
    const flags = `${d.enumerable ? 'e' : '-'}${d.configurable ? 'c' : '-'}${'writable' in d ? (d.writable ? 'w' : '-') : ''}`;
    if ('value' in d) return `value: ${fnName(d.value)}${typeof d.value !== 'function' && typeof d.value !== 'object' ? ` ${String(d.value)}` : ''} [${flags}]`;
    return `get: ${d.get ? fnName(d.get) : 'none'}, set: ${d.set ? fnName(d.set) : 'none'} [${flags}]`;
  }
  function sameDescriptor(a, b) {
    if (!a || !b) return a === b;
    return Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;
  }
  const resolve = (path) => path.split('.').reduce((o, k) => (o == null ? undefined : k === 'window' ? window : o[k]), window);

  Bench.FOOTPRINT_TARGETS = [
    'window', 'navigator', 'Navigator.prototype', 'navigator.mediaDevices', 'MediaDevices.prototype',
    'RTCPeerConnection', 'RTCPeerConnection.prototype', 'RTCIceCandidate', 'RTCIceCandidate.prototype',
    'RTCSessionDescription', 'RTCSessionDescription.prototype', 'MediaStream', 'MediaStream.prototype',
    'MediaStreamTrack.prototype', 'RTCRtpSender', 'RTCRtpSender.prototype', 'RTCRtpReceiver', 'RTCRtpReceiver.prototype',
    'RTCRtpTransceiver.prototype', 'RTCDataChannel.prototype', 'RTCDTMFSender.prototype', 'RTCTrackEvent.prototype',
    'RTCPeerConnectionIceEvent.prototype', 'EventTarget.prototype',
  ];

  /** Descriptors of every target now, the objects themselves kept (a replaced global keeps its old one). */
  Bench.footprintBefore = () => {
    Bench.fp = Bench.FOOTPRINT_TARGETS.map((path) => {
      const obj = resolve(path);
      return { path, obj, before: obj ? snapshot(obj) : null };
    });
    return Bench.fp.filter((t) => !t.obj).map((t) => t.path);
  };
  /** What changed on each target since footprintBefore(): added, removed, changed own properties. */
  Bench.footprintDiff = () => {
    const out = [];
    for (const t of Bench.fp) {
      if (!t.obj) continue;
      const after = snapshot(t.obj);
      for (const key of new Set([...t.before.keys(), ...after.keys()])) {
        const a = t.before.get(key);
        const b = after.get(key);
        if (sameDescriptor(a, b)) continue;
        out.push({ target: t.path, property: String(key), change: !a ? 'added' : !b ? 'removed' : 'changed', before: describe(a), after: describe(b) });
      }
      const now = resolve(t.path);
      if (now !== t.obj && !t.replaced && (t.replaced = true)) out.push({ target: t.path, property: '(object)', change: 'replaced', before: 'the native object', after: now === undefined ? 'undefined' : 'another object' });
      t.before = after;
    }
    return out;
  };

  window.Bench = Bench;
})();
