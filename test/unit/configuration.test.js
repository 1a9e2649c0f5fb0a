// 2012-08 WD §4.1 RTCConfiguration and the 2014 editor's draft iceTransports → today's RTCConfiguration.
import { expect } from 'chai';
import { translateConfiguration } from '../../dist/webrtc-legacy.mjs';

describe('wd-2012-08-21 configuration translation', () => {
  it('url becomes urls; servers today takes pass as they are', () => {
    const { configuration, notes } = translateConfiguration({ iceServers: [{ url: 'stun:stun.example.net:3478' }, { urls: ['stun:a.example'], username: 'u', credential: 'c' }] });
    expect(configuration.iceServers).to.deep.equal([{ urls: 'stun:stun.example.net:3478' }, { urls: 'stun:a.example', username: 'u', credential: 'c' }]);
    expect(notes).to.deep.equal([]);
  });
  it('the Chrome 2012 turn:user@host moves the user to username', () => {
    const { configuration } = translateConfiguration({ iceServers: [{ url: 'turn:alice%40x@turn.example.net:3478?transport=udp', credential: 'pw' }] });
    expect(configuration.iceServers).to.deep.equal([{ urls: 'turn:turn.example.net:3478?transport=udp', username: 'alice@x', credential: 'pw' }]);
  });
  it('a 2012 TURN credential without any username cannot be used today: dropped with a note', () => {
    const { configuration, notes } = translateConfiguration({ iceServers: [{ url: 'turn:turn.example.net', credential: 'pw' }, { url: 'stun:s.example' }, 7] });
    expect(configuration.iceServers).to.deep.equal([{ urls: 'stun:s.example' }]);
    expect(notes).to.have.length(2);
  });
  it('iceTransports → iceTransportPolicy; "none" keeps no server, so nothing is gathered', () => {
    expect(translateConfiguration({ iceTransports: 'relay' }).configuration).to.deep.equal({ iceTransportPolicy: 'relay' });
    expect(translateConfiguration({ iceTransports: 'all', iceServers: [] }).configuration).to.deep.equal({ iceTransportPolicy: 'all', iceServers: [] });
    expect(translateConfiguration({ iceTransports: 'none', iceServers: [{ urls: 'stun:s.example' }] }).configuration).to.deep.equal({ iceTransportPolicy: 'relay', iceServers: [] });
    expect(translateConfiguration({ iceTransports: 'some' }).notes).to.have.length(1);
    expect(translateConfiguration({ iceTransports: 'none', iceTransportPolicy: 'all' }).configuration.iceTransportPolicy).to.equal('all');
    // 2015-02 WD: iceTransportPolicy "none", which today's engines reject.
    expect(translateConfiguration({ iceTransportPolicy: 'none', iceServers: [{ urls: 'stun:s.example' }] }).configuration).to.deep.equal({ iceTransportPolicy: 'relay', iceServers: [] });
  });
  it('no configuration stays none', () => {
    expect(translateConfiguration(undefined).configuration).to.deep.equal({});
    expect(translateConfiguration(null).configuration).to.deep.equal({});
  });
});
