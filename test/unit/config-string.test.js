// 2011 WD §4: the PeerConnection configuration string. Pure function, run in node.
import { expect } from 'chai';
import { parseConfigString, toIceServer } from '../../dist/webrtc-legacy.mjs';

describe('wd-2011-10-27 §4 configuration strings', () => {
  const ok = [
    ['STUN 203.0.113.2:3478', { type: 'STUN', secure: false, host: '203.0.113.2', port: '3478' }],
    ['STUN relay.example.net:3478', { type: 'STUN', secure: false, host: 'relay.example.net', port: '3478' }],
    ['STUN example.net', { type: 'STUN', secure: false, host: 'example.net', port: '' }],
    ['STUNS example.net:5349', { type: 'STUN', secure: true, host: 'example.net', port: '5349' }],
    ['TURN 203.0.113.2:3478', { type: 'TURN', secure: false, host: '203.0.113.2', port: '3478' }],
    ['TURNS example.net', { type: 'TURN', secure: true, host: 'example.net', port: '' }],
    ['STUN stun.l.google.com:19302', { type: 'STUN', secure: false, host: 'stun.l.google.com', port: '19302' }],
    ['STUN localhost:3478', { type: 'STUN', secure: false, host: 'localhost', port: '3478' }],
    // "remove all characters ... after the first such character" (LF or CR)
    ['STUN a.example:1\nTURN evil.example:2', { type: 'STUN', secure: false, host: 'a.example', port: '1' }],
    ['STUN a.example:1\r\nTURNS b.example', { type: 'STUN', secure: false, host: 'a.example', port: '1' }],
    ['TURN a.example\rSTUN b.example', { type: 'TURN', secure: false, host: 'a.example', port: '' }],
    // "two or more components": extra components are ignored
    ['STUN a.example:3478 extra words', { type: 'STUN', secure: false, host: 'a.example', port: '3478' }],
  ];
  for (const [input, expected] of ok) {
    it(`${JSON.stringify(input)} → ${expected.type}${expected.secure ? ' (TLS)' : ''} ${expected.host}:${expected.port || '(SRV)'}`, () => {
      expect(parseConfigString(input)).to.deep.equal(expected);
    });
  }

  const invalid = [
    '', 'STUN', 'STUN ', 'stun example.net', 'Stun example.net', 'FOO example.net', ' STUN example.net',
    'STUN example.net:', 'STUN example.net:0', 'STUN example.net:65536', 'STUN example.net:34x', 'STUN example.net:-1',
    'STUN 256.1.1.1:3478', 'STUN 1.2.3:3478', 'STUN exa_mple.net', 'STUN -example.net', 'STUN [::1]:3478',
    'STUN a..b', '\nSTUN example.net', 'STUN\texample.net', `STUN ${'a'.repeat(64)}.net`, 'STUN example.net:3478:1',
    null, undefined, 42, {},
  ];
  for (const input of invalid) {
    it(`${JSON.stringify(input)} → no server (never a throw)`, () => {
      expect(parseConfigString(input)).to.equal(null);
    });
  }

  it('maps onto RTCIceServer: TURN username is the origin, password empty; default ports for a bare domain', () => {
    const origin = 'http://127.0.0.1:8080';
    expect(toIceServer(parseConfigString('STUN example.net'), origin)).to.deep.equal({ urls: 'stun:example.net:3478' });
    expect(toIceServer(parseConfigString('STUNS example.net'), origin)).to.deep.equal({ urls: 'stuns:example.net:5349' });
    expect(toIceServer(parseConfigString('TURN 203.0.113.2:3479'), origin)).to.deep.equal({ urls: 'turn:203.0.113.2:3479', username: origin, credential: '' });
    expect(toIceServer(parseConfigString('TURNS example.net'), origin)).to.deep.equal({ urls: 'turns:example.net:5349?transport=tcp', username: origin, credential: '' });
  });
});
