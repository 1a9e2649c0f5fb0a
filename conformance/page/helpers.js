// The instruments behaviour assertions share: waits, the 2011 getUserMedia as a promise, a <video>
// whose picture is measured, and two 2011 PeerConnections wired to each other. Loaded after harness.js, before any assertion script, as
// `conformance.helpers`. Instruments only: what an assertion checks stays written in the assertion.
(function () {
  'use strict';

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  /** The 2011 getUserMedia(options, success, error) as a promise of the stream, released afterwards. */
  function gum(t, options) {
    return new Promise((resolve, reject) => {
      navigator.getUserMedia(
        options,
        (stream) => resolve(t.track(stream)),
        (e) => reject(new Error(`getUserMedia(${JSON.stringify(options)}) failed: code ${e && e.code} ${(e && e.name) || ''}`)),
      );
    });
  }

  /**
   * A callback getUserMedia of 2012–2016 (`name`: getUserMedia, webkitGetUserMedia, mozGetUserMedia) as a
   * promise of what the callbacks got: `{stream}` (released afterwards) or `{error}`; a throw rejects.
   */
  function gumResult(t, constraints, name = 'getUserMedia') {
    return new Promise((resolve) => {
      navigator[name](constraints, (stream) => resolve({ stream: t.track(stream) }), (error) => resolve({ error }));
    });
  }

  /** Resolves with the event when `target` fires `type`; rejects after `ms`. */
  function once(target, type, ms = 8000, detail = () => '') {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms ${detail()}`.trim())), ms);
      target.addEventListener(type, (e) => (clearTimeout(timer), resolve(e)), { once: true });
    });
  }

  /** Resolves when `pred()` holds, checked now and at each of `types` on each of `targets`. */
  function when(targets, types, pred, what, ms = 10000) {
    targets = [].concat(targets);
    types = [].concat(types);
    return new Promise((resolve, reject) => {
      const off = () => targets.forEach((x) => types.forEach((type) => x.removeEventListener(type, check)));
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      function check() {
        let ok = false;
        try {
          ok = pred();
        } catch (e) {
          ok = false;
        }
        if (!ok) return;
        clearTimeout(timer);
        off();
        resolve();
      }
      targets.forEach((x) => types.forEach((type) => x.addEventListener(type, check)));
      check();
    });
  }

  /** Mean brightness (0–255) of what a <video> shows now. */
  function brightness(video) {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d', { willReadFrequently: true });
    g.drawImage(video, 0, 0, 64, 48);
    const d = g.getImageData(0, 0, 64, 48).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
    return sum / (d.length / 4) / 3;
  }

  /**
   * A <video> of the page showing `stream` (srcObject: the instrument, not the API under test), once
   * it has played past `seconds`; removed afterwards. `brightness()` measures what it shows.
   */
  async function screen(t, stream, seconds = 0.2) {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    document.body.appendChild(video);
    t.cleanup(() => {
      video.srcObject = null;
      video.remove();
    });
    await video.play();
    await when(video, 'timeupdate', () => video.videoWidth > 0 && video.currentTime > seconds, 'video frames');
    return { video, brightness: () => brightness(video) };
  }

  /** What follows a 2011 signaling message's "SDP\n" prefix: a ROAP object, or { sdp } for bare SDP. */
  function roap(message) {
    const body = String(message).slice('SDP\n'.length);
    try {
      const parsed = JSON.parse(body);
      if (parsed && typeof parsed === 'object') return parsed;
    } catch (e) {
      /* not JSON */
    }
    return { sdp: body };
  }

  /**
   * Two 2011 PeerConnections wired to each other. Every message is logged, then relayed in a later task
   * (as a real channel would) unless `tap(from, message)` returns false. Each side keeps a journal: its
   * [readyState, iceState, sdpState] at every statechange, and the connecting/open/addstream/removestream
   * events it saw; `events.A`/`events.B` are those journals' events.
   */
  function pair(t, { configuration = '', tap } = {}) {
    const CLOSED = 3;
    const log = [];
    const pcs = {};
    // Fires `message` once a message is logged: what waits on the wire listens here.
    const wire = new EventTarget();
    const relay = (from) => (message, source) => {
      log.push({ from, message, parsed: roap(message), sourceOk: source === pcs[from] });
      const relayed = !(tap && tap(from, message) === false);
      wire.dispatchEvent(new Event('message'));
      if (!relayed) return;
      setTimeout(() => {
        const to = pcs[from === 'A' ? 'B' : 'A'];
        if (to.readyState !== CLOSED) to.processSignalingMessage(message);
      }, 0);
    };
    for (const name of ['A', 'B']) {
      const pc = t.track(new PeerConnection(configuration, relay(name)));
      const journal = { snapshots: [], events: [] };
      pc.addEventListener('statechange', () => journal.snapshots.push([pc.readyState, pc.iceState, pc.sdpState]));
      for (const type of ['connecting', 'open', 'addstream', 'removestream']) {
        pc.addEventListener(type, (e) => journal.events.push({ type, event: e, stream: e.stream || null, readyState: pc.readyState, remote: Array.from(pc.remoteStreams) }));
      }
      pc.journal = journal;
      pcs[name] = pc;
    }
    const types = (from) => log.filter((m) => !from || m.from === from).map((m) => m.parsed.messageType || 'SDP');
    return { a: pcs.A, b: pcs.B, log, types, wire, events: { A: pcs.A.journal.events, B: pcs.B.journal.events } };
  }

  /** Two native RTCPeerConnections trickling their candidates to each other (for the modern flows). */
  function nativePair(t) {
    const pc1 = t.track(new RTCPeerConnection());
    const pc2 = t.track(new RTCPeerConnection());
    pc1.onicecandidate = (e) => pc2.addIceCandidate(e.candidate).catch(() => {});
    pc2.onicecandidate = (e) => pc1.addIceCandidate(e.candidate).catch(() => {});
    return [pc1, pc2];
  }

  /** One offer/answer round from pc1 to pc2, each description set as soon as it exists. */
  async function exchange(pc1, pc2) {
    await pc1.setLocalDescription(await pc1.createOffer());
    await pc2.setRemoteDescription(pc1.localDescription);
    await pc2.setLocalDescription(await pc2.createAnswer());
    await pc1.setRemoteDescription(pc2.localDescription);
  }

  /**
   * A connected call between two native RTCPeerConnections, each sending a camera+microphone stream
   * (mediaDevices and the promise API: the instrument for the 2013+ drafts' assertions). Resolves with
   * `{ pc1, pc2, stream }`, `stream` being what pc1 sends; all released afterwards.
   */
  async function mediaCall(t) {
    const [pc1, pc2] = nativePair(t);
    const media = async () => t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const stream = await media();
    const answering = await media();
    for (const track of stream.getTracks()) pc1.addTrack(track, stream);
    for (const track of answering.getTracks()) pc2.addTrack(track, answering);
    await exchange(pc1, pc2);
    await when([pc1, pc2], 'connectionstatechange', () => pc1.connectionState === 'connected' && pc2.connectionState === 'connected', 'both connections connected', 15000);
    return { pc1, pc2, stream };
  }

  /** The kinds of a stream's tracks, read through the draft's `tracks` array. */
  const kinds = (stream) => Array.from(stream.tracks, (track) => track.kind);

  window.conformance.helpers = Object.freeze({ sleep, gum, gumResult, once, when, brightness, screen, kinds, roap, pair, nativePair, exchange, mediaCall });
})();
