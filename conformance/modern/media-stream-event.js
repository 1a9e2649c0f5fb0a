// Modern regression for a legacy name the shim touches: MediaStreamEvent (both engines still have it;
// the shim adds initMediaStreamEvent). Observed: the interface's shape as an app sees it (name,
// length, prototype chain, own members, for...in over an event), construction with and without a
// stream, and dispatching one. Members the shim added where the browser had none of that name
// (t.added: initMediaStreamEvent) are left out, as principle 1 allows; every native member is compared.
conformance.defineModern({
  title: 'MediaStreamEvent',
  fast: true,
  async run(t) {
    if (typeof MediaStreamEvent !== 'function') return { exists: typeof MediaStreamEvent };
    const stream = new MediaStream();
    const errorName = (fn) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e.name;
      }
    };
    const event = new MediaStreamEvent('addstream', { stream, bubbles: true });
    const forIn = [];
    const native = (k) => !t.added(`MediaStreamEvent.prototype.${k}`);
    for (const k in event) if (native(k)) forIn.push(k);
    const target = new EventTarget();
    const got = [];
    target.addEventListener('addstream', (e) => got.push({ same: e === event, stream: e.stream === stream, type: e.type }));
    const dispatched = target.dispatchEvent(event);
    return {
      exists: typeof MediaStreamEvent,
      name: MediaStreamEvent.name,
      length: MediaStreamEvent.length,
      isEvent: event instanceof Event,
      toStringTag: Object.prototype.toString.call(event),
      protoOwn: Object.getOwnPropertyNames(MediaStreamEvent.prototype).filter(native).sort(),
      forIn: forIn.sort(),
      stream: event.stream === stream,
      bubbles: event.bubbles,
      noInit: errorName(() => new MediaStreamEvent('addstream')),
      noInitStream: (() => {
        try {
          return String(new MediaStreamEvent('addstream', {}).stream);
        } catch (e) {
          return e.name;
        }
      })(),
      badStream: errorName(() => new MediaStreamEvent('addstream', { stream: {} })),
      noType: errorName(() => new MediaStreamEvent()),
      dispatched,
      got,
    };
  },
});
