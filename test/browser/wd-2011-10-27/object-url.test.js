/* global WebRTCLegacy, T */
// 2011 WD §3.2.6 URL.createObjectURL(stream); the §3.3 / §4.3 examples' URL.getObjectURL(stream).
describe('wd-2011-10-27 §3.2.6 URL.createObjectURL(stream)', () => {
  const PATCHED = ['URL', 'HTMLMediaElement.prototype', 'HTMLSourceElement.prototype', 'Element.prototype', 'HTMLAudioElement.prototype'];
  const snapshot = () => [
    ...PATCHED.map((p) => [p, Object.getOwnPropertyDescriptors(T.resolve(p))]),
    ['window', { Audio: Object.getOwnPropertyDescriptor(window, 'Audio'), webkitURL: Object.getOwnPropertyDescriptor(window, 'webkitURL') }],
  ];
  function expectSame(before, after) {
    for (let i = 0; i < before.length; i++) {
      const [path, a] = before[i];
      const b = after[i][1];
      expect(Object.keys(b), `${path} keys`).to.deep.equal(Object.keys(a));
      for (const k of Object.keys(a)) {
        for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) {
          expect(b[k] && b[k][f], `${path}.${k}.${f}`).to.equal(a[k] && a[k][f]);
        }
      }
    }
  }

  // Everything a test makes is undone after it: elements, tracks, URLs (so no stream URL outlives
  // the suite and a later install starts lazy again).
  let cleanups = [];
  const later = (fn) => cleanups.push(fn);
  afterEach(() => {
    for (const fn of cleanups.splice(0).reverse()) fn();
  });
  after(() => WebRTCLegacy.uninstall());

  async function camera(constraints = { video: { width: 320, height: 240 } }) {
    const s = await navigator.mediaDevices.getUserMedia(constraints);
    later(() => T.stopAll(s));
    return s;
  }
  function mintFor(stream, how = 'createObjectURL') {
    const u = URL[how](stream);
    later(() => URL.revokeObjectURL(u));
    return u;
  }
  function video(inDocument = true) {
    const v = document.createElement('video');
    v.muted = true;
    v.autoplay = true;
    later(() => { v.srcObject = null; v.remove(); });
    if (inDocument) document.body.appendChild(v);
    return v;
  }
  /** The events a 2011 app could be surprised by. */
  function troubles(el) {
    const seen = [];
    for (const t of ['error', 'abort']) el.addEventListener(t, () => seen.push(t));
    return seen;
  }
  /** The element shows frames of a stream: metadata with a size, then playing. */
  async function shows(v) {
    if (v.readyState < 1) await T.once(v, 'loadedmetadata');
    await v.play();
    return { width: v.videoWidth, height: v.videoHeight, paused: v.paused };
  }
  /** A real WebM recording of the fake camera, made by the browser's own MediaRecorder. */
  async function recording() {
    const s = await camera();
    const rec = new MediaRecorder(s);
    const chunks = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    rec.start();
    await T.sleep(700);
    const stopped = T.once(rec, 'stop');
    rec.stop();
    await stopped;
    T.stopAll(s);
    return new Blob(chunks, { type: rec.mimeType });
  }
  /** What an app sees of a Blob URL playing in a <video>. */
  async function blobPlayback(blob) {
    const u = URL.createObjectURL(blob);
    const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
    const v = video();
    const bad = troubles(v);
    v.src = u;
    await T.once(v, 'loadedmetadata');
    const out = {
      url: u.startsWith(`blob:${location.origin}/`),
      bytes: bytes.length === blob.size && bytes.length > 0,
      src: v.src === u && v.getAttribute('src') === u,
      currentSrc: v.currentSrc === u,
      srcObject: v.srcObject,
      width: v.videoWidth,
      duration: typeof v.duration,
    };
    out.troubles = bad.slice();
    v.removeAttribute('src');
    v.load();
    v.remove();
    URL.revokeObjectURL(u);
    return out;
  }
  async function mediaSourceOpens() {
    const ms = new MediaSource();
    const u = URL.createObjectURL(ms);
    const v = video();
    v.src = u;
    await T.once(ms, 'sourceopen');
    const out = { url: u.startsWith('blob:'), readyState: ms.readyState, currentSrc: v.currentSrc === u, srcObject: v.srcObject };
    v.removeAttribute('src');
    v.load();
    URL.revokeObjectURL(u);
    return out;
  }
  const errorOf = (fn) => {
    try {
      return { value: typeof fn() };
    } catch (e) {
      return { name: e.name, message: e.message, type: e.constructor.name };
    }
  };
  const badInputs = () => [
    () => URL.createObjectURL(),
    () => URL.createObjectURL(undefined),
    () => URL.createObjectURL({}),
    () => URL.createObjectURL('blob:x'),
    () => URL.revokeObjectURL(),
  ].map(errorOf);

  describe('a modern app sees the browser’s own URL and media elements', () => {
    it('both engines throw on URL.createObjectURL(stream) without the shim', async () => {
      WebRTCLegacy.uninstall();
      const s = await camera();
      expect(() => URL.createObjectURL(s)).to.throw(TypeError);
    });

    it('is lazy: until a stream URL is minted, only URL is patched; Blob and MediaSource URLs, bad input and srcObject are native', async () => {
      WebRTCLegacy.uninstall();
      const native = snapshot();
      const nativeErrors = badInputs();
      const blob = await recording();
      const without = { blob: await blobPlayback(blob), ms: await mediaSourceOpens() };

      WebRTCLegacy.install();
      const rows = WebRTCLegacy.installed().filter((r) => r.surface === 'wd-2011-10-27/object-url');
      expect(rows.map((r) => `${r.target}.${r.property}`)).to.have.members(['URL.createObjectURL', 'URL.revokeObjectURL', 'URL.getObjectURL']);
      expect(URL.createObjectURL.name).to.equal('createObjectURL');
      expect(URL.createObjectURL.length).to.equal(1);
      // Members other surfaces add at install (mediacapture-2013-05-16 mozSrcObject) are theirs to test.
      const others = new Set(WebRTCLegacy.installed().filter((r) => r.surface !== 'wd-2011-10-27/object-url').map((r) => `${r.target}.${r.property}`));
      const mine = () => snapshot().filter(([p]) => p !== 'URL')
        .map(([p, d]) => [p, Object.fromEntries(Object.entries(d).filter(([k]) => !others.has(`${p}.${k}`)))]);
      const lazy = mine();
      expectSame(native.filter(([p]) => p !== 'URL'), lazy);
      expect(Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'src')).to.deep.equal(native[1][1].src);
      expect(Element.prototype.setAttribute).to.equal(native[3][1].setAttribute.value);
      expect(Object.prototype.hasOwnProperty.call(HTMLMediaElement.prototype, 'setAttribute')).to.equal(false);

      expect(badInputs()).to.deep.equal(nativeErrors);
      const withShim = { blob: await blobPlayback(blob), ms: await mediaSourceOpens() };
      expect(JSON.stringify(withShim), JSON.stringify(without)).to.equal(JSON.stringify(without));
      expect(without.blob).to.include({ url: true, bytes: true, src: true, currentSrc: true, srcObject: null, duration: 'number' });
      expect(without.blob.width).to.be.above(0);
      expect(without.blob.troubles).to.deep.equal([]);
      expect(without.ms).to.deep.equal({ url: true, readyState: 'open', currentSrc: true, srcObject: null });

      // Still nothing patched on media elements.
      expectSame(native.filter(([p]) => p !== 'URL'), mine());
      const s = await camera();
      const shown = await T.play(s);
      expect(shown.width).to.be.above(0);
    });

    it('after the first stream URL, Blob and MediaSource URLs, srcObject and bad input still behave natively; uninstall restores everything exactly', async () => {
      WebRTCLegacy.uninstall();
      const native = snapshot();
      const nativeErrors = badInputs();
      const blob = await recording();
      const without = { blob: await blobPlayback(blob), ms: await mediaSourceOpens() };

      WebRTCLegacy.install();
      const s = await camera();
      const u = mintFor(s);
      const patched = WebRTCLegacy.installed().map((r) => `${r.target}.${r.property}`);
      expect(patched).to.include.members(['HTMLMediaElement.prototype.src', 'HTMLMediaElement.prototype.setAttribute', 'window.Audio']);
      expect(patched).to.not.include('Element.prototype.setAttribute');

      expect(badInputs()).to.deep.equal(nativeErrors);
      const after = JSON.stringify({ blob: await blobPlayback(blob), ms: await mediaSourceOpens() });
      expect(after, JSON.stringify(without)).to.equal(JSON.stringify(without));
      // A Blob URL after a stream URL on the same element: the element loads the Blob natively.
      const v = video();
      v.src = u;
      expect(v.srcObject).to.equal(s);
      const b = URL.createObjectURL(blob);
      later(() => URL.revokeObjectURL(b));
      v.src = b;
      expect(v.srcObject).to.equal(null);
      await T.once(v, 'loadedmetadata');
      expect(v.currentSrc).to.equal(b);
      expect(v.videoWidth).to.be.above(0);
      // srcObject set by the app is the app's.
      const w = video();
      w.srcObject = s;
      expect((await shows(w)).width).to.be.above(0);
      expect(w.srcObject).to.equal(s);
      expect(w.getAttribute('src')).to.equal(null);
      // `new Audio()` is still an HTMLAudioElement made by the native constructor.
      const a = new Audio();
      expect(a).to.be.an.instanceof(HTMLAudioElement);
      expect(a).to.be.an.instanceof(Audio);
      expect(() => Audio()).to.throw(TypeError);
      expect(Audio.length).to.equal(0);

      URL.revokeObjectURL(u);
      WebRTCLegacy.uninstall();
      expectSame(native, snapshot());
      expect(() => URL.createObjectURL(s)).to.throw(TypeError);
    });
  });

  describe('a 2011 app shows a stream through its URL', () => {
    beforeEach(() => WebRTCLegacy.install());

    it('mints a unique blob: URL of this origin, and getObjectURL / webkitURL mint them too', async () => {
      const s = await camera();
      const u = mintFor(s);
      const g = mintFor(s, 'getObjectURL');
      expect(u).to.be.a('string');
      expect(u.startsWith(`blob:${location.origin}/`), u).to.equal(true);
      expect(new URL(u).origin).to.equal(location.origin);
      expect(new URL(u).protocol).to.equal('blob:');
      expect(g.startsWith(`blob:${location.origin}/`)).to.equal(true);
      expect(g).to.not.equal(u);
      expect(mintFor(s)).to.not.equal(u);
      expect(typeof webkitURL).to.equal('function');
      expect(mintFor(s).startsWith('blob:')).to.equal(true);
      const w = webkitURL.createObjectURL(s);
      later(() => webkitURL.revokeObjectURL(w));
      expect(w.startsWith(`blob:${location.origin}/`)).to.equal(true);
    });

    it('video.src = URL: metadata, a size, playing; src reads back the URL', async () => {
      const s = await camera();
      const u = mintFor(s);
      const v = video();
      const bad = troubles(v);
      v.src = u;
      expect(v.src).to.equal(u);
      expect(v.getAttribute('src')).to.equal(u);
      expect(v.outerHTML).to.contain(u);
      const shown = await shows(v);
      expect(shown.width).to.equal(320);
      expect(shown.paused).to.equal(false);
      expect(v.src).to.equal(u);
      expect(bad).to.deep.equal([]);
    });

    it('video.src = URL on a video that is never put in the document', async () => {
      const s = await camera();
      const v = video(false);
      v.src = mintFor(s);
      expect((await shows(v)).width).to.be.above(0);
    });

    it('setAttribute("src", URL) before the video is in the document', async () => {
      const s = await camera();
      const u = mintFor(s);
      const v = video(false);
      const bad = troubles(v);
      v.setAttribute('src', u);
      document.body.appendChild(v);
      const shown = await shows(v);
      expect(shown.width).to.be.above(0);
      expect(shown.paused).to.equal(false);
      expect(v.src).to.equal(u);
      expect(v.getAttribute('src')).to.equal(u);
      expect(bad).to.deep.equal([]);
    });

    it('innerHTML = \'<video src="URL" autoplay muted>\': the parsed video plays by itself', async () => {
      const s = await camera();
      const u = mintFor(s);
      const div = document.createElement('div');
      document.body.appendChild(div);
      later(() => div.remove());
      div.innerHTML = `<video src="${u}" autoplay muted></video>`;
      const v = div.firstChild;
      later(() => { v.srcObject = null; });
      const bad = troubles(v);
      await T.once(v, 'playing');
      expect(v.videoWidth).to.be.above(0);
      expect(v.paused).to.equal(false);
      expect(v.src).to.equal(u);
      expect(bad).to.deep.equal([]);
    });

    it('markup put in the document after it was parsed elsewhere, and a clone of a video', async () => {
      const s = await camera();
      const u = mintFor(s);
      const div = document.createElement('div');
      div.innerHTML = `<p><video src="${u}" autoplay muted></video></p>`;
      document.body.appendChild(div);
      later(() => div.remove());
      const v = div.querySelector('video');
      later(() => { v.srcObject = null; });
      expect((await shows(v)).width).to.be.above(0);
      const copy = v.cloneNode();
      document.body.appendChild(copy);
      later(() => { copy.srcObject = null; copy.remove(); });
      expect((await shows(copy)).width).to.be.above(0);
      expect(copy.srcObject).to.equal(s);
    });

    it('a <source src=URL> child, appended or parsed', async () => {
      const s = await camera();
      const u = mintFor(s);
      const v = video();
      const bad = troubles(v);
      const source = document.createElement('source');
      source.src = u;
      v.appendChild(source);
      expect((await shows(v)).width).to.be.above(0);
      expect(source.src).to.equal(u);
      expect(v.getAttribute('src')).to.equal(null);
      expect(bad).to.deep.equal([]);

      const div = document.createElement('div');
      document.body.appendChild(div);
      later(() => div.remove());
      div.innerHTML = `<video autoplay muted><source src="${u}"></video>`;
      const w = div.firstChild;
      later(() => { w.srcObject = null; });
      await T.once(w, 'playing');
      expect(w.videoWidth).to.be.above(0);
    });

    it('new Audio(URL) plays an audio stream', async () => {
      const s = await camera({ audio: true });
      const a = new Audio(mintFor(s));
      later(() => { a.srcObject = null; });
      expect(a.srcObject).to.equal(s);
      await T.once(a, 'loadedmetadata');
      await a.play();
      expect(a.paused).to.equal(false);
    });

    it('a video in a shadow root, given the URL through src', async () => {
      const s = await camera();
      const host = document.createElement('div');
      document.body.appendChild(host);
      later(() => host.remove());
      const v = document.createElement('video');
      v.muted = true;
      host.attachShadow({ mode: 'open' }).appendChild(v);
      later(() => { v.srcObject = null; });
      v.src = mintFor(s);
      expect((await shows(v)).width).to.be.above(0);
    });

    it('the same URL on two elements shows the stream in both', async () => {
      const s = await camera();
      const u = mintFor(s);
      const a = video();
      const b = video();
      a.src = u;
      b.setAttribute('src', u);
      const [x, y] = await Promise.all([shows(a), shows(b)]);
      expect(x.width).to.be.above(0);
      expect(y.width).to.be.above(0);
    });

    it('load() shows the stream again', async () => {
      const s = await camera();
      const v = video();
      v.src = mintFor(s);
      await shows(v);
      v.load();
      expect(v.readyState).to.equal(0);
      expect((await shows(v)).width).to.be.above(0);
    });

    it('video.src = "" lets go of the stream, failing as the empty URL fails natively', async () => {
      const s = await camera();
      const v = video();
      v.src = mintFor(s);
      await shows(v);
      const failed = T.once(v, 'error');
      v.src = '';
      expect(v.srcObject).to.equal(null);
      await failed;
      expect(v.error.code).to.equal(MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED);
      expect(s.active).to.equal(true);
    });

    it('removeAttribute("src") lets go of the stream, as removeAttribute + load() did', async () => {
      const s = await camera();
      const v = video();
      v.src = mintFor(s);
      await shows(v);
      const emptied = T.once(v, 'emptied');
      v.removeAttribute('src');
      expect(v.srcObject).to.equal(null);
      await emptied;
      expect(v.readyState).to.equal(HTMLMediaElement.HAVE_NOTHING);
      expect(v.videoWidth).to.equal(0);
      expect(v.error).to.equal(null);
    });

    it('an attribute changed by other means (setAttributeNS) in the document is seen too', async () => {
      const s = await camera();
      const u = mintFor(s);
      const v = video();
      v.setAttributeNS(null, 'src', u);
      expect((await shows(v)).width).to.be.above(0);
      Element.prototype.removeAttribute.call(v, 'src');
      await T.once(v, 'emptied');
      expect(v.srcObject).to.equal(null);
    });

    it('srcObject set later by the app is the app’s: the shim never takes it back', async () => {
      const s = await camera();
      const other = await camera();
      const u = mintFor(s);
      const v = video();
      v.src = u;
      await shows(v);
      v.srcObject = other;
      document.body.appendChild(v); // moved: the shim looks at it again
      await T.nextTask();
      expect(v.srcObject).to.equal(other);
      v.src = 'about:blank#not-a-stream';
      expect(v.srcObject).to.equal(other);
      v.srcObject = null;
      v.removeAttribute('src');
      v.srcObject = other;
      expect((await shows(v)).width).to.be.above(0);
      // The app assigning a stream URL again is the app's latest word.
      v.src = u;
      expect(v.srcObject).to.equal(s);
    });

    it('revokeObjectURL forgets the URL: assigned later it fails like a revoked Blob URL; a video already showing it goes on', async () => {
      const s = await camera();
      const u = URL.createObjectURL(s);
      const showing = video();
      showing.src = u;
      await shows(showing);
      URL.revokeObjectURL(u);
      const v = video();
      const failed = T.once(v, 'error');
      v.src = u;
      expect(v.srcObject).to.equal(null);
      await failed;
      expect(v.error.code).to.equal(MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED);
      expect(showing.srcObject).to.equal(s);
      expect(showing.paused).to.equal(false);
      expect(await fetch(u).then(() => 'fetched', () => 'network error')).to.equal('network error');
    });

    it('a URL minted before a reinstall still shows its stream after it', async () => {
      const s = await camera();
      const u = mintFor(s);
      WebRTCLegacy.install({ era: '2011-10-27' });
      const v = video();
      v.src = u;
      expect((await shows(v)).width).to.be.above(0);
    });

    it('a stream URL fetches as an empty body until it is revoked', async () => {
      const s = await camera();
      const u = mintFor(s);
      const r = await fetch(u);
      expect(r.status).to.equal(200);
      expect((await r.arrayBuffer()).byteLength).to.equal(0);
    });

    it('the Snapshot Kiosk (§3.3): video.src = URL.getObjectURL(stream), onloadedmetadata, a snapshot with the camera’s pixels', async () => {
      const { stream } = await T.legacyGum('video user');
      later(() => T.stopAll(stream));
      const video = document.createElement('video');
      video.autoplay = true;
      const canvas = document.createElement('canvas');
      document.body.append(video, canvas);
      later(() => { video.srcObject = null; video.remove(); canvas.remove(); });
      let errors = 0;
      const metadata = new Promise((resolve) => {
        video.src = URL.getObjectURL(stream);
        later(() => URL.revokeObjectURL(video.src));
        video.onerror = function () {
          errors++;
          stream.stop();
        };
        video.onloadedmetadata = function () {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          resolve();
        };
      });
      await metadata;
      expect(canvas.width).to.be.above(0);
      if (video.readyState < 2) await T.once(video, 'loadeddata');
      canvas.getContext('2d').drawImage(video, 0, 0);
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let lit = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 60) lit++;
      expect(lit, 'non-black pixels').to.be.above(canvas.width * canvas.height * 0.1);
      expect(errors).to.equal(0);
      expect(stream.readyState).to.equal(stream.LIVE);
    });
  });
});
