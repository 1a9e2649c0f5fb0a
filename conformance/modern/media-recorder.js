// Modern regression: MediaRecorder on a camera stream, one second, then the recording played back
// through a Blob URL. Observed: isTypeSupported answers, state and event order, the Blob's type
// prefix (before any ';codecs=' part), that the recording loads in a <video> with a picture and plays
// to its end, whether its duration is known once loaded, and the errors for a bad mimeType and a bad state.
conformance.defineModern({
  title: 'MediaRecorder',
  fast: false,
  timeout: 20000,
  async run(t) {
    const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const supported = Object.fromEntries(['video/webm', 'video/webm;codecs=vp8', 'video/webm;codecs=vp8,opus', 'audio/webm', 'audio/ogg', 'video/x-nonsense', '']
      .map((type) => [type, MediaRecorder.isTypeSupported(type)]));
    const errorName = (fn) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e.name;
      }
    };
    const badType = errorName(() => new MediaRecorder(stream, { mimeType: 'video/x-nonsense' }));

    const recorder = t.track(new MediaRecorder(stream));
    const initial = { state: recorder.state, stream: recorder.stream === stream, mimeType: recorder.mimeType };
    const events = [];
    const chunks = [];
    for (const type of ['start', 'pause', 'resume', 'dataavailable', 'stop', 'error']) {
      recorder.addEventListener(type, (e) => {
        events.push(`${type}:${recorder.state}`);
        if (type === 'dataavailable') chunks.push(e);
      });
    }
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
    const started = new Promise((resolve) => recorder.addEventListener('start', resolve, { once: true }));
    recorder.start();
    const states = [recorder.state];
    const startAgain = errorName(() => recorder.start());
    await started;
    const mimeTypePrefix = recorder.mimeType.split(';')[0];
    recorder.pause();
    states.push(recorder.state);
    recorder.resume();
    states.push(recorder.state);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    recorder.stop();
    states.push(recorder.state);
    await stopped;
    const stopAgain = errorName(() => recorder.stop());
    const pauseInactive = errorName(() => recorder.pause());

    const blob = new Blob(chunks.map((e) => e.data), { type: chunks[0].data.type });
    const recording = {
      chunks: chunks.length,
      isBlobEvent: chunks[0] instanceof BlobEvent,
      isBlob: chunks[0].data instanceof Blob,
      typePrefix: chunks[0].data.type.split(';')[0],
      nonEmpty: blob.size > 0,
    };

    const url = URL.createObjectURL(blob);
    t.cleanup(() => URL.revokeObjectURL(url));
    const video = document.createElement('video');
    video.muted = true;
    document.body.appendChild(video);
    t.cleanup(() => {
      video.removeAttribute('src');
      video.load();
      video.remove();
    });
    const loaded = new Promise((resolve, reject) => {
      video.addEventListener('loadeddata', resolve, { once: true });
      video.addEventListener('error', () => reject(new Error(`recording does not load: MediaError ${video.error?.code}`)), { once: true });
    });
    video.src = url;
    await loaded;
    // Read at loadeddata: later, playing to the end can make an unknown duration known.
    const durationFiniteAtLoad = Number.isFinite(video.duration);
    const ended = new Promise((resolve) => {
      video.addEventListener('ended', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 8000);
    });
    const play = await video.play().then(() => 'resolved', (e) => e.name);
    const playback = {
      play,
      urlIsBlob: url.startsWith(`blob:${location.origin}/`),
      videoWidthPositive: video.videoWidth > 0,
      durationFiniteAtLoad,
      ended: await ended,
    };

    return { supported, badType, initial, states, startAgain, mimeTypePrefix, events, stopAgain, pauseInactive, recording, playback };
  },
});
