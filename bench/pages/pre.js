// Loaded before the shim (or anything else) on the bench pages.
//
// ?count=1: window.RTCPeerConnection becomes a subclass that counts the native connections created and
// the ones garbage-collected (FinalizationRegistry), so the leak benchmark can tell how many native
// connections are still held by anybody — the shim included — after its calls are closed and dropped.
//
// __benchTime(name, fn): the instrumented bench bundle (bench/.build/webrtc-legacy.instrumented.js)
// calls it around each of the shim's signaling functions; only the outermost call is timed, so a
// shim function called inside another is not counted twice.
(() => {
  const params = new URLSearchParams(location.search);
  if (params.get('count') === '1') {
    const Native = window.RTCPeerConnection;
    const counts = { created: 0, collected: 0 };
    const registry = new FinalizationRegistry(() => counts.collected++);
    class RTCPeerConnection extends Native {
      constructor(...args) {
        super(...args);
        counts.created++;
        registry.register(this, null);
      }
    }
    window.RTCPeerConnection = RTCPeerConnection;
    window.__benchPcCounts = counts;
  }

  const totals = new Map();
  let depth = 0;
  window.__benchTimes = totals;
  window.__benchTime = (name, fn) => {
    if (depth > 0) return fn();
    depth++;
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      const dt = performance.now() - t0;
      depth--;
      const t = totals.get(name) ?? { ms: 0, calls: 0 };
      t.ms += dt;
      t.calls++;
      totals.set(name, t);
    }
  };

  // ?shim=dist (dist/webrtc-legacy.js), min (its .min.js), instrumented (bench build), none.
  const shim = params.get('shim') ?? 'dist';
  const src = { dist: '/dist/webrtc-legacy.js', min: '/dist/webrtc-legacy.min.js', instrumented: '/bench/.build/webrtc-legacy.instrumented.js' }[shim];
  if (src) document.write(`<script src="${src}"><\/script>`);
})();
