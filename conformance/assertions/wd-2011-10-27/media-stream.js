/* global conformance, expect */
// 2011 WD §3.1–§3.2.3 Stream API: MediaStream (the MediaStream(trackList) constructor, label, tracks,
// readyState, onended, finishing), LocalMediaStream.stop(), MediaStreamTrack (kind, label, enabled),
// and what a disabled or finished track outputs.
//
// Not observable from a page (no assertion):
// - §3.1 "should stream the data from the file in real time, not all at once" (a LocalMediaStream
//   made from a local file): a "should", and the suite's fake devices are not files.
// - §3.2.1 the task source of `ended` (user interaction vs networking): a page cannot tell task
//   sources apart; that `ended` comes in a later task is asserted.
// - §3.2.1 "when the user agent learns that no more data will ever be forthcoming" for a user
//   rescinding permission or a device being ejected: needs the browser's UI or hardware (the
//   e2e suite covers a revoked capture); a stream that finishes because its source stopped is
//   asserted below.
// - §3.2.2 "should remove any active 'on-air' indicator": browser UI.
// - §3.2.1 "Tracks that come from a media resource whose format defines an order must be in the
//   order defined by the format": no 2011 API makes a MediaStream from a media resource.
// - §3.2.3 "User agents may label audio and video sources": a "may"; the label's presence and
//   stability are asserted.
// - §3.2.3 a remote stream's label "initialized from information provided by the remote source":
//   asserted with the §4 call in peer-connection-signaling.js.
(function () {
  'use strict';
  const { sleep, gum, once, screen, kinds } = conformance.helpers;
  const draft = 'wd-2011-10-27';
  const LIVE = 1;
  const ENDED = 2;
  // §3.2.3: U+0021, U+0023–U+0027, U+002A–U+002B, U+002D–U+002E, U+0030–U+0039, U+0041–U+005A,
  // U+005E–U+007E; 36 characters.
  const LABEL = /^[\x21\x23-\x27\x2A\x2B\x2D\x2E\x30-\x39\x41-\x5A\x5E-\x7E]{36}$/;

  const nextTask = () => new Promise((r) => setTimeout(r, 0));

  const trackOf = (stream, kind) => Array.from(stream.tracks).find((track) => track.kind === kind);

  /** The loudest sample (0–1) of `stream`'s audio over `ms`, through Web Audio; skips if audio cannot run. */
  async function listener(t, stream) {
    const ac = new AudioContext();
    t.cleanup(() => ac.close());
    if (ac.state !== 'running') await Promise.race([ac.resume().catch(() => {}), sleep(1000)]);
    if (ac.state !== 'running') t.skip(`an AudioContext does not run in this page (state ${ac.state}), so silence cannot be measured`);
    const analyser = ac.createAnalyser();
    analyser.fftSize = 2048;
    ac.createMediaStreamSource(stream).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    return {
      async peak(ms) {
        let max = 0;
        const end = performance.now() + ms;
        while (performance.now() < end) {
          analyser.getFloatTimeDomainData(buf);
          for (const x of buf) max = Math.max(max, Math.abs(x));
          await sleep(20);
        }
        return max;
      },
    };
  }

  // ---- §3.1 ----

  conformance.define({
    draft,
    section: '3.1',
    title: 'all tracks are initially enabled',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      expect(Array.from(stream.tracks, (track) => track.enabled)).to.deep.equal([true, true]);
    },
  });

  conformance.define({
    draft,
    section: '3.1',
    title: 'a disabled video track is replaced with blackness: the <video> showing it turns black, and back when enabled',
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { video: true, audio: false });
      const s = await screen(t, stream);
      const on = s.brightness();
      expect(on, 'brightness of the enabled camera').to.be.above(10);
      trackOf(stream, 'video').enabled = false;
      await sleep(700);
      expect(s.brightness(), 'brightness while disabled').to.be.below(2);
      trackOf(stream, 'video').enabled = true;
      await sleep(700);
      expect(s.brightness(), 'brightness once enabled again').to.be.above(10);
    },
  });

  conformance.define({
    draft,
    section: '3.1',
    title: 'a disabled audio track is replaced with silence',
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const ear = await listener(t, stream);
      expect(await ear.peak(1500), 'peak of the enabled microphone').to.be.above(0.01);
      trackOf(stream, 'audio').enabled = false;
      await sleep(200);
      expect(await ear.peak(1500), 'peak while disabled').to.equal(0);
    },
  });

  // ---- §3.2.1 MediaStream ----

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'new MediaStream(trackList) returns a new MediaStream with a newly generated label',
    fast: true,
    async run(t) {
      const source = await gum(t, { audio: true, video: true });
      const a = new MediaStream(source.tracks);
      const b = new MediaStream(source.tracks);
      expect(a).to.not.equal(source);
      expect(a.label).to.be.a('string').and.not.equal('');
      expect(a.label).to.not.equal(source.label);
      expect(b.label).to.not.equal(a.label);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'new MediaStream(trackList) has one track per unique source in trackList, audio before video',
    fast: true,
    async run(t) {
      const source = await gum(t, { audio: true, video: true });
      const audio = trackOf(source, 'audio');
      const video = trackOf(source, 'video');
      expect(kinds(new MediaStream([video, audio, video]))).to.deep.equal(['audio', 'video']);
      expect(kinds(new MediaStream([audio]))).to.deep.equal(['audio']);
      expect(kinds(new MediaStream([]))).to.deep.equal([]);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'new MediaStream(trackList) creates a new MediaStreamTrack object for each track',
    fast: true,
    async run(t) {
      const source = await gum(t, { audio: true, video: true });
      const copy = new MediaStream(source.tracks);
      const originals = Array.from(source.tracks);
      for (const track of copy.tracks) expect(originals, `${track.kind} track of the copy`).to.not.include(track);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'readyState is LIVE (1) for a stream from getUserMedia and for new MediaStream(its tracks)',
    fast: true,
    async run(t) {
      const source = await gum(t, { audio: true, video: true });
      expect(source.readyState).to.equal(LIVE);
      expect(new MediaStream(source.tracks).readyState).to.equal(LIVE);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'new MediaStream(tracks whose sources will never produce data again) is created ENDED (2)',
    fast: true,
    async run(t) {
      const source = await gum(t, { audio: true, video: true });
      const tracks = source.tracks;
      source.stop();
      await once(source, 'ended');
      expect(new MediaStream(tracks).readyState).to.equal(ENDED);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'a stream that finishes without its stop() (its source stopped) becomes ENDED and fires ended, in a later task',
    fast: true,
    async run(t) {
      const source = await gum(t, { audio: true, video: true });
      const copy = new MediaStream(source.tracks);
      const seen = [];
      copy.addEventListener('ended', (e) => seen.push([e.type, e.bubbles, e.cancelable, copy.readyState]));
      source.stop();
      expect(copy.readyState, 'inside the task that stopped the source').to.equal(LIVE);
      await once(copy, 'ended');
      await nextTask();
      expect(copy.readyState).to.equal(ENDED);
      expect(seen, 'one simple ended event, readyState already ENDED').to.deep.equal([['ended', false, false, ENDED]]);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'onended is the event handler for ended',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      expect(stream.onended).to.equal(null);
      let calls = 0;
      let event = null;
      stream.onended = (e) => {
        calls++;
        event = e;
      };
      stream.stop();
      await once(stream, 'ended');
      await nextTask();
      expect(calls).to.equal(1);
      expect(event.type).to.equal('ended');
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'label: a string, the same on every read',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const label = stream.label;
      expect(label).to.be.a('string').and.not.equal('');
      expect(stream.label).to.equal(label);
      stream.stop();
      await once(stream, 'ended');
      expect(stream.label, 'after the stream ended').to.equal(label);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'tracks: the same object on every read',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const tracks = stream.tracks;
      expect(Array.isArray(tracks), 'tracks is an array').to.equal(true);
      expect(stream.tracks).to.equal(tracks);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'tracks: an array of the stream’s MediaStreamTracks, fixed length and read only',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const tracks = stream.tracks;
      expect(tracks.length).to.equal(2);
      for (const track of tracks) expect(track).to.be.an.instanceof(MediaStreamTrack);
      const first = tracks[0];
      // Plain assignments, as a page's sloppy-mode script would make them; strict mode would throw.
      expect(() => Array.prototype.push.call(tracks, first), 'push').to.throw(TypeError);
      expect(Reflect.set(tracks, 0, null), 'assigning an index').to.equal(false);
      expect(Reflect.set(tracks, 'length', 0), 'assigning length').to.equal(false);
      expect(tracks.length).to.equal(2);
      expect(tracks[0]).to.equal(first);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'tracks: all audio tracks precede all video tracks',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      expect(kinds(stream)).to.deep.equal(['audio', 'video']);
      const reordered = new MediaStream([trackOf(stream, 'video'), trackOf(stream, 'audio')]);
      expect(kinds(reordered)).to.deep.equal(['audio', 'video']);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'a finished stream outputs only blackness: the <video> showing it turns black',
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { video: true, audio: false });
      const s = await screen(t, stream);
      expect(s.brightness(), 'brightness while live').to.be.above(10);
      stream.stop();
      await once(stream, 'ended');
      await sleep(700);
      expect(s.brightness(), 'brightness once finished').to.be.below(2);
    },
  });

  conformance.define({
    draft,
    section: '3.2.1',
    title: 'a finished stream outputs only silence',
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const ear = await listener(t, stream);
      expect(await ear.peak(1500), 'peak while live').to.be.above(0.01);
      stream.stop();
      await once(stream, 'ended');
      await sleep(200);
      expect(await ear.peak(1500), 'peak once finished').to.equal(0);
    },
  });

  // ---- §3.2.2 LocalMediaStream ----

  conformance.define({
    draft,
    section: '3.2.2',
    title: 'stop() queues a task: right after the call readyState is still LIVE and ended has not fired',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      let fired = 0;
      stream.addEventListener('ended', () => fired++);
      expect(stream.stop()).to.equal(undefined);
      expect(stream.readyState).to.equal(LIVE);
      expect(fired).to.equal(0);
      await once(stream, 'ended');
    },
  });

  conformance.define({
    draft,
    section: '3.2.2',
    title: 'stop() sets readyState to ENDED (2), then fires a simple event named ended at the stream',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const seen = [];
      stream.addEventListener('ended', (e) => seen.push({ type: e.type, bubbles: e.bubbles, cancelable: e.cancelable, target: e.target === stream, readyState: stream.readyState }));
      stream.stop();
      await once(stream, 'ended');
      expect(seen).to.deep.equal([{ type: 'ended', bubbles: false, cancelable: false, target: true, readyState: ENDED }]);
      expect(stream.readyState).to.equal(ENDED);
    },
  });

  conformance.define({
    draft,
    section: '3.2.2',
    title: 'stop() on a stream already ENDED does nothing: ended fires once',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      let fired = 0;
      stream.addEventListener('ended', () => fired++);
      stream.stop();
      stream.stop();
      await once(stream, 'ended');
      stream.stop();
      await sleep(200);
      expect(fired).to.equal(1);
      expect(stream.readyState).to.equal(ENDED);
    },
  });

  conformance.define({
    draft,
    section: '3.2.2',
    title: 'stop() permanently stops the data: its tracks make only ENDED streams afterwards',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      stream.stop();
      await once(stream, 'ended');
      await sleep(300);
      expect(new MediaStream(stream.tracks).readyState).to.equal(ENDED);
    },
  });

  // ---- §3.2.3 MediaStreamTrack ----

  conformance.define({
    draft,
    section: '3.2.3',
    title: 'kind is "audio" for the audio track and "video" for the video track, also after the stream ended',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const [audio, video] = stream.tracks;
      expect([audio.kind, video.kind]).to.deep.equal(['audio', 'video']);
      stream.stop();
      await once(stream, 'ended');
      expect([audio.kind, video.kind]).to.deep.equal(['audio', 'video']);
    },
  });

  conformance.define({
    draft,
    section: '3.2.3',
    title: 'a track’s label is a string that does not change, also after the stream ended',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      const labels = Array.from(stream.tracks, (track) => track.label);
      for (const label of labels) expect(label).to.be.a('string');
      stream.stop();
      await once(stream, 'ended');
      expect(Array.from(stream.tracks, (track) => track.label)).to.deep.equal(labels);
    },
  });

  conformance.define({
    draft,
    section: '3.2.3',
    title: 'enabled returns the last value set',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      for (const track of stream.tracks) {
        track.enabled = false;
        expect(track.enabled).to.equal(false);
        track.enabled = true;
        expect(track.enabled).to.equal(true);
      }
    },
  });

  conformance.define({
    draft,
    section: '3.2.3',
    title: 'after its stream ended, a track’s enabled still changes value when set',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      stream.stop();
      await once(stream, 'ended');
      for (const track of stream.tracks) {
        track.enabled = false;
        expect(track.enabled).to.equal(false);
        track.enabled = true;
        expect(track.enabled).to.equal(true);
      }
    },
  });

  conformance.define({
    draft,
    section: '3.2.3',
    title: 'a LocalMediaStream’s label is 36 characters from the draft’s character set',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: true });
      expect(stream.label).to.match(LABEL);
    },
  });

  conformance.define({
    draft,
    section: '3.2.3',
    title: 'each LocalMediaStream gets a globally unique label',
    fast: true,
    async run(t) {
      const a = await gum(t, { audio: true, video: true });
      const b = await gum(t, { audio: true, video: true });
      expect(a.label).to.not.equal(b.label);
    },
  });
})();
