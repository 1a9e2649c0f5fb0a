/* global WebRTCLegacy */
// 2016-01-28 WD §4.8.3 new RTCPeerConnectionIceErrorEvent(type, {hostCandidate, url, errorCode, statusText}):
// the 2016 init, which today's constructor rejects (errorCode is required now) or misreads (errorText, not
// statusText), gives the event the 2016 page expects; today's init is the engine's. Both engines have
// the interface (skipped where one has none).
describe('wd-2016-01-28 new RTCPeerConnectionIceErrorEvent with the 2016 init', () => {
  let Native;
  before(function () {
    Native = window.RTCPeerConnectionIceErrorEvent;
    if (!Native) this.skip();
    WebRTCLegacy.install();
  });
  after(() => WebRTCLegacy.uninstall());

  it('{hostCandidate, url, statusText} without errorCode: errorCode 0, errorText from statusText, the address and port of hostCandidate', () => {
    const e = new RTCPeerConnectionIceErrorEvent('icecandidateerror', { hostCandidate: '192.0.2.1:5000', url: 'stun:stun.example.org', statusText: 'no answer' });
    expect(e).to.be.an.instanceof(Native);
    expect(e.type).to.equal('icecandidateerror');
    expect(e.errorCode).to.equal(0);
    expect(e.errorText).to.equal('no answer');
    expect(e.url).to.equal('stun:stun.example.org');
    expect(e.address).to.equal('192.0.2.1');
    expect(e.port).to.equal(5000);
    // Chromium's own hostCandidate, or (Firefox 153) the 2016 one the shim reads from address and port.
    expect(e.hostCandidate).to.equal('192.0.2.1:5000');
    expect(new RTCPeerConnectionIceErrorEvent('x', {}).errorCode).to.equal(0);
  });

  it("today's init and calls are the engine's: same prototype, name, length, TypeError without new", () => {
    const e = new RTCPeerConnectionIceErrorEvent('icecandidateerror', { address: '192.0.2.2', port: 1, url: 'turn:t.example.org', errorCode: 701, errorText: 'x' });
    expect(e).to.include({ errorCode: 701, errorText: 'x', address: '192.0.2.2', port: 1 });
    expect(RTCPeerConnectionIceErrorEvent.prototype).to.equal(Native.prototype);
    expect(RTCPeerConnectionIceErrorEvent.name).to.equal(Native.name);
    expect(RTCPeerConnectionIceErrorEvent.length).to.equal(Native.length);
    expect(e.constructor).to.equal(RTCPeerConnectionIceErrorEvent);
    expect(() => RTCPeerConnectionIceErrorEvent('x', { errorCode: 1 })).to.throw(TypeError);
    expect(() => new RTCPeerConnectionIceErrorEvent()).to.throw(TypeError);
  });
});
