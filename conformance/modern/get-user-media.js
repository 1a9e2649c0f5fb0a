// Modern regression: navigator.mediaDevices.getUserMedia with constraint dictionaries. Observed: the
// tracks each request gives (kinds, class, settings keys, the size asked for), the errors' name and
// `constraint` for impossible and malformed requests, applyConstraints, enumerateDevices kinds and
// getSupportedConstraints.
conformance.defineModern({
  title: 'mediaDevices.getUserMedia constraints',
  fast: true,
  timeout: 15000,
  async run(t) {
    const md = navigator.mediaDevices;
    const outcome = async (constraints) => {
      try {
        const stream = t.track(await md.getUserMedia(constraints));
        return {
          isMediaStream: stream instanceof MediaStream,
          exactlyMediaStream: Object.getPrototypeOf(stream) === MediaStream.prototype,
          active: stream.active,
          kinds: stream.getTracks().map((x) => x.kind),
          tracks: stream.getTracks().map((x) => ({
            isTrack: x instanceof MediaStreamTrack,
            readyState: x.readyState,
            enabled: x.enabled,
            label: typeof x.label,
            settingsKeys: Object.keys(x.getSettings()).sort(),
          })),
          stream,
        };
      } catch (e) {
        return { error: e.name, constraint: e.constraint, isOverconstrainedError: typeof OverconstrainedError === 'function' && e instanceof OverconstrainedError };
      }
    };
    const plain = (o) => {
      const { stream, ...rest } = o;
      return rest;
    };

    const audio = await outcome({ audio: true });
    const video320 = await outcome({ video: { width: 320 } });
    const videoSize = video320.stream ? (({ width, height }) => ({ width, height }))(video320.stream.getVideoTracks()[0].getSettings()) : null;
    const both = await outcome({ audio: { echoCancellation: false }, video: { facingMode: 'user', frameRate: { max: 30 } } });
    const impossibleWidth = await outcome({ video: { width: { exact: 99999 } } });
    const impossibleDevice = await outcome({ audio: { deviceId: { exact: 'no-such-device' } } });
    const minOnly = await outcome({ video: { height: { min: 100000 } } });
    const empty = await outcome({});
    const neither = await outcome({ audio: false, video: false });
    const none = await md.getUserMedia().then(() => 'resolved', (e) => e.name);

    // applyConstraints on a live camera track.
    const track = both.stream.getVideoTracks()[0];
    const apply = await track.applyConstraints({ width: 160 }).then(() => 'resolved', (e) => e.name);
    const applied = { width: track.getSettings().width, constraints: track.getConstraints() };
    const applyImpossible = await track.applyConstraints({ width: { exact: 99999 } }).then(() => 'resolved', (e) => `${e.name} ${e.constraint}`);

    const devices = await md.enumerateDevices();
    const enumerate = {
      kinds: [...new Set(devices.map((d) => d.kind))].sort(),
      allMediaDeviceInfo: devices.every((d) => d instanceof MediaDeviceInfo),
      labels: devices.filter((d) => d.kind !== 'audiooutput').every((d) => d.label !== ''),
    };
    const supported = md.getSupportedConstraints();
    const supportedSome = Object.fromEntries(['width', 'height', 'frameRate', 'facingMode', 'deviceId', 'echoCancellation', 'aspectRatio'].map((k) => [k, supported[k] === true]));

    return {
      audio: plain(audio),
      video320: plain(video320),
      videoSize,
      both: plain(both),
      impossibleWidth,
      impossibleDevice,
      minOnly,
      empty,
      neither,
      none,
      apply,
      applied,
      applyImpossible,
      enumerate,
      supportedSome,
    };
  },
});
