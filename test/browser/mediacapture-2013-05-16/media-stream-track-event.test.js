/* global WebRTCLegacy, T */
// mediacapture-2013-05-16 … -2015-04-14 MediaStreamTrackEventInit.track defaulted to null: an app of
// the time could make the event without a track; today's engines throw.
describe('mediacapture-2013 MediaStreamTrackEvent without a track', () => {
  const Native = window.MediaStreamTrackEvent;
  before(() => WebRTCLegacy.install({ era: '2013-09-10' }));
  after(() => WebRTCLegacy.uninstall());

  it('with `auto` the native constructor stays: {} throws TypeError as today (wpt)', () => {
    WebRTCLegacy.uninstall();
    WebRTCLegacy.install();
    try {
      expect(window.MediaStreamTrackEvent).to.equal(Native);
      expect(() => new MediaStreamTrackEvent('removetrack', {})).to.throw(TypeError);
    } finally {
      WebRTCLegacy.uninstall();
      WebRTCLegacy.install({ era: '2013-09-10' });
    }
  });

  it('an event made without a track (or with null) has track null, is a MediaStreamTrackEvent, and dispatches', async () => {
    const target = new EventTarget();
    const heard = new Promise((resolve) => target.addEventListener('removetrack', resolve));
    const event = new MediaStreamTrackEvent('removetrack', {});
    expect(event.track).to.equal(null);
    expect(event).to.be.an.instanceof(MediaStreamTrackEvent);
    expect(event).to.be.an.instanceof(Event);
    expect(new MediaStreamTrackEvent('x', { track: null, bubbles: true }).bubbles).to.equal(true);
    target.dispatchEvent(event);
    expect(await heard).to.equal(event);
  });

  it('with a track, the engine\'s own event, as before: track, class, and the same errors for bad input', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const track = stream.getAudioTracks()[0];
      const event = new MediaStreamTrackEvent('addtrack', { track });
      expect(event.track).to.equal(track);
      expect(Object.getPrototypeOf(event)).to.equal(Native.prototype);
      expect(MediaStreamTrackEvent.prototype).to.equal(Native.prototype);
      expect(MediaStreamTrackEvent.prototype.constructor).to.equal(MediaStreamTrackEvent);
      expect(Object.getPrototypeOf(MediaStreamTrackEvent)).to.equal(Event);
      expect(MediaStreamTrackEvent.length).to.equal(Native.length);
      expect(MediaStreamTrackEvent.name).to.equal('MediaStreamTrackEvent');
      expect(() => new MediaStreamTrackEvent('x')).to.throw(TypeError);
      expect(() => new MediaStreamTrackEvent('x', { track: 5 })).to.throw(TypeError);
      expect(() => MediaStreamTrackEvent('x', { track })).to.throw(TypeError);
      expect(() => Object.getOwnPropertyDescriptor(MediaStreamTrackEvent.prototype, 'track').get.call(new Event('x'))).to.throw(TypeError);
      // A stream's own addtrack events are still the engine's, with their track.
      const s = new MediaStream();
      const added = new Promise((resolve) => s.addEventListener('addtrack', resolve));
      s.dispatchEvent(new MediaStreamTrackEvent('addtrack', { track }));
      expect((await added).track).to.equal(track);
    } finally {
      T.stopAll(stream);
    }
  });

  it('uninstall gives back the engine\'s interface object', () => {
    WebRTCLegacy.uninstall();
    try {
      expect(window.MediaStreamTrackEvent).to.equal(Native);
      expect(Native.prototype.constructor).to.equal(Native);
      expect(() => new MediaStreamTrackEvent('x', {})).to.throw(TypeError);
    } finally {
      WebRTCLegacy.install();
    }
  });
});
