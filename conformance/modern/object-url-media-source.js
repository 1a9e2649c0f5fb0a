// Modern regression for a legacy name the shim touches: URL.createObjectURL, given a MediaSource (the
// other object today's createObjectURL takes besides a Blob). Observed: the URL's shape, a <video>
// opening the MediaSource through it (sourceopen, readyState, addSourceBuffer), revokeObjectURL,
// and endOfStream up to sourceended.
conformance.defineModern({
  title: 'URL.createObjectURL(MediaSource)',
  fast: true,
  async run(t) {
    if (typeof MediaSource !== 'function') return { mediaSource: typeof MediaSource };
    const ms = new MediaSource();
    const url = URL.createObjectURL(ms);
    const video = document.createElement('video');
    video.muted = true;
    document.body.appendChild(video);
    t.cleanup(() => {
      video.removeAttribute('src');
      video.load();
      video.remove();
    });
    const events = [];
    for (const type of ['sourceopen', 'sourceended', 'sourceclose']) ms.addEventListener(type, () => events.push(`${type}:${ms.readyState}`));
    const opened = new Promise((resolve, reject) => {
      ms.addEventListener('sourceopen', resolve, { once: true });
      video.addEventListener('error', () => reject(new Error(`MediaSource URL does not load: MediaError ${video.error?.code}`)), { once: true });
    });
    const before = ms.readyState;
    video.src = url;
    const srcReadBack = video.src === url;
    await opened;
    URL.revokeObjectURL(url);
    const type = 'video/webm; codecs="vp8"';
    const supported = MediaSource.isTypeSupported(type);
    const buffer = supported ? ms.addSourceBuffer(type) : null;
    const afterOpen = {
      readyState: ms.readyState,
      sourceBuffers: ms.sourceBuffers.length,
      isSourceBuffer: buffer ? buffer instanceof SourceBuffer : null,
      duration: String(ms.duration),
      currentSrcIsUrl: video.currentSrc === url,
    };
    // What follows sourceended on an empty buffer (a decode error, sourceclose) differs by engine and
    // timing: observed up to sourceended only.
    const endedEvent = new Promise((resolve) => ms.addEventListener('sourceended', () => resolve(ms.readyState), { once: true }));
    ms.endOfStream();
    const ended = await endedEvent;
    const eventsUntilEnded = events.slice();
    return {
      urlShape: { sameOrigin: url.startsWith(`blob:${location.origin}/`), type: typeof url },
      before,
      srcReadBack,
      supported,
      afterOpen,
      ended,
      events: eventsUntilEnded,
      fetchAfterRevoke: await fetch(url).then((r) => `status ${r.status}`, (e) => e.name),
    };
  },
});
