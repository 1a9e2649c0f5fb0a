// 2012-08 WD §4.3.2: {mandatory, optional} offer constraints → RTCOfferOptions. Pure function, run in node.
import { expect } from 'chai';
import { translateOfferConstraints, isLegacyConstraints, OFFER_CONSTRAINTS } from '../../dist/webrtc-legacy.mjs';

describe('wd-2012-08-21 offer constraints translation', () => {
  it('every row names a modern member once and cites its draft', () => {
    expect(new Set(OFFER_CONSTRAINTS.map((r) => r.modern)).size).to.equal(OFFER_CONSTRAINTS.length);
    for (const r of OFFER_CONSTRAINTS) expect(r.cite).to.be.a('string').and.not.empty;
  });
  it('mandatory names become today\'s options', () => {
    const t = translateOfferConstraints({ mandatory: { OfferToReceiveAudio: true, OfferToReceiveVideo: 'false', IceRestart: true, VoiceActivityDetection: false } });
    expect(t.options).to.deep.equal({ offerToReceiveAudio: true, offerToReceiveVideo: false, iceRestart: true, voiceActivityDetection: false });
    expect(t.error).to.equal(undefined);
  });
  it('optional entries apply in order, mandatory wins, unknown or ill-typed optional entries are ignored and listed', () => {
    const t = translateOfferConstraints({
      mandatory: { OfferToReceiveAudio: false },
      optional: [{ OfferToReceiveAudio: true }, { OfferToReceiveVideo: true }, { OfferToReceiveVideo: false }, { Whatever: 1 }, { IceRestart: 7 }, null],
    });
    expect(t.options).to.deep.equal({ offerToReceiveAudio: false, offerToReceiveVideo: true });
    expect(t.ignored).to.have.length(3);
  });
  it('an unknown or ill-typed mandatory constraint is the draft\'s failure', () => {
    expect(translateOfferConstraints({ mandatory: { Nope: true } }).error.constraint).to.equal('Nope');
    expect(translateOfferConstraints({ mandatory: { OfferToReceiveAudio: 1 } }).error.constraint).to.equal('OfferToReceiveAudio');
    expect(translateOfferConstraints({ mandatory: 'x' }).error.constraint).to.equal('mandatory');
  });
  it('engine switches of the time are accepted and ignored, even as mandatory', () => {
    expect(translateOfferConstraints({ mandatory: { MozDontOfferDataChannel: true, OfferToReceiveAudio: true } }).options).to.deep.equal({ offerToReceiveAudio: true });
  });
  it('only {mandatory}/{optional} objects without today\'s members are legacy', () => {
    expect(isLegacyConstraints({ mandatory: {} })).to.equal(true);
    expect(isLegacyConstraints({ optional: [] })).to.equal(true);
    expect(isLegacyConstraints({ offerToReceiveAudio: true })).to.equal(false);
    expect(isLegacyConstraints({ mandatory: {}, offerToReceiveAudio: true })).to.equal(false);
    expect(isLegacyConstraints(null)).to.equal(false);
    expect(isLegacyConstraints(() => {})).to.equal(false);
  });
});
