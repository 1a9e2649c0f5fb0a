// Modern regression for a legacy name the shim touches: the events a getUserMedia stream fires when
// the app stops its tracks (Chromium: `inactive`; Firefox: none), for a stream nobody inspected and
// for one a library has copied property by property (jQuery.extend, _.assignIn read every getter,
// the 2011 ones included). Observed: the event types in order, `active` afterwards. An event whose
// handler attribute the shim added (t.added: today's MediaStream has no `ended`) is an event only a
// 2011 app listens for; it is left out, every event the browser itself defines is compared.
conformance.defineModern({
  title: 'MediaStream events when its tracks stop',
  fast: true,
  async run(t) {
    const TYPES = ['ended', 'inactive', 'active', 'removetrack', 'addtrack'].filter((type) => !t.added(`MediaStream.prototype.on${type}`));
    const stopAndListen = async (stream) => {
      const events = [];
      for (const type of TYPES) stream.addEventListener(type, (e) => events.push(`${type}:${Object.prototype.toString.call(e)}`));
      for (const track of stream.getTracks()) track.stop();
      // The events are queued tasks; half a second is ample for them to come.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { events, active: stream.active };
    };
    const untouched = await stopAndListen(t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true })));
    const copiedStream = t.track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const copy = {};
    for (const k in copiedStream) copy[k] = copiedStream[k];
    const copied = await stopAndListen(copiedStream);
    return { untouched, copied };
  },
});
