// Modern regression for a native interface object the shim widens: MediaStreamTrackEvent (the
// 2013–2015 drafts let `track` be missing; the shim takes that input, which today's engines reject).
// Observed: the interface as an app sees it (name, length, prototype chain, prototype.constructor,
// instanceof, own keys of the interface object and of its prototype), an event made with a track (its
// track, class, flags, dispatching it to a stream's listener), and the errors for too few arguments, a
// track of the wrong type and a call without `new`. The no-track input itself is left out: it is the
// input the shim gives its old meaning (principle 1).
conformance.defineModern({
  title: 'MediaStreamTrackEvent with a track',
  fast: true,
  timeout: 10000,
  async run(t) {
    const stream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true }));
    const track = stream.getAudioTracks()[0];
    const E = MediaStreamTrackEvent;
    const event = new E('addtrack', { track, bubbles: true });
    const s = new MediaStream();
    const heard = new Promise((resolve) => s.addEventListener('addtrack', resolve, { once: true }));
    s.dispatchEvent(event);
    const got = await heard;
    const error = (f) => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return e.name;
      }
    };
    return {
      name: E.name,
      length: E.length,
      protoChain: Object.getPrototypeOf(E) === Event && Object.getPrototypeOf(E.prototype) === Event.prototype,
      constructorBack: E.prototype.constructor === E,
      interfaceKeys: Object.getOwnPropertyNames(E).sort(),
      prototypeKeys: Object.getOwnPropertyNames(E.prototype).sort(),
      event: { trackIsIt: event.track === track, isE: event instanceof E, isEvent: event instanceof Event, bubbles: event.bubbles, type: event.type, tag: String(event) },
      dispatched: got === event && got.track === track,
      errors: { noInit: error(() => new E('x')), badTrack: error(() => new E('x', { track: 5 })), noNew: error(() => E('x', { track })) },
    };
  },
});
