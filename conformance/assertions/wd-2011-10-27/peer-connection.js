/* global conformance, expect */
// 2011 WD §4 / §4.1 PeerConnection on its own: the constructor's initial state, the attributes
// (§4.1.1), the methods' synchronous steps and exceptions (§4.1.2), the signaling callback (§4.2),
// and §6 garbage collection. Calls between two PeerConnections are in peer-connection-signaling.js.
//
// Not observable from a page (no assertion):
// - §4 "Create an ICE Agent"; the STUN/TURN server's transport (TLS-over-TCP for STUNS/TURNS, else
//   UDP), its long-term username (the origin) and empty password, DNS SRV look-ups for a bare
//   domain, and "remove all characters after the first LF or CR": which server an ICE agent talks to
//   does not show in the 2011 API (no candidates or stats are exposed). That an invalid server acts as
//   if none were configured is asserted in peer-connection-signaling.js (a call still connects).
// - §4 "User agents may negotiate any codec and any resolution ... are encouraged to": not a MUST.
// - §4 "the configuration information should always be transmitted using an encrypted connection":
//   advice to the app.
// - §4.1.2 processSignalingMessage "The order of messages is important": advice to the app.
// - §4.1.2 addStream "Parse the hints ... if possible": the draft leaves MediaStreamHints undefined;
//   that hints are accepted is asserted.
// - §4.1.2 close(): "Queue a task to fire a simple event named close" sits inside a comment of the
//   draft's source (the text ends with "-->") and the IDL has no onclose: not a requirement.
// - §5 The data stream: no text yet ("This section will be filled in as rough consensus is reached").
(function () {
  'use strict';
  const { sleep, gum, when } = conformance.helpers;
  const draft = 'wd-2011-10-27';
  const S = {
    NEW: 0, NEGOTIATING: 1, ACTIVE: 2, CLOSED: 3, CLOSING: 4,
    ICE_GATHERING: 0x100, ICE_WAITING: 0x200, ICE_CHECKING: 0x300, ICE_CONNECTED: 0x400, ICE_COMPLETED: 0x500, ICE_FAILED: 0x600, ICE_CLOSED: 0x700,
    SDP_IDLE: 0x1000, SDP_WAITING: 0x2000, SDP_GLARE: 0x3000,
  };
  const INVALID_STATE_ERR = 11;
  const noop = () => {};

  const connection = (t, configuration = '', callback = noop) => t.track(new PeerConnection(configuration, callback));

  /** A signaling callback that records its calls; `next()` resolves at the next call (or one already made). */
  function recorder(ms = 10000) {
    const calls = [];
    let waiting = null;
    function callback(message, source) {
      calls.push({ message, source, args: arguments.length });
      if (waiting) waiting();
    }
    callback.calls = calls;
    callback.first = () =>
      new Promise((resolve, reject) => {
        if (calls.length) return resolve(calls[0]);
        const timer = setTimeout(() => reject(new Error(`no signaling message within ${ms} ms`)), ms);
        waiting = () => {
          clearTimeout(timer);
          waiting = null;
          resolve(calls[0]);
        };
      });
    return callback;
  }
  function expectInvalidState(fn, what) {
    let thrown = null;
    try {
      fn();
    } catch (e) {
      thrown = e;
    }
    expect(thrown, `${what} throws`).to.not.equal(null);
    expect(thrown.code, `${what}: code of ${thrown}`).to.equal(INVALID_STATE_ERR);
    expect(thrown.name, what).to.equal('InvalidStateError');
  }

  // ---- §4 constructor ----

  conformance.define({
    draft,
    section: '4',
    title: 'new PeerConnection(configuration, signalingCallback): readyState, iceState and sdpState are NEW (0)',
    fast: true,
    async run(t) {
      const pc = connection(t, 'STUN 203.0.113.2:3478');
      expect([pc.readyState, pc.iceState, pc.sdpState]).to.deep.equal([S.NEW, 0, 0]);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'localStreams and remoteStreams start as empty arrays',
    fast: true,
    async run(t) {
      const pc = connection(t);
      expect(Array.isArray(pc.localStreams), 'localStreams is an array').to.equal(true);
      expect(Array.isArray(pc.remoteStreams), 'remoteStreams is an array').to.equal(true);
      expect(pc.localStreams.length).to.equal(0);
      expect(pc.remoteStreams.length).to.equal(0);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'ICE gathering starts in a later task: iceState is NEW until then, then ICE_GATHERING with a statechange',
    fast: true,
    async run(t) {
      const pc = connection(t);
      const seen = [];
      pc.onstatechange = () => seen.push(pc.iceState);
      expect(pc.iceState, 'right after the constructor').to.equal(0);
      await Promise.resolve();
      expect(pc.iceState, 'after the microtasks').to.equal(0);
      await when(pc, 'statechange', () => seen.length > 0, 'a statechange');
      expect(seen[0]).to.equal(S.ICE_GATHERING);
      expect(pc.readyState, 'readyState while gathering with no stream').to.equal(S.NEW);
    },
  });

  conformance.define({
    draft,
    section: '4',
    title: 'every configuration string constructs: STUN, STUNS, TURN, TURNS, host:port, bare domains, invalid servers, garbage, line breaks',
    fast: true,
    async run(t) {
      for (const configuration of [
        '', 'STUN 203.0.113.2:3478', 'STUN relay.example.net:3478', 'TURNS example.net', 'STUNS example.net', 'TURN 203.0.113.2',
        'STUN bad_host!:3478', 'TURN example.net:99999', 'STUN', 'stun example.net', 'garbage', 'STUN example.net\nTURN example.org', 'STUN example.net\r\n',
      ]) {
        const pc = connection(t, configuration);
        expect(pc.readyState, JSON.stringify(configuration)).to.equal(S.NEW);
      }
    },
  });

  // ---- §4.1.1 attributes ----

  conformance.define({
    draft,
    section: '4.1.1',
    title: 'localStreams is the same live array on every read: addStream and removeStream change it',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const pc = connection(t);
      const local = pc.localStreams;
      expect(pc.localStreams).to.equal(local);
      pc.addStream(stream);
      expect(pc.localStreams).to.equal(local);
      expect(Array.from(local)).to.deep.equal([stream]);
      pc.removeStream(stream);
      expect(local.length).to.equal(0);
    },
  });

  conformance.define({
    draft,
    section: '4.1.1',
    title: 'localStreams is read-only: the page cannot change it',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const pc = connection(t);
      pc.addStream(stream);
      const local = pc.localStreams;
      // What a sloppy-mode 2011 script would do; each must leave the array as it is.
      try { Array.prototype.push.call(local, new MediaStream()); } catch (e) { /* refused */ }
      Reflect.set(local, 0, null);
      Reflect.set(local, 'length', 0);
      Reflect.deleteProperty(local, 0);
      expect(local.length).to.equal(1);
      expect(local[0]).to.equal(stream);
      Reflect.set(pc, 'localStreams', []);
      expect(pc.localStreams).to.equal(local);
    },
  });

  conformance.define({
    draft,
    section: '4.1.1',
    title: 'remoteStreams is the same read-only array on every read',
    fast: true,
    async run(t) {
      const pc = connection(t);
      const remote = pc.remoteStreams;
      expect(pc.remoteStreams).to.equal(remote);
      try { Array.prototype.push.call(remote, new MediaStream()); } catch (e) { /* refused */ }
      Reflect.set(remote, 0, new MediaStream());
      expect(remote.length).to.equal(0);
    },
  });

  // ---- §4.1.2 methods ----

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'addStream(stream, hints) adds the stream to the end of localStreams before it returns',
    fast: true,
    async run(t) {
      const a = await gum(t, { audio: true, video: false });
      const b = await gum(t, { audio: false, video: true });
      const pc = connection(t);
      pc.addStream(a, {});
      expect(Array.from(pc.localStreams)).to.deep.equal([a]);
      pc.addStream(b, { anything: 'the hints format is undefined' });
      expect(Array.from(pc.localStreams)).to.deep.equal([a, b]);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'addStream() of a stream already in localStreams does nothing',
    fast: true,
    async run(t) {
      const a = await gum(t, { audio: true, video: false });
      const b = await gum(t, { audio: false, video: true });
      const pc = connection(t);
      pc.addStream(a);
      pc.addStream(b);
      pc.addStream(a);
      expect(Array.from(pc.localStreams)).to.deep.equal([a, b]);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'addStream() on a closed connection throws INVALID_STATE_ERR',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const pc = connection(t);
      pc.close();
      expectInvalidState(() => pc.addStream(stream), 'addStream');
      expect(pc.localStreams.length).to.equal(0);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'removeStream() removes the stream from localStreams before it returns',
    fast: true,
    async run(t) {
      const a = await gum(t, { audio: true, video: false });
      const b = await gum(t, { audio: false, video: true });
      const pc = connection(t);
      pc.addStream(a);
      pc.addStream(b);
      pc.removeStream(a);
      expect(Array.from(pc.localStreams)).to.deep.equal([b]);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'removeStream() of a stream not in localStreams does nothing',
    fast: true,
    async run(t) {
      const a = await gum(t, { audio: true, video: false });
      const pc = connection(t);
      pc.addStream(a);
      pc.removeStream(new MediaStream());
      expect(Array.from(pc.localStreams)).to.deep.equal([a]);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'removeStream() on a closed connection throws INVALID_STATE_ERR',
    fast: true,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const pc = connection(t);
      pc.addStream(stream);
      pc.close();
      expectInvalidState(() => pc.removeStream(stream), 'removeStream');
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'close() sets readyState to CLOSED (3) before it returns',
    fast: true,
    async run(t) {
      const pc = connection(t);
      expect(pc.close()).to.equal(undefined);
      expect(pc.readyState).to.equal(S.CLOSED);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'close() on a closed connection throws INVALID_STATE_ERR',
    fast: true,
    async run(t) {
      const pc = connection(t);
      pc.close();
      expectInvalidState(() => pc.close(), 'a second close()');
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'close() ends ICE processing: iceState is ICE_CLOSED',
    fast: true,
    async run(t) {
      const pc = connection(t);
      await when(pc, 'statechange', () => pc.iceState !== 0, 'ICE gathering');
      pc.close();
      expect(pc.iceState).to.equal(S.ICE_CLOSED);
      await sleep(300);
      expect([pc.readyState, pc.iceState], 'a while later').to.deep.equal([S.CLOSED, S.ICE_CLOSED]);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'localStreams remain as they were when the connection was closed',
    fast: true,
    async run(t) {
      const a = await gum(t, { audio: true, video: false });
      const b = await gum(t, { audio: false, video: true });
      const pc = connection(t);
      pc.addStream(a);
      pc.addStream(b);
      const local = pc.localStreams;
      pc.close();
      await sleep(100);
      expect(pc.localStreams).to.equal(local);
      expect(Array.from(local)).to.deep.equal([a, b]);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'processSignalingMessage() on a closed connection throws INVALID_STATE_ERR',
    fast: true,
    async run(t) {
      const pc = connection(t);
      pc.close();
      expectInvalidState(() => pc.processSignalingMessage('SDP\n{}'), 'processSignalingMessage');
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'processSignalingMessage() ignores a message not starting with "SDP\\n": the peer’s real offer without its prefix gets no answer',
    fast: true,
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const sent = recorder();
      const caller = connection(t, '', sent);
      caller.addStream(stream);
      const offers = [(await sent.first()).message];
      expect(offers[0].slice(0, 4)).to.equal('SDP\n');
      const replies = [];
      const callee = connection(t, '', (message) => replies.push(message));
      const states = [];
      callee.onstatechange = () => states.push([callee.readyState, callee.sdpState]);
      for (const message of [offers[0].slice(4), 'sdp\n' + offers[0].slice(4), ' SDP\n' + offers[0].slice(4), 'SDP' + offers[0].slice(4)]) {
        expect(callee.processSignalingMessage(message)).to.equal(undefined);
      }
      await sleep(1500);
      expect(replies, 'messages sent by the callee').to.deep.equal([]);
      expect([callee.readyState, callee.sdpState], 'readyState, sdpState').to.deep.equal([S.NEW, 0]);
      expect(states.filter(([, sdp]) => sdp !== 0), 'sdpState changes').to.deep.equal([]);
      expect(callee.remoteStreams.length).to.equal(0);
    },
  });

  // ---- §4.2 SignalingCallback ----

  conformance.define({
    draft,
    section: '4.2',
    title: 'the signaling callback is invoked with a string message and the PeerConnection as source, in a later task',
    fast: true,
    timeout: 15000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const sent = recorder();
      const pc = connection(t, '', sent);
      pc.addStream(stream);
      expect(sent.calls.length, 'calls inside the constructor or addStream').to.equal(0);
      const first = await sent.first();
      expect(first.message).to.be.a('string').and.not.equal('');
      expect(first.source).to.equal(pc);
    },
  });

  // ---- §6 Garbage collection ----

  conformance.define({
    draft,
    section: '6',
    title: 'the Window holds a strong reference to each PeerConnection: one the page dropped still sends its offer after a garbage collection',
    timeout: 20000,
    async run(t) {
      expect(typeof PeerConnection, 'PeerConnection interface').to.equal('function');
      // A page cannot force a collection: without one, a pass would prove nothing.
      if (typeof window.gc !== 'function') t.skip('needs window.gc (a browser started with --js-flags=--expose-gc) to force a garbage collection');
      const stream = await gum(t, { audio: true, video: false });
      const messages = [];
      (function dropped() {
        new PeerConnection('', (message) => messages.push(message)).addStream(stream);
      })();
      for (let i = 0; i < 5; i++) {
        window.gc();
        await sleep(50);
      }
      const end = performance.now() + 10000;
      while (!messages.length && performance.now() < end) {
        window.gc();
        await sleep(100);
      }
      expect(messages.length, 'messages from the unreferenced connection').to.be.above(0);
    },
  });
})();
