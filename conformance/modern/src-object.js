// Modern regression: a camera stream played through `srcObject`. Observed: play() resolving, the
// element's src/currentSrc/srcObject/duration/readyState, which media events fire (and that
// loadedmetadata comes before playing), the video's size, that its frames are not black, an <audio>
// element playing the microphone, and what clearing srcObject does.
conformance.defineModern({
  title: 'srcObject playback',
  fast: true,
  timeout: 15000,
  async run(t) {
    const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    document.body.appendChild(video);
    t.cleanup(() => {
      video.srcObject = null;
      video.remove();
    });
    const EVENTS = ['loadstart', 'loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough', 'play', 'playing', 'resize', 'error', 'emptied', 'abort'];
    const seen = [];
    for (const type of EVENTS) video.addEventListener(type, () => seen.push(type));
    const once = (target, type) => new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));

    const before = { srcObject: video.srcObject, readyState: video.readyState, networkState: video.networkState };
    const playing = once(video, 'playing');
    video.srcObject = stream;
    const assigned = { same: video.srcObject === stream, src: video.src, srcAttribute: video.getAttribute('src'), currentSrc: video.currentSrc };
    const playResult = await video.play();
    await playing;
    if (!(video.videoWidth > 0)) await once(video, 'resize');

    // Frames: sample the picture a few times (the fake cameras animate) and look for any bright pixel.
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d', { willReadFrequently: true });
    let nonBlack = false;
    for (let i = 0; i < 10 && !nonBlack; i++) {
      g.drawImage(video, 0, 0, canvas.width, canvas.height);
      const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let p = 0; p < data.length; p += 4) {
        if (data[p] + data[p + 1] + data[p + 2] > 96) {
          nonBlack = true;
          break;
        }
      }
      if (!nonBlack) await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const playingState = {
      playResult: String(playResult),
      paused: video.paused,
      readyStateAtLeastCurrentData: video.readyState >= 2,
      videoWidthPositive: video.videoWidth > 0,
      videoHeightPositive: video.videoHeight > 0,
      size: `${video.videoWidth}x${video.videoHeight}`,
      duration: String(video.duration),
      currentSrc: video.currentSrc,
      error: video.error,
      nonBlack,
      loadedmetadataBeforePlaying: seen.indexOf('loadedmetadata') < seen.indexOf('playing'),
    };

    const audio = new Audio();
    t.cleanup(() => {
      audio.srcObject = null;
    });
    audio.srcObject = new MediaStream(stream.getAudioTracks());
    const audioPlay = await audio.play().then(() => 'resolved', (e) => e.name);
    const audioState = { audioPlay, paused: audio.paused, isHTMLAudioElement: audio instanceof HTMLAudioElement, duration: String(audio.duration) };

    const emptied = once(video, 'emptied');
    video.srcObject = null;
    await emptied;
    const cleared = { srcObject: video.srcObject, videoWidth: video.videoWidth, readyState: video.readyState, networkState: video.networkState };

    return { before, assigned, playing: playingState, events: [...new Set(seen)].sort(), audio: audioState, cleared };
  },
});
