// Modern regression: URL.createObjectURL(Blob) for a small WAV made in the page. Observed: the URL's
// shape (blob: of this origin, unique per call), fetching it back, an <audio> playing it to its end
// with the WAV's duration, revokeObjectURL making it unfetchable and unplayable, and the errors for
// arguments that are not a Blob or MediaSource.
conformance.defineModern({
  title: 'URL.createObjectURL(Blob)',
  fast: true,
  timeout: 15000,
  async run(t) {
    // 0.5 s of a 440 Hz tone, 8 kHz mono 16-bit PCM.
    const rate = 8000;
    const samples = rate / 2;
    const buffer = new ArrayBuffer(44 + samples * 2);
    const view = new DataView(buffer);
    const ascii = (offset, text) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
    ascii(0, 'RIFF');
    view.setUint32(4, 36 + samples * 2, true);
    ascii(8, 'WAVE');
    ascii(12, 'fmt ');
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, rate, true);
    view.setUint32(28, rate * 2, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    ascii(36, 'data');
    view.setUint32(40, samples * 2, true);
    for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
    const wav = new Blob([buffer], { type: 'audio/wav' });

    const url = URL.createObjectURL(wav);
    const other = URL.createObjectURL(wav);
    let revoked = false;
    t.cleanup(() => {
      if (!revoked) URL.revokeObjectURL(url);
      URL.revokeObjectURL(other);
    });
    const shape = {
      type: typeof url,
      sameOrigin: url.startsWith(`blob:${location.origin}/`),
      unique: url !== other,
      parsed: new URL(url).protocol,
    };
    const fetched = await fetch(url);
    const body = await fetched.blob();
    const fetchBack = { status: fetched.status, type: body.type, sameSize: body.size === wav.size };

    const audio = new Audio();
    t.cleanup(() => {
      audio.removeAttribute('src');
      audio.load();
    });
    const loaded = new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error(`WAV does not load: MediaError ${audio.error?.code}`)), { once: true });
    });
    audio.src = url;
    const srcReadBack = audio.src === url;
    await loaded;
    const ended = new Promise((resolve) => {
      audio.addEventListener('ended', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 5000);
    });
    const play = await audio.play().then(() => 'resolved', (e) => e.name);
    const playback = { srcReadBack, currentSrc: audio.currentSrc === url, duration: Math.round(audio.duration * 10) / 10, play, ended: await ended };

    const revokeResult = URL.revokeObjectURL(url);
    revoked = true;
    const fetchRevoked = await fetch(url).then((r) => `status ${r.status}`, (e) => e.name);
    const late = new Audio();
    const lateLoad = await new Promise((resolve) => {
      late.addEventListener('error', () => resolve(`error ${late.error.code}`), { once: true });
      late.addEventListener('loadedmetadata', () => resolve('loaded'), { once: true });
      late.src = url;
    });
    const errorName = (fn) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e.name;
      }
    };
    const errors = {
      noArgument: errorName(() => URL.createObjectURL()),
      plainObject: errorName(() => URL.createObjectURL({})),
      string: errorName(() => URL.createObjectURL('text')),
      nullArg: errorName(() => URL.createObjectURL(null)),
      revokeUnknown: errorName(() => URL.revokeObjectURL('blob:nothing')),
      revokeNonString: errorName(() => URL.revokeObjectURL({})),
    };
    const fn = { name: URL.createObjectURL.name, length: URL.createObjectURL.length, revokeName: URL.revokeObjectURL.name, revokeLength: URL.revokeObjectURL.length };

    return { shape, fetchBack, playback, revokeResult: String(revokeResult), fetchRevoked, lateLoad, errors, fn };
  },
});
