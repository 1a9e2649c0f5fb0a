// The "SDP\n" + ROAP wire format: parse / serialize. Pure functions, run in node.
import { expect } from 'chai';
import { roap } from '../../dist/webrtc-legacy.mjs';

const SDP = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';

describe('ROAP messages ("SDP\\n" + JSON)', () => {
  it('round-trips every message type', () => {
    const messages = [
      { messageType: 'OFFER', offererSessionId: 'a1', seq: 1, sdp: SDP, tieBreaker: 12345 },
      { messageType: 'ANSWER', offererSessionId: 'a1', answererSessionId: 'b2', seq: 1, sdp: SDP, moreComing: false },
      { messageType: 'OK', offererSessionId: 'a1', answererSessionId: 'b2', seq: 1 },
      { messageType: 'SHUTDOWN', offererSessionId: 'a1', answererSessionId: 'b2', seq: 2 },
      { messageType: 'ERROR', offererSessionId: 'a1', answererSessionId: 'b2', seq: 2, errorType: 'CONFLICT' },
    ];
    for (const m of messages) {
      const text = roap.serialize(m);
      expect(text.startsWith('SDP\n{')).to.equal(true);
      expect(roap.parse(text)).to.deep.equal({ kind: 'roap', message: m });
    }
  });

  it('accepts any key order and whitespace', () => {
    const text = 'SDP\n {\n "seq" : 3 ,\n "tieBreaker": 7, "sdp": ' + JSON.stringify(SDP) + ', "offererSessionId":"x", "messageType" : "OFFER" }\n';
    expect(roap.parse(text)).to.deep.equal({ kind: 'roap', message: { messageType: 'OFFER', offererSessionId: 'x', seq: 3, sdp: SDP, tieBreaker: 7 } });
  });

  it('takes a bare SDP after the prefix', () => {
    expect(roap.parse(`SDP\n${SDP}`)).to.deep.equal({ kind: 'sdp', sdp: SDP });
    // Trimmed on the way (the last CRLF lost): given back, since Chromium refuses an SDP without it.
    expect(roap.parse(`SDP\n  ${SDP.trim()}  `)).to.deep.equal({ kind: 'sdp', sdp: SDP });
  });

  const bad = [
    ['no prefix', '{"messageType":"OK"}'],
    ['wrong prefix', 'sdp\n{}'],
    ['not JSON', 'SDP\n{oops'],
    ['an array', 'SDP\n[1,2]'],
    ['unknown type', 'SDP\n{"messageType":"HELLO","offererSessionId":"a","seq":1}'],
    ['no seq', 'SDP\n{"messageType":"OK","offererSessionId":"a","answererSessionId":"b"}'],
    ['negative seq', 'SDP\n{"messageType":"OK","offererSessionId":"a","answererSessionId":"b","seq":-1}'],
    ['huge seq', 'SDP\n{"messageType":"OK","offererSessionId":"a","answererSessionId":"b","seq":1e300}'],
    // Taking it would make our next OFFER's seq 2^53, which no peer can read exactly.
    ['seq 2^53 - 1', 'SDP\n{"messageType":"OK","offererSessionId":"a","answererSessionId":"b","seq":9007199254740991}'],
    ['string seq', 'SDP\n{"messageType":"OK","offererSessionId":"a","answererSessionId":"b","seq":"1"}'],
    ['OFFER without sdp', 'SDP\n{"messageType":"OFFER","offererSessionId":"a","seq":1,"tieBreaker":1}'],
    ['OFFER without tieBreaker', `SDP\n{"messageType":"OFFER","offererSessionId":"a","seq":1,"sdp":${JSON.stringify(SDP)}}`],
    ['ANSWER without answerer id', `SDP\n{"messageType":"ANSWER","offererSessionId":"a","seq":1,"sdp":${JSON.stringify(SDP)}}`],
    ['ERROR with unknown errorType', 'SDP\n{"messageType":"ERROR","offererSessionId":"a","answererSessionId":"b","seq":1,"errorType":"OOPS"}'],
    ['too long', `SDP\n${' '.repeat(roap.MAX_MESSAGE_LENGTH)}{}`],
    ['not a string', 42],
  ];
  for (const [what, text] of bad) {
    it(`refuses ${what}, with a reason`, () => {
      const r = roap.parse(text);
      expect(r.kind).to.equal('invalid');
      expect(r.reason).to.be.a('string').and.not.equal('');
    });
  }

  it('never lets __proto__ or constructor keys reach a prototype', () => {
    const text = 'SDP\n{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"messageType":"OK","offererSessionId":"a","answererSessionId":"b","seq":1}';
    const r = roap.parse(text);
    expect(r).to.deep.equal({ kind: 'roap', message: { messageType: 'OK', offererSessionId: 'a', answererSessionId: 'b', seq: 1 } });
    expect({}.polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(r.message)).to.equal(Object.prototype);
  });
});
