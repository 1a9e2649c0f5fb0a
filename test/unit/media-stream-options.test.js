// 2011 WD §2.1: reading getUserMedia's first argument. Pure functions, run in node.
import { expect } from 'chai';
import { parseOptionsString, readOptions, toConstraints } from '../../dist/webrtc-legacy.mjs';

const req = (audio, video, facingMode, ignored = []) => (facingMode ? { audio, video, facingMode, ignored } : { audio, video, ignored });

describe('wd-2011-10-27 §2.1 options strings', () => {
  const cases = [
    ['audio', req(true, false)],
    ['video', req(false, true)],
    ['audio,video', req(true, true)],
    ['video,audio', req(true, true)],
    ['audio,video user', req(true, true, 'user')],
    ['video user', req(false, true, 'user')],
    ['video environment', req(false, true, 'environment')],
    [' audio , video  user ', req(true, true, 'user')],
    ['AUDIO,Video User', req(true, true, 'user')],
    ['', req(false, false)],
    [',,', req(false, false)],
    ['screen', req(false, false, undefined, ['screen'])],
    ['audio user', req(true, false, undefined, ['user'])],
    ['video sideways', req(false, true, undefined, ['sideways'])],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(parseOptionsString(input)).to.deep.equal(expected);
    });
  }
});

describe('wd-2011-10-27 §2.1 which meaning an options argument takes', () => {
  const legacy = (request) => ({ meaning: 'legacy', request });
  it('strings, null and undefined take the draft’s meaning', () => {
    expect(readOptions('audio', false)).to.deep.equal(legacy(req(true, false)));
    expect(readOptions(null, false)).to.deep.equal(legacy(req(true, true)));
    expect(readOptions(undefined, false)).to.deep.equal(legacy(req(true, true)));
  });
  it('objects today’s API would reject take the draft’s defaults (absent → true)', () => {
    expect(readOptions({}, false)).to.deep.equal(legacy(req(true, true)));
    expect(readOptions({ audio: false }, false)).to.deep.equal(legacy(req(false, true)));
    expect(readOptions({ video: false }, false)).to.deep.equal(legacy(req(true, false)));
    expect(readOptions({ audio: false, video: false }, false)).to.deep.equal(legacy(req(false, false)));
  });
  it('objects today’s API accepts keep their modern meaning, unless the 2011 era is asked for', () => {
    expect(readOptions({ audio: true }, false)).to.deep.equal({ meaning: 'modern' });
    expect(readOptions({ video: { width: 640 } }, false)).to.deep.equal({ meaning: 'modern' });
    expect(readOptions({ audio: true }, true)).to.deep.equal(legacy(req(true, true)));
    expect(readOptions({ audio: true, video: false }, true)).to.deep.equal(legacy(req(true, false)));
  });
  it('other types are left to the native function to reject', () => {
    expect(readOptions(42, false)).to.deep.equal({ meaning: 'modern' });
  });
  it('maps a request onto MediaStreamConstraints, facing mode included', () => {
    expect(toConstraints(req(true, true, 'user'))).to.deep.equal({ audio: true, video: { facingMode: 'user' } });
    expect(toConstraints(req(true, false, 'user'))).to.deep.equal({ audio: true, video: false });
    expect(toConstraints(req(false, true))).to.deep.equal({ audio: false, video: true });
  });
});
