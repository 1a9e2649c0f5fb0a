// Modern regression for a legacy name the shim touches: the callback getUserMedia on navigator
// (Chromium still has navigator.getUserMedia and webkitGetUserMedia, Firefox mozGetUserMedia).
// Observed: which of the three names exist (what an app feature-detects), each existing one's
// name/length, and its behaviour with constraint dictionaries: the stream the success callback gets,
// that callbacks come after the call returns, the error callback's name and `constraint`.
conformance.defineModern({
  title: 'navigator.getUserMedia / webkitGetUserMedia with constraints',
  fast: true,
  timeout: 15000,
  async run(t) {
    // A name the shim added where the browser has none (Firefox: navigator.getUserMedia) is a 2011
    // member, left out as principle 1 allows; the detection line below still meets it, and must give
    // the same result as the native function it would otherwise have picked.
    const NAMES = ['getUserMedia', 'webkitGetUserMedia', 'mozGetUserMedia'];
    const native = (n) => !t.added(`Navigator.prototype.${n}`);
    const exists = Object.fromEntries(NAMES.map((n) => [n, native(n) ? typeof navigator[n] : 'undefined']));
    const call = (fn, constraints) => new Promise((resolve) => {
      let returned = false;
      const done = (what) => resolve({ ...what, afterReturn: returned });
      let result;
      try {
        result = fn.call(navigator, constraints, (stream) => {
          t.track(stream);
          done({ ok: true, isMediaStream: stream instanceof MediaStream, exactlyMediaStream: Object.getPrototypeOf(stream) === MediaStream.prototype,
            kinds: stream.getTracks().map((x) => x.kind), active: stream.active });
        }, (e) => done({ ok: false, error: e.name, constraint: e.constraint }));
      } catch (e) {
        resolve({ threw: e.name });
        return;
      }
      returned = true;
      if (result !== undefined) resolve({ returned: String(result) });
    });
    const behaviour = {};
    for (const name of NAMES.filter(native)) {
      const fn = navigator[name];
      if (typeof fn !== 'function') continue;
      behaviour[name] = {
        name: fn.name,
        length: fn.length,
        audio: await call(fn, { audio: true }),
        video320: await call(fn, { video: { width: 320 } }),
        impossible: await call(fn, { video: { width: { exact: 99999 } } }),
        // Apps often left the error callback out.
        noErrorCallback: await new Promise((resolve) => {
          try {
            fn.call(navigator, { audio: true }, (stream) => {
              t.track(stream);
              resolve('success');
            });
          } catch (e) {
            resolve(`threw ${e.name}`);
          }
        }),
      };
    }
    // The line apps of 2013-2017 wrote: the first name that exists, called with constraints.
    const picked = navigator.getUserMedia || navigator.webkitGetUserMedia || navigator.mozGetUserMedia;
    const typical = picked ? await call(picked, { audio: true, video: true }) : null;
    return { exists, behaviour, typical };
  },
});
