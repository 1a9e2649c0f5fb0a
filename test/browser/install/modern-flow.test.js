/* global WebRTCLegacy, T */
// Principle 1: installing the shim changes nothing a standards-conforming modern app observes.
// The same modern flow runs without and with the shim; every observation must be identical.
describe('a modern app sees no difference with the shim installed', () => {
  after(() => WebRTCLegacy.uninstall());

  const settle = (p) => p.then((v) => ({ ok: v }), (e) => ({ error: e && e.name, constraint: e && e.constraint }));
  function describeStream(s) {
    const v = s.getVideoTracks()[0];
    return {
      proto: Object.getPrototypeOf(s) === MediaStream.prototype,
      ctor: s.constructor.name,
      kinds: s.getTracks().map((t) => t.kind).sort(),
      width: v && v.getSettings().width,
      ownKeys: Object.keys(s),
      json: JSON.stringify(s),
      active: s.active,
      idType: typeof s.id,
    };
  }

  async function modernFlow(nativeCallbackGum) {
    const out = {};
    const md = navigator.mediaDevices;
    const s = await md.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
    out.promise = describeStream(s);
    out.playback = await T.play(s);
    s.getTracks().forEach((t) => t.stop());
    out.emptyConstraints = await settle(md.getUserMedia({}));
    out.bothFalse = await settle(md.getUserMedia({ audio: false, video: false }));
    out.overconstrained = await settle(md.getUserMedia({ video: { width: { exact: 99999 } } }));
    out.audioOnly = describeStream(await md.getUserMedia({ audio: true }).then((x) => (x.getTracks().forEach((t) => t.stop()), x)));
    if (nativeCallbackGum) {
      // The browser's own callback getUserMedia with a constraint dictionary (Chromium has one).
      const viaCallback = await new Promise((resolve) => navigator.getUserMedia({ video: { width: 640 } }, (x) => resolve(x), (e) => resolve(e)));
      out.callback = viaCallback instanceof MediaStream ? describeStream(viaCallback) : { error: viaCallback.name };
      if (viaCallback instanceof MediaStream) viaCallback.getTracks().forEach((t) => t.stop());
      out.callbackAudio = await new Promise((resolve) => navigator.getUserMedia({ audio: true }, (x) => { x.getTracks().forEach((t) => t.stop()); resolve(describeStream(x)); }, (e) => resolve({ error: e.name })));
      out.callbackOverconstrained = await new Promise((resolve) => navigator.getUserMedia({ video: { width: { exact: 99999 } } }, () => resolve('ok'), (e) => resolve({ error: e.name, constraint: e.constraint })));
    }
    // Members the Media Capture 2012–2015 surfaces widen: same shape, same result, same (no) events.
    const shape = (fn) => [fn.name, fn.length];
    out.widened = [shape(MediaDevices.prototype.getUserMedia), shape(MediaStreamTrack.prototype.stop)];
    const s2 = await md.getUserMedia({ video: { advanced: [{ width: 320 }] } });
    const track = s2.getVideoTracks()[0];
    out.advancedWidth = track.getSettings().width;
    const trackEvents = [];
    track.onended = () => trackEvents.push('ended');
    s2.addEventListener('inactive', () => trackEvents.push('inactive'));
    out.stopReturns = String(track.stop());
    await T.sleep(300);
    out.trackEvents = trackEvents;
    out.interfaces = ['RTCPeerConnection', 'MediaStream', 'MediaRecorder', 'MediaStreamTrack'].map((n) => typeof window[n]);
    out.mediaStreamLength = MediaStream.length;
    return out;
  }

  it('getUserMedia with constraint dictionaries, the native callback form, srcObject playback', async () => {
    WebRTCLegacy.uninstall();
    const nativeCallbackGum = typeof navigator.getUserMedia === 'function';
    const without = await modernFlow(nativeCallbackGum);
    WebRTCLegacy.install();
    const withShim = await modernFlow(nativeCallbackGum);
    expect(without.playback.width).to.be.above(0);
    expect(withShim).to.deep.equal(without);
  });
});
