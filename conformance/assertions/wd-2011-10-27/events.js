/* global conformance, expect */
// 2011 WD §7 Event definitions (MediaStreamEvent, initMediaStreamEvent) and §8 Event summary.
//
// §8 is marked non-normative: its rows say when `connecting` and `open` fire; the handler attributes
// for them are MUSTs of §4.1.1. `ended` on MediaStream is asserted in media-stream.js (§3.2.1, §3.2.2).
//
// Not observable from a page (no assertion):
// - §8 `message` (MessageEvent) "A data UDP media stream message (to be defined) was received": the
//   2011 draft defines no way to send one (§5 is empty; send() came in the 2012-02-09 draft).
// - §7.1 how a MediaStreamEvent is obtained before initMediaStreamEvent(): the draft names no
//   factory (document.createEvent's list is DOM's, not this draft's); the event constructor is used.
(function () {
  'use strict';
  const helpers = conformance.helpers;
  const { sleep, gum } = helpers;
  const draft = 'wd-2011-10-27';
  const S = { ACTIVE: 2, CLOSED: 3 };
  const CALL_MS = 20000;

  const when = (targets, types, pred, what, ms = CALL_MS) => helpers.when(targets, types, pred, what, ms);
  const pair = (t) => helpers.pair(t);
  const active = (...pcs) => when(pcs, 'statechange', () => pcs.every((pc) => pc.readyState === S.ACTIVE), 'readyState ACTIVE on both sides');
  const shape = (e) => ({
    type: e.type,
    isMediaStreamEvent: e instanceof MediaStreamEvent,
    isEvent: e instanceof Event,
    bubbles: e.bubbles,
    cancelable: e.cancelable,
  });

  // ---- §7.1 MediaStreamEvent ----

  conformance.define({
    draft,
    section: '7.1',
    title: 'addstream is a MediaStreamEvent whose stream is the new remote stream; it does not bubble and is not cancelable',
    fast: true,
    timeout: 30000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const p = pair(t);
      p.a.addStream(stream);
      await when(p.b, 'addstream', () => p.b.remoteStreams.length === 1, 'addstream on B');
      const [add] = p.events.B.filter((e) => e.type === 'addstream');
      expect(shape(add.event)).to.deep.equal({ type: 'addstream', isMediaStreamEvent: true, isEvent: true, bubbles: false, cancelable: false });
      expect(add.event.stream).to.equal(p.b.remoteStreams[0]);
      expect(add.event.target).to.equal(p.b);
    },
  });

  conformance.define({
    draft,
    section: '7.1',
    title: 'removestream is a MediaStreamEvent whose stream is the removed stream; it does not bubble and is not cancelable',
    timeout: 40000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const p = pair(t);
      p.a.addStream(stream);
      await active(p.a, p.b);
      await when(p.b, 'addstream', () => p.b.remoteStreams.length === 1, 'addstream on B');
      const received = p.b.remoteStreams[0];
      p.a.removeStream(stream);
      await when(p.b, 'removestream', () => p.events.B.some((e) => e.type === 'removestream'), 'removestream on B');
      const [removed] = p.events.B.filter((e) => e.type === 'removestream');
      expect(shape(removed.event)).to.deep.equal({ type: 'removestream', isMediaStreamEvent: true, isEvent: true, bubbles: false, cancelable: false });
      expect(removed.event.stream).to.equal(received);
    },
  });

  conformance.define({
    draft,
    section: '7.1',
    title: 'stream is read-only',
    fast: true,
    async run(t) {
      const stream = new MediaStream();
      const ev = new MediaStreamEvent('placeholder');
      ev.initMediaStreamEvent('addstream', false, false, stream);
      Reflect.set(ev, 'stream', new MediaStream());
      Reflect.set(ev, 'stream', null);
      expect(ev.stream).to.equal(stream);
    },
  });

  conformance.define({
    draft,
    section: '7.1.2',
    title: 'initMediaStreamEvent(type, canBubble, cancelable, stream) initializes the event, which then dispatches with them',
    fast: true,
    async run(t) {
      const stream = new MediaStream();
      const ev = new MediaStreamEvent('placeholder');
      expect(ev.initMediaStreamEvent('addstream', true, true, stream)).to.equal(undefined);
      expect([ev.type, ev.bubbles, ev.cancelable, ev.stream]).to.deep.equal(['addstream', true, true, stream]);
      const target = new EventTarget();
      let seen = null;
      target.addEventListener('addstream', (e) => (seen = e));
      target.dispatchEvent(ev);
      expect(seen).to.equal(ev);
      expect(seen.stream).to.equal(stream);
    },
  });

  conformance.define({
    draft,
    section: '7.1.2',
    title: 'initMediaStreamEvent accepts a null stream, and may be called again before dispatch',
    fast: true,
    async run(t) {
      const ev = new MediaStreamEvent('placeholder');
      ev.initMediaStreamEvent('addstream', true, true, new MediaStream());
      ev.initMediaStreamEvent('removestream', false, false, null);
      expect([ev.type, ev.bubbles, ev.cancelable, ev.stream]).to.deep.equal(['removestream', false, false, null]);
    },
  });

  conformance.define({
    draft,
    section: '7.1.2',
    title: 'initMediaStreamEvent during dispatch changes nothing, as initEvent',
    fast: true,
    async run(t) {
      const stream = new MediaStream();
      const ev = new MediaStreamEvent('placeholder');
      ev.initMediaStreamEvent('addstream', false, false, stream);
      const target = new EventTarget();
      target.addEventListener('addstream', (e) => e.initMediaStreamEvent('removestream', true, true, new MediaStream()));
      target.dispatchEvent(ev);
      expect([ev.type, ev.bubbles, ev.cancelable, ev.stream]).to.deep.equal(['addstream', false, false, stream]);
    },
  });

  // ---- §8 Event summary (non-normative) and the §4.1.2 open event ----

  conformance.define({
    draft,
    section: '8',
    title: 'connecting fires at the PeerConnection when the ICE agent begins negotiating, before open',
    timeout: 30000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const p = pair(t);
      let handlerCalls = 0;
      p.b.onconnecting = () => handlerCalls++;
      p.a.addStream(stream);
      await active(p.a, p.b);
      await sleep(300);
      for (const name of ['A', 'B']) {
        const types = p.events[name].map((e) => e.type).filter((type) => type === 'connecting' || type === 'open');
        expect(types[0], `${name}: first of connecting/open (${types})`).to.equal('connecting');
        expect(types, `${name}: connecting/open`).to.include('open');
        const [connecting] = p.events[name].filter((e) => e.type === 'connecting');
        expect(shape(connecting.event), `${name} connecting`).to.deep.include({ type: 'connecting', isEvent: true, bubbles: false, cancelable: false });
      }
      expect(handlerCalls, 'onconnecting calls on B').to.be.above(0);
    },
  });

  conformance.define({
    draft,
    section: '4.1.2',
    title: 'open is a simple event: an Event that does not bubble and is not cancelable, fired at the PeerConnection',
    timeout: 30000,
    async run(t) {
      const stream = await gum(t, { audio: true, video: false });
      const p = pair(t);
      p.a.addStream(stream);
      await active(p.a, p.b);
      await sleep(100);
      const [open] = p.events.A.filter((e) => e.type === 'open');
      expect(open, 'an open event on A').to.not.equal(undefined);
      expect(shape(open.event)).to.deep.include({ type: 'open', isEvent: true, bubbles: false, cancelable: false });
      expect(open.event.target).to.equal(p.a);
    },
  });
})();
