// mediacapture-2012-06-28 {mandatory, optional} → today's constraints. Pure functions, run in node.
import { expect } from 'chai';
import { LEGACY_CONSTRAINTS, LEGACY_ERROR_NAMES, hasLegacyConstraints, legacyErrorName, translateConstraints } from '../../dist/webrtc-legacy.mjs';

const ok = (constraints, ignored = [], legacyNames = {}) => ({ ok: true, constraints, ignored, legacyNames });

describe('mediacapture-2012-06-28 constraints → today', () => {
  it('recognises only requests with mandatory/optional (a modern object never has them)', () => {
    expect(hasLegacyConstraints({ video: { mandatory: {} } })).to.equal(true);
    expect(hasLegacyConstraints({ audio: { optional: [] } })).to.equal(true);
    expect(hasLegacyConstraints({ video: { width: 640 } })).to.equal(false);
    expect(hasLegacyConstraints({ video: true })).to.equal(false);
    expect(hasLegacyConstraints('video')).to.equal(false);
    expect(hasLegacyConstraints(null)).to.equal(false);
  });

  it('mandatory → min/max/exact on the modern name', () => {
    const mandatory = { minWidth: 160, maxWidth: 320, minHeight: 120, maxHeight: 240, minAspectRatio: 1.3, maxAspectRatio: 1.4, minFrameRate: 5, maxFrameRate: 15, sourceId: 'abc' };
    expect(translateConstraints({ video: { mandatory } })).to.deep.equal(ok({
      video: { width: { min: 160, max: 320 }, height: { min: 120, max: 240 }, aspectRatio: { min: 1.3, max: 1.4 }, frameRate: { min: 5, max: 15 }, deviceId: { exact: 'abc' } },
    }, [], { width: 'maxWidth', height: 'maxHeight', aspectRatio: 'maxAspectRatio', frameRate: 'maxFrameRate', deviceId: 'sourceId' }));
  });

  it('optional → ideal, the earlier entry preferred; mandatory bounds kept beside it', () => {
    const video = { mandatory: { maxWidth: 1280 }, optional: [{ minWidth: 640 }, { maxWidth: 320 }, { minFrameRate: 30 }] };
    expect(translateConstraints({ video, audio: true })).to.deep.equal(ok({ audio: true, video: { width: { max: 1280, ideal: 640 }, frameRate: { ideal: 30 } } }, [], { width: 'maxWidth' }));
  });

  it('audio processing keys: googEchoCancellation → echoCancellation; goog keys with no modern name dropped and said', () => {
    const r = translateConstraints({ audio: { mandatory: { googAutoGainControl: false }, optional: [{ googEchoCancellation: false }, { googHighpassFilter: false }, { bogus: 1 }] } });
    expect(r.constraints).to.deep.equal({ audio: { autoGainControl: { exact: false }, echoCancellation: { ideal: false } } });
    expect(r.ignored).to.deep.equal(['audio.optional.googHighpassFilter', 'audio.optional.bogus']);
  });

  it('an unknown mandatory key fails with ConstraintNotSatisfiedError and its name', () => {
    const r = translateConstraints({ video: { mandatory: { maxWidth: 320, fooBar: 3 } } });
    expect(r).to.include({ ok: false, name: 'ConstraintNotSatisfiedError', constraintName: 'fooBar' });
  });

  it('bad mandatory values (NaN, negative, wrong type) fail with the key; bad optional ones are ignored', () => {
    for (const v of [NaN, -1, '320', null, Infinity]) {
      expect(translateConstraints({ video: { mandatory: { maxWidth: v } } })).to.include({ ok: false, constraintName: 'maxWidth' });
    }
    expect(translateConstraints({ video: { mandatory: { sourceId: 7 } } })).to.include({ ok: false, constraintName: 'sourceId' });
    const r = translateConstraints({ video: { optional: [{ maxWidth: -5 }, 'x', { maxWidth: 320 }] } });
    expect(r.constraints).to.deep.equal({ video: { width: { ideal: 320 } } });
    expect(r.ignored).to.have.length(2);
  });

  it('an empty mandatory sourceId (Firefox lists devices with empty ids before any capture) names no device', () => {
    const r = translateConstraints({ video: { mandatory: { sourceId: '', maxWidth: 320 } } });
    expect(r.constraints).to.deep.equal({ video: { width: { max: 320 } } });
    expect(r.ignored).to.have.length(1);
  });

  it('mixing mandatory/optional with today’s keys, or malformed parts, is a TypeError (as Chrome said)', () => {
    expect(translateConstraints({ video: { mandatory: {}, width: 640 } })).to.include({ ok: false, name: 'TypeError' });
    expect(translateConstraints({ video: { mandatory: 5 } })).to.include({ ok: false, name: 'TypeError' });
    expect(translateConstraints({ video: { optional: {} } })).to.include({ ok: false, name: 'TypeError' });
  });

  it('leaves the other kind and other keys as they are', () => {
    expect(translateConstraints({ video: { optional: [] }, audio: { deviceId: 'x' }, peerIdentity: 'p' })).to.deep.equal(ok({ video: {}, audio: { deviceId: 'x' }, peerIdentity: 'p' }));
  });

  it('every row cites where its key comes from; keys are unique', () => {
    const keys = LEGACY_CONSTRAINTS.map((r) => r.legacy);
    expect(new Set(keys).size).to.equal(keys.length);
    for (const r of LEGACY_CONSTRAINTS) expect(r.source).to.be.a('string').and.not.equal('');
  });
});

describe('mediacapture-2013-05-16 error names of the time', () => {
  it('maps today’s names and leaves the rest', () => {
    expect(LEGACY_ERROR_NAMES.length).to.equal(4);
    expect(legacyErrorName('NotAllowedError')).to.equal('PermissionDeniedError');
    expect(legacyErrorName('NotFoundError')).to.equal('DevicesNotFoundError');
    expect(legacyErrorName('OverconstrainedError')).to.equal('ConstraintNotSatisfiedError');
    expect(legacyErrorName('NotReadableError')).to.equal('TrackStartError');
    expect(legacyErrorName('AbortError')).to.equal('AbortError');
  });
});

describe('mediacapture-2013 constraints(): today\'s track constraints back in the {mandatory, optional} form', () => {
  it('min/max/exact are mandatory, ideal and bare values optional in order; unknown names and advanced are left out', async () => {
    const { legacyTrackConstraints, translateConstraints } = await import('../../dist/webrtc-legacy.mjs');
    expect(legacyTrackConstraints({})).to.equal(null);
    expect(legacyTrackConstraints({ mediaSource: 'camera', advanced: [{ width: 1 }] })).to.equal(null);
    expect(legacyTrackConstraints({ width: { min: 160, max: 320 }, frameRate: { ideal: 30 }, deviceId: { exact: 'abc' }, height: 240 }))
      .to.deep.equal({ mandatory: { minWidth: 160, maxWidth: 320, sourceId: 'abc' }, optional: [{ minFrameRate: 30 }, { minHeight: 240 }] });
    expect(legacyTrackConstraints({ width: { exact: 320 } })).to.deep.equal({ mandatory: { minWidth: 320, maxWidth: 320 }, optional: [] });
    // Round trip of what an app of 2013 wrote.
    const legacy = { mandatory: { maxWidth: 320, maxHeight: 240 }, optional: [{ minFrameRate: 30 }] };
    const there = translateConstraints({ video: legacy });
    expect(legacyTrackConstraints(there.constraints.video)).to.deep.equal(legacy);
  });
});
