/* global conformance, expect, WebRTCLegacy */
// 2011 WD §2 Obtaining local multimedia content: navigator.getUserMedia(options, successCallback,
// errorCallback), MediaStreamOptions, NavigatorUserMediaError.
//
// Not observable from a page (no assertion):
// - §2.1.1.1 "Prompt the user in a user-agent-specific manner for permission": the prompt is the
//   browser's UI (the suite's browsers are set up to grant, with fake devices).
// - §2.1.1.1 "If the user never responds, this algorithm stalls on this step": needs a user who
//   never answers.
// - §2.1.1.1 the default device, the user's control over the media, the "on-air" indicator: UI and
//   encouragements ("are encouraged to", "may"), not requirements.
// - §2.1.1.1 "The task source for these tasks is the user interaction task source": a page cannot
//   tell task sources apart; that the callbacks come in a queued task is asserted below.
(function () {
  'use strict';
  const { sleep, kinds } = conformance.helpers;
  const draft = 'wd-2011-10-27';

  /** The 2011 call; resolves with what the callbacks got. A throw inside the call rejects. */
  function gum(t, options, win) {
    const nav = (win || window).navigator;
    return new Promise((resolve, reject) => {
      try {
        nav.getUserMedia(
          options,
          (stream) => resolve({ stream: t.track(stream) }),
          (error) => resolve({ error }),
        );
      } catch (e) {
        reject(e);
      }
    });
  }
  async function gumStream(t, options) {
    const { stream, error } = await gum(t, options);
    if (error) throw new Error(`getUserMedia(${JSON.stringify(options)}) failed: code ${error.code}, ${error.name || ''} ${error.message || ''}`);
    return stream;
  }

  /**
   * A same-origin frame whose permissions policy refuses camera and microphone: the user agent's own
   * "for security reasons ... jump to the step labeled failure" (§2.1.1.1), reached without a prompt.
   * In shim mode the shim is installed in the frame too, as a 2011 app's frame would load it.
   */
  async function refusingFrame(t) {
    const frame = document.createElement('iframe');
    frame.allow = "camera 'none'; microphone 'none'";
    frame.style.display = 'none';
    document.body.appendChild(frame);
    const win = frame.contentWindow;
    if (t.mode === 'shim') WebRTCLegacy.install({ window: win, era: t.era });
    t.cleanup(() => {
      if (t.mode === 'shim') WebRTCLegacy.uninstall({ window: win });
      frame.remove();
    });
    return win;
  }

  conformance.define({
    draft,
    section: '2.1.1',
    title: 'with a null successCallback getUserMedia does nothing: no exception, no callback, even for {audio: false, video: false}',
    fast: true,
    async run(t) {
      let called = 0;
      const onError = () => called++;
      expect(navigator.getUserMedia({ audio: true, video: true }, null, onError)).to.equal(undefined);
      expect(navigator.getUserMedia({ audio: false, video: false }, null, onError)).to.equal(undefined);
      await sleep(300);
      expect(called, 'errorCallback calls').to.equal(0);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: '{audio: false, video: false} throws NOT_SUPPORTED_ERR (code 9) from the call itself',
    fast: true,
    async run(t) {
      let thrown = null;
      let called = 0;
      try {
        navigator.getUserMedia({ audio: false, video: false }, (s) => (called++, t.track(s)), () => called++);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, 'exception').to.not.equal(null);
      expect(thrown.code).to.equal(9);
      expect(thrown.name).to.equal('NotSupportedError');
      await sleep(300);
      expect(called, 'callbacks after the exception').to.equal(0);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: 'successCallback is invoked in a queued task, after getUserMedia has returned',
    fast: true,
    async run(t) {
      let returned = false;
      const order = [];
      const got = new Promise((resolve, reject) => {
        navigator.getUserMedia(
          { audio: true, video: true },
          (stream) => {
            t.track(stream);
            order.push(returned ? 'callback after return' : 'callback inside the call');
            resolve();
          },
          (e) => reject(new Error(`errorCallback: code ${e && e.code}`)),
        );
      });
      returned = true;
      order.push('returned');
      await got;
      expect(order).to.deep.equal(['returned', 'callback after return']);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: 'successCallback receives a LocalMediaStream',
    fast: true,
    async run(t) {
      const stream = await gumStream(t, { audio: true, video: true });
      expect(typeof LocalMediaStream, 'LocalMediaStream interface').to.equal('function');
      expect(stream).to.be.an.instanceof(LocalMediaStream);
      expect(stream).to.be.an.instanceof(MediaStream);
    },
  });

  conformance.define({
    draft,
    section: '2.1.2',
    title: 'audio and video default to true: {} gives a stream with an audio and a video track',
    fast: true,
    async run(t) {
      expect(kinds(await gumStream(t, {}))).to.deep.equal(['audio', 'video']);
    },
  });

  conformance.define({
    draft,
    section: '2.1.2',
    title: 'video defaults to true: {audio: true} gives a stream with an audio and a video track',
    fast: true,
    async run(t) {
      expect(kinds(await gumStream(t, { audio: true }))).to.deep.equal(['audio', 'video']);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: 'null options: audio and video are both true',
    fast: true,
    async run(t) {
      expect(kinds(await gumStream(t, null))).to.deep.equal(['audio', 'video']);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: '{audio: false}: the stream must not include an audio track',
    fast: true,
    async run(t) {
      expect(kinds(await gumStream(t, { audio: false }))).to.deep.equal(['video']);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: '{video: false}: the stream must not include a video track',
    fast: true,
    async run(t) {
      expect(kinds(await gumStream(t, { video: false }))).to.deep.equal(['audio']);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: 'when the user agent refuses, errorCallback is invoked in a queued task and successCallback never',
    fast: true,
    async run(t) {
      const win = await refusingFrame(t);
      let returned = false;
      let successes = 0;
      const order = [];
      const got = new Promise((resolve) => {
        win.navigator.getUserMedia(
          { audio: true, video: true },
          (stream) => {
            successes++;
            t.track(stream);
            resolve();
          },
          (error) => {
            order.push(returned ? 'errorCallback after return' : 'errorCallback inside the call');
            resolve(error);
          },
        );
      });
      returned = true;
      order.push('returned');
      await got;
      expect(successes, 'successCallback calls (the frame refuses camera and microphone)').to.equal(0);
      expect(order).to.deep.equal(['returned', 'errorCallback after return']);
    },
  });

  conformance.define({
    draft,
    section: '2.1.4',
    title: 'the error passed to errorCallback has code 1, its PERMISSION_DENIED constant',
    fast: true,
    async run(t) {
      const win = await refusingFrame(t);
      const { stream, error } = await gum(t, { audio: true, video: true }, win);
      expect(stream, 'a stream (the frame refuses camera and microphone)').to.equal(undefined);
      expect(error.code).to.equal(1);
      expect(error.PERMISSION_DENIED).to.equal(1);
    },
  });

  conformance.define({
    draft,
    section: '2.1.1',
    title: 'when the user agent refuses and there is no errorCallback, nothing happens: no exception, no unhandled rejection',
    fast: true,
    async run(t) {
      const win = await refusingFrame(t);
      // The harness fails this check on any uncaught error or unhandled rejection in this page; the
      // frame's own are watched here.
      const seen = [];
      win.addEventListener('unhandledrejection', (e) => seen.push(String(e.reason)));
      win.addEventListener('error', (e) => seen.push(String(e.message)));
      let successes = 0;
      expect(win.navigator.getUserMedia({ audio: true, video: true }, (s) => (successes++, t.track(s)))).to.equal(undefined);
      // A refusal by policy is immediate in both engines; this leaves it ample time to show up.
      await sleep(1000);
      expect(successes, 'successCallback calls').to.equal(0);
      expect(seen).to.deep.equal([]);
    },
  });

  // §2.2 (examples, non-normative): the string forms the draft's own examples pass.
  conformance.define({
    draft,
    section: '2.2',
    title: "the draft's example getUserMedia('audio', gotAudio) gives an audio-only LocalMediaStream",
    fast: true,
    async run(t) {
      const stream = await gumStream(t, 'audio');
      expect(stream).to.be.an.instanceof(LocalMediaStream);
      expect(kinds(stream)).to.deep.equal(['audio']);
    },
  });

  conformance.define({
    draft,
    section: '2.2',
    title: "the draft's example getUserMedia('audio,video user', gotStream) gives audio and video",
    fast: true,
    async run(t) {
      const stream = await gumStream(t, 'audio,video user');
      expect(stream).to.be.an.instanceof(LocalMediaStream);
      expect(kinds(stream)).to.deep.equal(['audio', 'video']);
    },
  });
})();
