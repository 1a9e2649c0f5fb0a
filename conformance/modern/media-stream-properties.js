// Modern regression for a legacy name the shim touches: MediaStream, to which the shim adds the 2011
// members where they are missing. Observed: what an app that enumerates or feature-detects a stream
// sees — for...in over a getUserMedia stream and a constructed one, `in` tests for today's and the
// 2011 members, Object.keys of the stream and of the MediaStream interface object, JSON.stringify —
// what a library copying it property by property gets, and the modern members' behaviour (active,
// getTracks order, clone, removeTrack).
conformance.defineModern({
  title: 'MediaStream properties an app enumerates',
  fast: true,
  timeout: 10000,
  async run(t) {
    const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const forIn = (o) => {
      const keys = [];
      for (const k in o) keys.push(k);
      return keys.sort();
    };
    const constructed = new MediaStream(stream.getVideoTracks());
    const clone = t.track(stream.clone());
    const has = Object.fromEntries(['id', 'active', 'getTracks', 'clone', 'onaddtrack', 'onactive', 'oninactive', 'stop', 'ended', 'onended',
      'label', 'tracks', 'readyState', 'LIVE', 'ENDED', 'record', 'audioTracks', 'videoTracks'].map((k) => [k, k in stream]));
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
      interfaceKeys: Object.keys(MediaStream),
      json: JSON.stringify(stream),
      has,
      kindsInOrder: stream.getTracks().map((x) => x.kind),
      copiedTypes: Object.fromEntries(Object.keys(copy).sort().map((k) => [k, typeof copy[k]])),
      active: stream.active,
      cloneKinds: clone.getTracks().map((x) => x.kind),
      cloneIsMediaStream: Object.getPrototypeOf(clone) === MediaStream.prototype,
      removeTrackFiresEvent: removed.length > 0,
      constructedActiveAfterRemove: constructed.active,
    };
  },
});
