/* global WebRTCLegacy, T, LocalMediaStream */
// 2011 WD §3.2.1 the MediaStream(trackList) constructor: a new MediaStreamTrack object per source.
// It collides with today's constructor (which shares the tracks), so it is opt-in by era.
describe('wd-2011-10-27 §3.2.1 MediaStream(trackList) constructor', () => {
  const NativeMediaStream = window.MediaStream;
  const LABEL = /^[!#-'*+\-.0-9A-Z^-~]{36}$/;
  const kinds = (s) => s.getTracks().map((t) => t.kind);


  describe("with era '2011-10-27'", () => {
    let source;
    const made = [];
    /** A stream the test makes; its tracks are stopped afterwards. */
    const keep = (s) => (made.push(s), s);

    before(async () => {
      WebRTCLegacy.install({ era: '2011-10-27' });
      source = (await T.legacyGum('audio,video')).stream;
    });
    afterEach(() => made.splice(0).forEach(T.stopAll));
    after(() => {
      T.stopAll(source);
      WebRTCLegacy.uninstall();
    });

    it('lists the surface as installed, on window.MediaStream', () => {
      const rows = WebRTCLegacy.installed().filter((r) => r.surface === 'wd-2011-10-27/media-stream-constructor');
      expect(rows.map((r) => `${r.target}.${r.property}`)).to.deep.equal(['MediaStream.prototype.constructor', 'window.MediaStream']);
      expect(MediaStream).to.not.equal(NativeMediaStream);
      // As the native interface object (idlharness): [[Prototype]] EventTarget, prototype.constructor.
      expect(Object.getPrototypeOf(MediaStream)).to.equal(EventTarget);
      expect(MediaStream.prototype.constructor).to.equal(MediaStream);
      expect(MediaStream.prototype).to.equal(NativeMediaStream.prototype);
      expect(MediaStream.name).to.equal('MediaStream');
      expect(MediaStream.length).to.equal(NativeMediaStream.length);
    });

    it('makes new track objects, of the same kinds, audio first, live', () => {
      const copy = keep(new MediaStream(source.tracks));
      const originals = source.getTracks();
      expect(copy.getTracks()).to.have.length(2);
      for (const t of copy.getTracks()) {
        expect(originals).to.not.include(t);
        expect(t.readyState).to.equal('live');
      }
      expect(kinds(copy)).to.deep.equal(['audio', 'video']);
      expect(copy.tracks.map((t) => t.kind)).to.deep.equal(['audio', 'video']);
      expect(copy.tracks[1].label).to.equal(source.tracks[1].label);
      expect(copy.readyState).to.equal(MediaStream.LIVE);
    });

    it('one track per unique source, audio before video, whatever the list’s order and repeats', () => {
      const [audio, video] = source.tracks;
      const copy = keep(new MediaStream([video, audio, video, audio]));
      expect(copy.tracks.map((t) => t.kind)).to.deep.equal(['audio', 'video']);
      // A copy's tracks share their sources with the originals: mixing both is still one per source.
      const mixed = keep(new MediaStream([...copy.tracks, video, audio]));
      expect(mixed.tracks.map((t) => t.kind)).to.deep.equal(['audio', 'video']);
      expect(keep(new MediaStream([])).getTracks()).to.deep.equal([]);
    });

    it('the copy’s video plays, not black, in a <video>', async () => {
      const copy = keep(new MediaStream(source.tracks));
      expect(await T.brightness(copy)).to.be.above(10);
    });

    it('stopping an original track does not end the copy’s: it still plays', async () => {
      const { stream: own } = await T.legacyGum('video');
      keep(own);
      const copy = keep(new MediaStream(own.tracks));
      own.getVideoTracks()[0].stop();
      expect(own.getVideoTracks()[0].readyState).to.equal('ended');
      expect(copy.getVideoTracks()[0].readyState).to.equal('live');
      expect(await T.brightness(copy)).to.be.above(10);
      expect(copy.readyState).to.equal(MediaStream.LIVE);
    });

    it('the copy is consumed apart: disabling its video leaves the original’s enabled and playing (the draft’s “video mute”)', async () => {
      const copy = keep(new MediaStream(source.tracks));
      copy.tracks[1].enabled = false;
      expect(source.tracks[1].enabled).to.equal(true);
      expect(await T.brightness(source)).to.be.above(10);
    });

    it('its tracks start enabled, as all tracks do (§3.2), even from a disabled one', () => {
      const a = keep(new MediaStream(source.tracks));
      a.tracks[1].enabled = false;
      const b = keep(new MediaStream(a.tracks));
      expect(b.tracks.map((t) => t.enabled)).to.deep.equal([true, true]);
    });

    it('gives each new stream a newly generated label from the draft’s set', () => {
      const a = keep(new MediaStream(source.tracks));
      const b = keep(new MediaStream(source.tracks));
      expect(a.label).to.match(LABEL);
      expect(b.label).to.match(LABEL);
      expect(a.label).to.not.equal(source.label);
      expect(b.label).to.not.equal(a.label);
    });

    it('LocalMediaStream.stop() stops the source: a copy of it ends too, with `ended`', async () => {
      const { stream: own } = await T.legacyGum('audio,video');
      keep(own);
      const copy = keep(new MediaStream(own.tracks));
      const ended = T.once(copy, 'ended');
      own.stop();
      await ended;
      expect(copy.readyState).to.equal(MediaStream.ENDED);
      expect(copy.getTracks().map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
    });

    it('is created ENDED from tracks whose sources have stopped', async () => {
      const { stream: own } = await T.legacyGum('audio');
      own.stop();
      await T.once(own, 'ended');
      expect(keep(new MediaStream(own.tracks)).readyState).to.equal(MediaStream.ENDED);
    });

    it('every native stream stays instanceof MediaStream: getUserMedia’s, LocalMediaStream, mediaDevices’', async () => {
      expect(source).to.be.an.instanceof(MediaStream);
      expect(source).to.be.an.instanceof(LocalMediaStream);
      expect(Object.getPrototypeOf(LocalMediaStream)).to.equal(NativeMediaStream);
      const modern = keep(await navigator.mediaDevices.getUserMedia({ audio: true }));
      expect(modern).to.be.an.instanceof(MediaStream);
      expect(Object.getPrototypeOf(modern)).to.equal(MediaStream.prototype);
      const copy = keep(new MediaStream(source.tracks));
      expect(copy).to.be.an.instanceof(MediaStream);
      expect(copy).to.be.an.instanceof(NativeMediaStream);
      expect(Object.getPrototypeOf(copy)).to.equal(NativeMediaStream.prototype);
    });

    it('LocalMediaStream still wraps getUserMedia’s own tracks (no copy), and stop() ends them', async () => {
      const { stream: own } = await T.legacyGum('video');
      keep(own);
      expect(own.getTracks()).to.have.length(1);
      own.stop();
      await T.once(own, 'ended');
      expect(own.getVideoTracks()[0].readyState).to.equal('ended');
    });

    it('a subclass gets its own prototype and new tracks', () => {
      class Sub extends MediaStream {}
      const s = keep(new Sub(source.tracks));
      expect(s).to.be.an.instanceof(Sub);
      expect(s).to.be.an.instanceof(MediaStream);
      expect(source.getTracks()).to.not.include(s.getTracks()[0]);
    });

    it('passes other arguments through: none, a MediaStream (whose tracks it shares, as today)', () => {
      expect(new MediaStream().getTracks()).to.deep.equal([]);
      const same = new MediaStream(source);
      expect(same.getTracks()).to.have.members(source.getTracks());
      expect(same.id).to.not.equal(source.id);
    });

    it('keeps the constants on the constructor: MediaStream.LIVE, MediaStream.ENDED', () => {
      expect(MediaStream.LIVE).to.equal(1);
      expect(MediaStream.ENDED).to.equal(2);
    });

    it('throws TypeError without new, and for a list that is not of tracks, as today', () => {
      expect(() => MediaStream(source.tracks)).to.throw(TypeError);
      expect(() => MediaStream()).to.throw(TypeError);
      expect(() => new MediaStream([1, 2])).to.throw(TypeError);
      expect(() => new MediaStream([source.tracks[0], {}])).to.throw(TypeError);
    });

    it('uninstall restores window.MediaStream, and the constructor shares tracks again', () => {
      WebRTCLegacy.uninstall();
      try {
        expect(window.MediaStream).to.equal(NativeMediaStream);
        // `tracks` is gone with the shim: the modern getter.
        const shared = new MediaStream(source.getTracks());
        expect(shared.getTracks()).to.have.members(source.getTracks());
      } finally {
        WebRTCLegacy.install({ era: '2011-10-27' });
      }
      expect(MediaStream).to.not.equal(NativeMediaStream);
    });
  });

  describe('without an era (auto)', () => {
    let source;
    before(async () => {
      WebRTCLegacy.install();
      source = (await T.legacyGum('audio,video')).stream;
    });
    after(() => {
      T.stopAll(source);
      WebRTCLegacy.uninstall();
    });

    it('leaves window.MediaStream native: new MediaStream(tracks) shares the very tracks', () => {
      expect(window.MediaStream).to.equal(NativeMediaStream);
      const copy = new MediaStream(source.tracks);
      expect(copy.getTracks()).to.have.members(source.getTracks());
      expect(copy.getTracks()).to.have.length(2);
      expect(WebRTCLegacy.installed().map((r) => r.surface)).to.not.include('wd-2011-10-27/media-stream-constructor');
    });
  });
});
