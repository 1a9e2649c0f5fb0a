// Modern regression for the native members the Media Capture 2012–2015 surfaces widen:
// MediaDevices.prototype.getUserMedia (Firefox: translates only {mandatory, optional}, which it ignores),
// MediaStreamTrack.prototype.stop (tells the streams holding the track; fires `ended` only under a
// 2013–2015 era) and the engine's own prefixed callback getUserMedia. Observed: name/length of each,
// what stop() leaves and fires (track and stream events, readyState, active), what modern constraint
// objects (advanced included) give, and a wrong `this`.
conformance.defineModern({
  title: 'widened getUserMedia and MediaStreamTrack.stop',
  fast: true,
  timeout: 15000,
  async run(t) {
    const md = navigator.mediaDevices;
    const shape = (fn) => fn && { name: fn.name, length: fn.length, hasPrototype: Object.prototype.hasOwnProperty.call(fn, 'prototype') };
    const stream = t.track(await md.getUserMedia({ audio: true, video: true }));
    const events = [];
    for (const track of stream.getTracks()) {
      track.addEventListener('ended', () => events.push(`listener ended ${track.kind}`));
      track.onended = () => events.push(`onended ${track.kind}`);
    }
    for (const type of ['inactive', 'removetrack']) stream.addEventListener(type, () => events.push(`stream ${type}`));
    const stopResult = stream.getVideoTracks()[0].stop();
    stream.getAudioTracks()[0].stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const settingsOf = async (c) => {
      try {
        const s = t.track(await md.getUserMedia(c));
        const v = s.getVideoTracks()[0];
        return { width: v && v.getSettings().width, kinds: s.getTracks().map((x) => x.kind) };
      } catch (e) {
        return { error: e.name, constraint: e.constraint };
      }
    };
    const wrongThis = await md.getUserMedia.call({}, { video: true }).then(() => 'resolved', (e) => e.name);
    let stopWrongThis;
    try {
      MediaStreamTrack.prototype.stop.call({});
    } catch (e) {
      stopWrongThis = e.name;
    }
    return {
      shapes: {
        getUserMedia: shape(MediaDevices.prototype.getUserMedia),
        stop: shape(MediaStreamTrack.prototype.stop),
      },
      stopResult: String(stopResult),
      events: events.sort(),
      readyStates: stream.getTracks().map((x) => x.readyState),
      active: stream.active,
      advanced: await settingsOf({ video: { advanced: [{ width: 320 }, { width: 640 }] } }),
      exactWidth: await settingsOf({ video: { width: { exact: 320 } } }),
      ideal: await settingsOf({ video: { width: { ideal: 320 }, height: { max: 480 } } }),
      wrongThis,
      stopWrongThis,
    };
  },
});
