// Modern regression for a legacy name the shim touches: MediaStream, to which the shim adds the 2011
// members where they are missing. Observed: what an app that enumerates or feature-detects a stream
// sees — for...in over a getUserMedia stream and a constructed one, `in` tests, Object.keys of the
// stream and of the MediaStream interface object, JSON.stringify — what a library copying it property
// by property gets, and the modern members' behaviour (active, getTracks order, clone, removeTrack).
// The members the shim adds where the browser has none of that name (t.added) are left out: principle 1
// lets install add them, and an app that does not name them never meets them in for...in order alone.
// Every member the browser has is still compared.
conformance.defineModern({
  title: 'MediaStream properties an app enumerates',
  fast: true,
  timeout: 10000,
  async run(t) {
    const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const native = (path) => (k) => !t.added(`${path}.${k}`);
    const forIn = (o) => {
      const keys = [];
      for (const k in o) keys.push(k);
      return keys.filter(native('MediaStream.prototype')).sort();
    };
    const constructed = new MediaStream(stream.getVideoTracks());
    const clone = t.track(stream.clone());
    const has = Object.fromEntries(['id', 'active', 'getTracks', 'clone', 'onaddtrack', 'onactive', 'oninactive', 'stop', 'ended', 'onended',
      'label', 'tracks', 'readyState', 'LIVE', 'ENDED', 'record', 'audioTracks', 'videoTracks'].map((k) => [k, native('MediaStream.prototype')(k) && k in stream]));
    // A library copying a stream property by property (jQuery.extend, _.assignIn) reads every getter.
    const copy = {};
    for (const k in stream) copy[k] = stream[k];
    const removed = [];
    constructed.onremovetrack = () => removed.push('removetrack');
    constructed.removeTrack(constructed.getVideoTracks()[0]);
    return {
      forIn: forIn(stream),
      forInConstructed: forIn(constructed),
      ownKeys: Object.keys(stream),
      interfaceKeys: Object.keys(MediaStream).filter(native('MediaStream')),
      json: JSON.stringify(stream),
      has,
      kindsInOrder: stream.getTracks().map((x) => x.kind),
      copiedTypes: Object.fromEntries(Object.keys(copy).filter(native('MediaStream.prototype')).sort().map((k) => [k, typeof copy[k]])),
      active: stream.active,
      cloneKinds: clone.getTracks().map((x) => x.kind),
      cloneIsMediaStream: Object.getPrototypeOf(clone) === MediaStream.prototype,
      removeTrackFiresEvent: removed.length > 0,
      constructedActiveAfterRemove: constructed.active,
    };
  },
});
