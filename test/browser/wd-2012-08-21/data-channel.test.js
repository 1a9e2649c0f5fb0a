/* global WebRTCLegacy, T, PC12 */
// 2012-08 WD §5: createDataChannel(label, {reliable}), DataChannel.reliable, the name DataChannel.
describe('wd-2012-08-21 DataChannel {reliable}', () => {
  let native;
  before(() => {
    WebRTCLegacy.uninstall();
    const m = RTCPeerConnection.prototype.createDataChannel;
    native = { length: m.length, name: m.name, hadReliable: 'reliable' in RTCDataChannel.prototype, hadDataChannel: 'DataChannel' in window };
    WebRTCLegacy.install();
  });
  afterEach(() => PC12.closeAll());
  after(() => WebRTCLegacy.uninstall());

  it('{reliable:false} is an unordered channel without retransmissions on both ends, reads reliable false, and carries datagrams', async () => {
    const a = PC12.make();
    const b = PC12.make();
    PC12.wire(a, b);
    const channel = a.createDataChannel('game', { reliable: false });
    expect([channel.ordered, channel.maxRetransmits, channel.reliable]).to.deep.equal([false, 0, false]);
    const far = new Promise((resolve) => (b.ondatachannel = (e) => resolve(e.channel)));
    await PC12.negotiate(a, b);
    const remote = await far;
    expect([remote.label, remote.ordered, remote.maxRetransmits, remote.reliable]).to.deep.equal(['game', false, 0, false]);
    const got = new Promise((resolve) => (remote.onmessage = (m) => resolve(m.data)));
    if (channel.readyState !== 'open') await T.once(channel, 'open');
    channel.send('position 1');
    expect(await got).to.equal('position 1');
  });

  it('{reliable:true} and modern dictionaries get today\'s channel; the 2012 name DataChannel; native .length/.name', () => {
    const pc = PC12.make();
    const reliable = pc.createDataChannel('r', { reliable: true });
    expect([reliable.ordered, reliable.maxRetransmits, reliable.reliable]).to.deep.equal([true, null, true]);
    const modern = pc.createDataChannel('m', { ordered: false, maxPacketLifeTime: 100 });
    expect([modern.ordered, modern.maxPacketLifeTime, modern.maxRetransmits]).to.deep.equal([false, 100, null]);
    expect(RTCPeerConnection.prototype.createDataChannel.length).to.equal(native.length);
    expect(RTCPeerConnection.prototype.createDataChannel.name).to.equal(native.name);
    expect(() => RTCPeerConnection.prototype.createDataChannel.call({}, 'x')).to.throw(TypeError);
    expect(() => pc.createDataChannel()).to.throw(TypeError);
    expect(DataChannel).to.equal(RTCDataChannel);
    expect(reliable).to.be.an.instanceof(DataChannel);
    expect(DataChannelEvent).to.equal(RTCDataChannelEvent);
    if (!native.hadReliable) expect(() => Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'reliable').get.call({})).to.throw(TypeError);
  });
});
