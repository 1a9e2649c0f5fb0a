// 2012-08 WD §4.3.1 RTCPeerState / RTCIceState, and the 2013–2015 "completed", from today's states.
import { expect } from 'chai';
import { peerState, iceState, iceConnectionStateOfTheTime } from '../../dist/webrtc-legacy.mjs';

const base = { signalingState: 'stable', iceConnectionState: 'new', iceGatheringState: 'new', described: false, wasActive: false };
const s = (over) => ({ ...base, ...over });

describe('wd-2012-08-21 string states from native ones', () => {
  it('readyState: new, opening, active (sticky), closed', () => {
    expect(peerState(base)).to.equal('new');
    expect(peerState(s({ signalingState: 'have-local-offer', described: true }))).to.equal('opening');
    expect(peerState(s({ described: true, iceConnectionState: 'checking' }))).to.equal('opening');
    expect(peerState(s({ described: true, iceConnectionState: 'connected' }))).to.equal('active');
    expect(peerState(s({ described: true, iceConnectionState: 'disconnected', wasActive: true }))).to.equal('active');
    expect(peerState(s({ signalingState: 'closed', wasActive: true }))).to.equal('closed');
  });
  it('iceState: gathering, waiting, checking, connected, completed, failed, closed', () => {
    expect(iceState(base)).to.equal('new');
    expect(iceState(s({ iceGatheringState: 'gathering' }))).to.equal('gathering');
    expect(iceState(s({ iceGatheringState: 'complete' }))).to.equal('waiting');
    expect(iceState(s({ iceConnectionState: 'checking', iceGatheringState: 'gathering' }))).to.equal('checking');
    expect(iceState(s({ iceConnectionState: 'disconnected' }))).to.equal('checking');
    expect(iceState(s({ iceConnectionState: 'connected', iceGatheringState: 'gathering' }))).to.equal('connected');
    expect(iceState(s({ iceConnectionState: 'connected', iceGatheringState: 'complete' }))).to.equal('completed');
    expect(iceState(s({ iceConnectionState: 'failed' }))).to.equal('failed');
    expect(iceState(s({ signalingState: 'closed' }))).to.equal('closed');
  });
  it('iceConnectionState of 2013–2015: connected with gathering complete is completed, the rest native', () => {
    expect(iceConnectionStateOfTheTime('connected', 'complete')).to.equal('completed');
    expect(iceConnectionStateOfTheTime('connected', 'gathering')).to.equal('connected');
    expect(iceConnectionStateOfTheTime('checking', 'complete')).to.equal('checking');
  });
});
