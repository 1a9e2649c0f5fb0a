/* global conformance, expect */
// mediacapture-2015-04-14 §10 MediaStreamError{name, message, constraintName} handed to the callback
// getUserMedia's errorCallback, with the names of the time.
//
// Not observable from a page (no assertion): PermissionDeniedError (the suite's browsers grant;
// the e2e suite refuses in a browser set up to deny), TrackStartError (needs a device busy elsewhere).
(function () {
  'use strict';
  const { gumResult } = conformance.helpers;
  const draft = 'mediacapture-2015-04-14';

  conformance.define({
    draft,
    section: '10.3',
    title: 'a required constraint no device meets gives ConstraintNotSatisfiedError with constraintName',
    fast: true,
    async run(t) {
      const { stream, error } = await gumResult(t, { video: { deviceId: { exact: 'no-such-device' } } });
      expect(stream).to.equal(undefined);
      expect(error.name).to.equal('ConstraintNotSatisfiedError');
      expect(error.constraintName).to.equal('deviceId');
    },
  });

  conformance.define({
    draft,
    section: '10.3',
    title: 'errorCallback gets the error in a later task, never inside the call',
    fast: true,
    async run(t) {
      let returned = false;
      const p = gumResult(t, { video: { width: { exact: 99999 } } }).then((r) => ({ ...r, afterReturn: returned }));
      returned = true;
      const { error, afterReturn } = await p;
      expect(error.name).to.equal('ConstraintNotSatisfiedError');
      expect(afterReturn).to.equal(true);
    },
  });
})();
