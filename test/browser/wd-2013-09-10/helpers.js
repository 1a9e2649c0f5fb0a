// A real loopback call for the 2013-09 suites: two native RTCPeerConnections in one page, each sending
// a fake camera+microphone stream, connected through the promise API (the instrument, not the API
// under test). Plain script: `LOOP` is the API.
/* global WebRTCLegacy */
window.LOOP = {
  async call() {
    const media = () => navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const caller = new RTCPeerConnection();
    const callee = new RTCPeerConnection();
    const streams = [await media(), await media()];
    caller.onicecandidate = (e) => e.candidate && callee.addIceCandidate(e.candidate).catch(() => {});
    callee.onicecandidate = (e) => e.candidate && caller.addIceCandidate(e.candidate).catch(() => {});
    for (const t of streams[0].getTracks()) caller.addTrack(t, streams[0]);
    for (const t of streams[1].getTracks()) callee.addTrack(t, streams[1]);
    await caller.setLocalDescription(await caller.createOffer());
    await callee.setRemoteDescription(caller.localDescription);
    await callee.setLocalDescription(await callee.createAnswer());
    await caller.setRemoteDescription(callee.localDescription);
    const connected = (pc) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pc.connectionState === 'connected') resolve();
          if (pc.connectionState === 'failed') reject(new Error('the loopback call failed'));
        };
        pc.addEventListener('connectionstatechange', check);
        check();
      });
    await Promise.all([connected(caller), connected(callee)]);
    return {
      caller,
      callee,
      stream: streams[0],
      close() {
        caller.close();
        callee.close();
        for (const s of streams) s.getTracks().forEach((t) => t.stop());
      },
    };
  },
  /**
   * Around a describe(): installs the shim, makes a loopback call, and fails any test after which an
   * unhandled rejection or error was seen. Returns the suite's live `{ call, seen }`.
   */
  suite() {
    const live = {};
    before(async () => {
      WebRTCLegacy.install();
      live.seen = LOOP.watch();
      live.call = await LOOP.call();
    });
    after(() => {
      if (live.call) live.call.close();
      live.seen.stop();
      WebRTCLegacy.uninstall();
    });
    afterEach(() => expect(live.seen.unhandled, 'unhandled rejections or errors').to.deep.equal([]));
    return live;
  },
  /** The 2013 callback getStats as a promise of its response; rejects with what the error callback got. */
  legacyStats(pc, ...selector) {
    return new Promise((resolve, reject) => {
      if (selector.length) pc.getStats(selector[0], resolve, reject);
      else pc.getStats(resolve, reject);
    });
  },
  /** Catches what a suite must never cause: unhandled rejections, uncaught errors; and console.warn. */
  watch() {
    const seen = { unhandled: [], warnings: [] };
    const onRejection = (e) => seen.unhandled.push(String(e.reason));
    const onError = (e) => seen.unhandled.push(String(e.message));
    const warn = console.warn;
    console.warn = (...args) => seen.warnings.push(args.join(' '));
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    seen.stop = () => {
      console.warn = warn;
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
    return seen;
  },
};
