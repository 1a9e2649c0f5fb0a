/* global WebRTCLegacy */
// mediacapture-2016-05-19 OverconstrainedErrorEvent: an app passing an OverconstrainedError on as an event.
describe('mediacapture-2016-05-19 OverconstrainedErrorEvent', () => {
  before(() => WebRTCLegacy.install());
  after(() => WebRTCLegacy.uninstall());

  it('carries the OverconstrainedError of an impossible request to a listener', async () => {
    const error = await navigator.mediaDevices.getUserMedia({ video: { width: { exact: 99999 } } }).then(() => null, (e) => e);
    expect(error.name).to.equal('OverconstrainedError');
    const target = new EventTarget();
    const heard = new Promise((resolve) => target.addEventListener('overconstrained', resolve));
    target.dispatchEvent(new OverconstrainedErrorEvent('overconstrained', { error }));
    const got = await heard;
    expect(got).to.be.an.instanceof(Event);
    expect(got.error).to.equal(error);
    expect(got.error.constraint).to.equal('width');
    expect(new OverconstrainedErrorEvent('x', {}).error).to.equal(null);
  });

  it('WebIDL: length 2, name, a constructor only, error a brand-checked getter', () => {
    expect(OverconstrainedErrorEvent.length).to.equal(2);
    expect(OverconstrainedErrorEvent.name).to.equal('OverconstrainedErrorEvent');
    expect(() => new OverconstrainedErrorEvent('x')).to.throw(TypeError);
    expect(() => OverconstrainedErrorEvent('x', {})).to.throw(TypeError);
    expect(() => Object.getOwnPropertyDescriptor(OverconstrainedErrorEvent.prototype, 'error').get.call(new Event('x'))).to.throw(TypeError);
  });
});
