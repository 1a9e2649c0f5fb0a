/* global WebRTCLegacy, T */
// 2011 WD §7.1 MediaStreamEvent: `stream`, initMediaStreamEvent(type, canBubble, cancelable, stream).
describe('wd-2011-10-27 §7.1 MediaStreamEvent', () => {
  let native;
  before(() => {
    native = window.MediaStreamEvent;
    WebRTCLegacy.install();
  });
  after(() => WebRTCLegacy.uninstall());

  const streamOf = () => new MediaStream();

  it('keeps the browser\'s own MediaStreamEvent and adds only initMediaStreamEvent', () => {
    // Both engines still have the interface (today's constructor), neither the 2011 init method.
    expect(native).to.be.a('function');
    expect(MediaStreamEvent).to.equal(native);
    expect(MediaStreamEvent.prototype.initMediaStreamEvent).to.be.a('function');
    const listed = WebRTCLegacy.installed().filter((r) => r.surface === 'wd-2011-10-27/media-stream-event');
    expect(listed.map((r) => `${r.target}.${r.property}`)).to.deep.equal(['MediaStreamEvent.prototype.initMediaStreamEvent']);
  });

  it('initMediaStreamEvent() initializes an event made with new MediaStreamEvent(type), which then dispatches with its stream', () => {
    const stream = streamOf();
    const ev = new MediaStreamEvent('placeholder');
    expect(ev.stream).to.equal(null);
    expect(ev.initMediaStreamEvent('addstream', true, true, stream)).to.equal(undefined);
    expect(ev.type).to.equal('addstream');
    expect(ev.bubbles).to.equal(true);
    expect(ev.cancelable).to.equal(true);
    expect(ev.stream).to.equal(stream);
    expect(ev).to.be.an.instanceof(Event);

    const target = new EventTarget();
    let seen;
    target.addEventListener('addstream', (e) => {
      seen = e;
    });
    target.dispatchEvent(ev);
    expect(seen).to.equal(ev);
    expect(seen.stream).to.equal(stream);
    expect(seen.isTrusted).to.equal(false);
  });

  it('can be called again before dispatch (as initEvent), with a null stream', () => {
    const ev = new MediaStreamEvent('addstream', { stream: streamOf() });
    ev.initMediaStreamEvent('removestream', false, false, null);
    expect(ev.type).to.equal('removestream');
    expect(ev.bubbles).to.equal(false);
    expect(ev.stream).to.equal(null);
  });

  it('does nothing while the event is being dispatched, like initEvent', () => {
    const stream = streamOf();
    const other = streamOf();
    const ev = new MediaStreamEvent('addstream', { stream });
    const target = new EventTarget();
    target.addEventListener('addstream', (e) => e.initMediaStreamEvent('removestream', true, true, other));
    target.dispatchEvent(ev);
    expect(ev.type).to.equal('addstream');
    expect(ev.bubbles).to.equal(false);
    expect(ev.stream).to.equal(stream);
  });

  it('rejects a stream that is not a MediaStream, and a this that is not a MediaStreamEvent', () => {
    const ev = new MediaStreamEvent('x');
    expect(() => ev.initMediaStreamEvent('addstream', false, false, {})).to.throw(TypeError);
    expect(ev.type).to.equal('x');
    expect(() => MediaStreamEvent.prototype.initMediaStreamEvent.call(new Event('x'), 'addstream', false, false, null)).to.throw(TypeError);
    expect(() => ev.initMediaStreamEvent()).to.throw(TypeError);
  });

  it('leaves events made without it exactly as the browser makes them', () => {
    const stream = streamOf();
    const ev = new MediaStreamEvent('addstream', { stream });
    expect(Object.keys(ev)).to.deep.equal(Object.keys(new native('addstream', { stream })));
    expect(ev.stream).to.equal(stream);
  });

  it('does not make document.createEvent("MediaStreamEvent") work (createEvent is not patched)', () => {
    expect(() => document.createEvent('MediaStreamEvent')).to.throw();
  });

  it('is removed by uninstall()', () => {
    WebRTCLegacy.uninstall();
    try {
      expect(window.MediaStreamEvent).to.equal(native);
      expect('initMediaStreamEvent' in MediaStreamEvent.prototype).to.equal(false);
    } finally {
      WebRTCLegacy.install();
    }
  });

  describe('in a window without a MediaStreamEvent', () => {
    let frame;
    let win;
    before(() => {
      frame = document.createElement('iframe');
      document.body.appendChild(frame);
      win = frame.contentWindow;
      delete win.MediaStreamEvent;
      expect('MediaStreamEvent' in win).to.equal(false);
      WebRTCLegacy.install({ window: win });
    });
    after(() => {
      WebRTCLegacy.uninstall({ window: win });
      frame.remove();
    });

    it('provides the interface: a subclass of that window\'s Event with a readonly stream', () => {
      const C = win.MediaStreamEvent;
      expect(C).to.be.a('function');
      expect(Object.getPrototypeOf(C.prototype)).to.equal(win.Event.prototype);
      const stream = new win.MediaStream();
      const ev = new C('addstream', { stream, bubbles: true });
      expect(ev).to.be.an.instanceof(win.Event);
      expect(ev.type).to.equal('addstream');
      expect(ev.bubbles).to.equal(true);
      expect(ev.stream).to.equal(stream);
      ev.stream = null;
      expect(ev.stream).to.equal(stream);
      expect(new C('x').stream).to.equal(null);
      expect(Object.prototype.toString.call(ev)).to.equal('[object MediaStreamEvent]');
      // A MediaStream of another window is still a MediaStream (WebIDL brand check).
      expect(new C('x', { stream: streamOf() }).stream).to.be.an.instanceof(MediaStream);
    });

    /** chai's to.throw(Type) cannot match another window's error types. */
    function thrownIn(fn) {
      try {
        fn();
      } catch (e) {
        return e instanceof win.TypeError ? 'TypeError' : String(e);
      }
      return 'nothing';
    }

    it('checks its arguments as the native constructor does, with that window\'s TypeError', () => {
      const C = win.MediaStreamEvent;
      expect(thrownIn(() => new C('x', { stream: 5 }))).to.equal('TypeError');
      expect(thrownIn(() => new C())).to.equal('TypeError');
      // Calling it without `new` is refused by the engine, in the realm that runs the shim.
      expect(() => C('x')).to.throw(TypeError);
      expect(thrownIn(() => Object.getOwnPropertyDescriptor(C.prototype, 'stream').get.call(new win.Event('x')))).to.equal('TypeError');
      expect(thrownIn(() => new C('x').initMediaStreamEvent('y', false, false, 5))).to.equal('TypeError');
    });

    it('has initMediaStreamEvent, and dispatches', () => {
      const stream = new win.MediaStream();
      const ev = new win.MediaStreamEvent('x');
      ev.initMediaStreamEvent('removestream', false, true, stream);
      expect([ev.type, ev.cancelable, ev.stream]).to.deep.equal(['removestream', true, stream]);
      const target = new win.EventTarget();
      let seen;
      target.addEventListener('removestream', (e) => {
        seen = e.stream;
      });
      target.dispatchEvent(ev);
      expect(seen).to.equal(stream);
    });

    it('is removed by uninstall()', () => {
      WebRTCLegacy.uninstall({ window: win });
      try {
        expect('MediaStreamEvent' in win).to.equal(false);
      } finally {
        WebRTCLegacy.install({ window: win });
      }
    });
  });
});
