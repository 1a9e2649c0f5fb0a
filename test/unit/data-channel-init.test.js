// 2012-08 WD §5.1 DataChannelInit {reliable} and the 2013-09 maxRetransmitTime → today's RTCDataChannelInit.
import { expect } from 'chai';
import { translateDataChannelInit } from '../../dist/webrtc-legacy.mjs';

describe('wd-2012-08-21 DataChannelInit translation', () => {
  it('reliable: false is the unordered channel without retransmissions', () => {
    expect(translateDataChannelInit({ reliable: false })).to.deep.equal({ ordered: false, maxRetransmits: 0 });
    expect(translateDataChannelInit({ reliable: false, protocol: 'x' })).to.deep.equal({ ordered: false, maxRetransmits: 0, protocol: 'x' });
  });
  it('reliable: true is today\'s default channel; maxRetransmitTime is maxPacketLifeTime', () => {
    expect(translateDataChannelInit({ reliable: true })).to.deep.equal({});
    // 2013-09 WD: ordered defaults to true, a time limit alone does not change it.
    expect(translateDataChannelInit({ maxRetransmitTime: 500 })).to.deep.equal({ maxPacketLifeTime: 500 });
    expect(translateDataChannelInit({ maxRetransmitTime: 500, ordered: false })).to.deep.equal({ ordered: false, maxPacketLifeTime: 500 });
  });
  it('a dictionary with today\'s members, or none at all, goes to the engine untouched', () => {
    expect(translateDataChannelInit({ reliable: false, ordered: true })).to.equal(undefined);
    expect(translateDataChannelInit({ maxRetransmits: 3 })).to.equal(undefined);
    expect(translateDataChannelInit(undefined)).to.equal(undefined);
    expect(translateDataChannelInit({})).to.equal(undefined);
  });
});
