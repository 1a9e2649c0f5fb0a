/* global WebRTCLegacy */
// mediacapture-2015-02-12 / -2015-04-14 MediaStreamErrorEvent: an app passing a getUserMedia error on as an event.
describe('mediacapture-2015-02-12 MediaStreamErrorEvent', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('carries the getUserMedia error to a listener, as an Event', async () => {
    const error = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: 'no-such-camera' } } }).then(() => null, (e) => e);
    expect(typeof error === 'object' && error !== null).to.equal(true);
    const target = new EventTarget();
    const heard = new Promise((resolve) => target.addEventListener('error', resolve));
    const event = new MediaStreamErrorEvent('error', { error });
    expect(event).to.be.an.instanceof(Event);
    target.dispatchEvent(event);
    const got = await heard;
    expect(got.error).to.equal(error);
    expect(got.error.name).to.be.oneOf(['OverconstrainedError', 'NotFoundError']);
    expect(String(got)).to.equal('[object MediaStreamErrorEvent]');
    expect(new MediaStreamErrorEvent('x', {}).error).to.equal(null);
  });

  it('WebIDL: two arguments required, a constructor only, error a brand-checked getter', () => {
    expect(MediaStreamErrorEvent.length).to.equal(2);
    expect(MediaStreamErrorEvent.name).to.equal('MediaStreamErrorEvent');
    expect(() => new MediaStreamErrorEvent('x')).to.throw(TypeError);
    expect(() => MediaStreamErrorEvent('x', {})).to.throw(TypeError);
    expect(() => new MediaStreamErrorEvent('x', { error: 5 })).to.throw(TypeError);
    expect(() => Object.getOwnPropertyDescriptor(MediaStreamErrorEvent.prototype, 'error').get.call(new Event('x'))).to.throw(TypeError);
  });
});
