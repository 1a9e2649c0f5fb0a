// Modern regression for a legacy name the shim touches: MediaStreamTrack, to which the shim adds the
// 2012–2015 members where they are missing (remote, readonly, onstarted, onoverconstrained, constraints(),
// states(), capabilities(), getSources, getSourceInfos) and whose stop() it widens. Observed: what an app
// that enumerates, copies or feature-detects a camera track sees (for...in, `in` tests, the interface
// object's keys, a property-by-property copy), and the values a modern app reads from the track it got
// from the promise getUserMedia: getSettings() (every key and value but the run-to-run ids),
// getConstraints(), getCapabilities() keys, the clone's settings, applyConstraints then getSettings,
// stop() and readyState, and the picture's size through srcObject. Members the shim added where the
// browser had none of that name (t.added) are left out, as principle 1 allows.
conformance.defineModern({
  title: 'MediaStreamTrack properties and settings a modern app reads',
  fast: true,
  timeout: 15000,
  async run(t) {
    const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { max: 320 } } }));
    const [audio] = stream.getAudioTracks();
    const [video] = stream.getVideoTracks();
    const native = (path) => (k) => !t.added(`${path}.${k}`);
    const forIn = (o) => {
      const keys = [];
      for (const k in o) keys.push(k);
      return keys.filter(native('MediaStreamTrack.prototype')).sort();
    };
    const ids = new Set(['deviceId', 'groupId']);
    const settings = (track) => Object.fromEntries(Object.entries(track.getSettings()).sort().map(([k, v]) => [k, ids.has(k) ? typeof v : v]));
    const copy = {};
    for (const k in video) copy[k] = video[k];
    const has = Object.fromEntries(['kind', 'id', 'label', 'enabled', 'muted', 'readyState', 'contentHint', 'getSettings', 'getConstraints', 'getCapabilities',
      'applyConstraints', 'clone', 'stop', 'onended', 'onmute', 'onunmute', 'remote', 'readonly', 'onstarted', 'onoverconstrained', 'constraints', 'states', 'capabilities']
      .map((k) => [k, native('MediaStreamTrack.prototype')(k) && k in video]));

    const v = document.createElement('video');
    v.muted = true;
    v.srcObject = stream;
    document.body.appendChild(v);
    await v.play();
    while (!(v.videoWidth > 0)) await new Promise((r) => v.addEventListener('timeupdate', r, { once: true }));
    const shown = { width: v.videoWidth, height: v.videoHeight, sameAsSettings: v.videoWidth === video.getSettings().width };
    v.srcObject = null;
    v.remove();

    const videoSettings = settings(video);
    const audioSettings = settings(audio);
    const clone = video.clone();
    const cloneSettings = settings(clone);
    clone.stop();
    const applied = await video.applyConstraints({ width: { max: 160 } }).then(() => 'resolved', (e) => e.name);
    const ended = [];
    video.onended = () => ended.push('ended');
    audio.stop();
    video.stop();
    await new Promise((r) => setTimeout(r, 50));
    return {
      forIn: forIn(video),
      ownKeys: Object.keys(video),
      interfaceKeys: Object.keys(MediaStreamTrack).filter(native('MediaStreamTrack')),
      json: JSON.stringify(video),
      has,
      copiedTypes: Object.fromEntries(Object.keys(copy).filter(native('MediaStreamTrack.prototype')).sort().map((k) => [k, typeof copy[k]])),
      videoSettings,
      audioSettings,
      cloneSettingsSame: JSON.stringify(cloneSettings) === JSON.stringify(videoSettings),
      constraints: { video: video.getConstraints(), audio: audio.getConstraints() },
      capabilityKeys: { video: Object.keys(video.getCapabilities()).sort(), audio: Object.keys(audio.getCapabilities()).sort() },
      shown,
      applied,
      afterStop: { video: video.readyState, audio: audio.readyState, active: stream.active, endedEvents: ended },
    };
  },
});
