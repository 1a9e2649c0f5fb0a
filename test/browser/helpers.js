// Shared by the in-browser suites. Plain script: globals are the API.
/* global WebRTCLegacy */
window.T = {
  /** A macrotask: what the 2011 draft's "queue a task" comes after. */
  nextTask: () => new Promise((r) => setTimeout(r, 0)),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  isFirefox: /Firefox\//.test(navigator.userAgent),
  /** Calls the 2011 getUserMedia and resolves with what the callbacks got. */
  legacyGum(options) {
    return new Promise((resolve, reject) => {
      try {
        navigator.getUserMedia(options, (stream) => resolve({ stream }), (error) => resolve({ error }));
      } catch (e) {
        reject(e);
      }
    });
  },
  /** Resolves when `target` fires `type`, or rejects after `ms`. */
  once(target, type, ms = 10000) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms`)), ms);
      target.addEventListener(type, (e) => { clearTimeout(t); resolve(e); }, { once: true });
    });
  },
  /** Plays a stream in a <video> and resolves with its size once frames arrive. */
  async play(stream) {
    const v = document.createElement('video');
    v.muted = true;
    v.autoplay = true;
    v.srcObject = stream;
    document.body.appendChild(v);
    try {
      await T.once(v, 'loadedmetadata');
      await v.play();
      return { width: v.videoWidth, height: v.videoHeight, paused: v.paused };
    } finally {
      v.srcObject = null;
      v.remove();
    }
  },
  stopAll(stream) {
    if (stream) stream.getTracks().forEach((t) => t.stop());
  },
  /** Mean brightness (0–255) of a stream's video in a <video> of the page, once it has played 0.3 s. */
  async brightness(stream) {
    const v = document.createElement('video');
    v.muted = true;
    v.srcObject = stream;
    document.body.appendChild(v);
    try {
      await v.play();
      while (!(v.videoWidth > 0 && v.currentTime > 0.3)) await T.once(v, 'timeupdate');
      const c = document.createElement('canvas');
      c.width = 64;
      c.height = 48;
      const g = c.getContext('2d');
      g.drawImage(v, 0, 0, 64, 48);
      const d = g.getImageData(0, 0, 64, 48).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
      return sum / (d.length / 4) / 3;
    } finally {
      v.srcObject = null;
      v.remove();
    }
  },
  /** Resolves a property path such as 'Navigator.prototype' from window. */
  resolve(path) {
    return path === 'window' ? window : path.split('.').reduce((o, k) => o && o[k], window);
  },
};
