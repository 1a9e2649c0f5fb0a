/* global WebRTCLegacy, Shape, T */
// Issue 12 "Widening without a trace": what web-platform-tests' idlharness observes of every WebRTC and
// Media Capture interface (interface objects, descriptors, .length/.name, [[Construct]], brand checks,
// too few arguments, class strings, instances) is recorded on this page without the shim, then with
// install() for 'auto' and every era; the only differences allowed are ADDED members, and, for an
// explicit era, the live meanings that era deliberately gives an old name (principle 1), listed below.
describe('idlharness shape: the same with and without the shim', () => {
  let native;
  const calls = (path) => `${path}#descriptor` in native;

  // Facts an explicit era changes on purpose (a Surface with `collides: true`), by substring of the fact.
  const TRACK_STATES = { 'MediaStreamTrack instance.readyState#read': 'mediacapture-2012-06-28/track-ready-state: readyState reads 0/1/2 under the 2012 eras' };
  const STATS_2016 = { 'RTCStatsReport instance#[[Prototype]]': "wd-2016-01-28/get-stats: getStats() resolves with a maplike of the 2016 stats names, inheriting from RTCStatsReport.prototype (the native one's members would throw on it)" };
  if (T.isFirefox) {
    // Firefox's own RTCStatsReport has()/get() take 0 arguments without a TypeError (WebIDL: 1 required;
    // an engine bug); the 2016 eras' report follows WebIDL.
    STATS_2016['RTCStatsReport instance.has#called with 0 arguments'] = 'Firefox: the native maplike does not throw (engine bug)';
    STATS_2016['RTCStatsReport instance.get#called with 0 arguments'] = 'Firefox: the native maplike does not throw (engine bug)';
  }
  // Firefox's promise getIdentityAssertion() and promise peerIdentity are, under the 2013–2015 eras,
  // the drafts' void getIdentityAssertion() answered by events and peerIdentity an object or null
  // (wd-2016-05-31/identity/identity-events, collides): a wrong `this` throws instead of rejecting.
  const IDENTITY_EVENTS = {
    'RTCPeerConnection.prototype.getIdentityAssertion#this': 'identity-events: a void operation of the 2013–2015 drafts throws where the promise one rejects',
    'RTCPeerConnection.prototype.peerIdentity.get#this': 'identity-events: peerIdentity is an object or null, not a promise, under the 2013–2015 drafts',
    'RTCPeerConnection instance.peerIdentity#read': 'identity-events: peerIdentity is null until the peer is verified, not a pending promise',
  };
  // 2012-08 … 2015-02: `[Constructor(optional …Init)]` with every member optional (wd-2012-08-21/
  // description-constructors, collides): an init today's constructors reject makes the drafts' object.
  const OPTIONAL_INITS = {
    'RTCIceCandidate#new with no arguments': 'description-constructors: new RTCIceCandidate() of the 2012-08 … 2015-02 drafts',
    'RTCSessionDescription#new with no arguments': 'description-constructors: new RTCSessionDescription() of the 2012-08 … 2015-02 drafts',
  };
  const EXPECTED = {
    '2012-02-09': TRACK_STATES, '2012-03-18': TRACK_STATES, '2012-08-21': OPTIONAL_INITS,
    '2013-09-10': { ...IDENTITY_EVENTS, ...OPTIONAL_INITS }, '2015-02-10': { ...IDENTITY_EVENTS, ...OPTIONAL_INITS },
    '2016-01-28': STATS_2016, '2016-05-31': STATS_2016, '2016-11-24': STATS_2016,
  };

  /** What WebIDL asks of a member the shim ADDS (principle 1: "behaves as a WebIDL member of its draft"). */
  function addedNotLikeWebIDL(shim, added) {
    const bad = [];
    for (const k of added) {
      const v = shim[k];
      // Interface objects the shim adds (window.X) are constructors; members are not.
      if (/#(isConstructor|own prototype)$/.test(k) && !/^[A-Za-z]+#/.test(k) && v !== 'false') bad.push(`${k}: ${v}`);
      if (/#this = (null|\{\})$/.test(k) && !/^(throws|rejects) TypeError$/.test(v)) bad.push(`${k}: ${v}`);
      if (/\.get#name$/.test(k) && !v.startsWith('get ')) bad.push(`${k}: ${v}`);
      if (/\.set#name$/.test(k) && !v.startsWith('set ')) bad.push(`${k}: ${v}`);
    }
    return bad;
  }

  before(async function () {
    this.timeout(180000);
    WebRTCLegacy.uninstall();
    native = await Shape.probe();
  });
  afterEach(() => WebRTCLegacy.uninstall());

  // src/install/types.ts ERAS (the classic script does not expose it).
  const ERAS = ['2011-10-27', '2012-02-09', '2012-03-18', '2012-08-21', '2013-09-10', '2015-02-10', '2016-01-28', '2016-05-31', '2016-11-24'];
  for (const era of ['auto', ...ERAS]) {
    it(`era ${era}: every native fact is unchanged, only members are added`, async function () {
      this.timeout(180000);
      WebRTCLegacy.install({ era });
      let shim;
      try {
        shim = await Shape.probe({ calls });
      } finally {
        WebRTCLegacy.uninstall();
      }
      const d = Shape.diff(native, shim, EXPECTED[era] || {});
      // The whole list on the console (KARMA_CONSOLE=1): the reporter shows a failure's first lines only.
      if (d.removed.length || d.changed.length) console.log(`era ${era}:\n${[...d.removed.map((k) => `removed ${k}`), ...d.changed].join('\n')}`);
      expect(Object.keys(native).length, 'facts recorded').to.be.above(500);
      expect(d.removed, 'facts gone with the shim').to.deep.equal([]);
      expect(d.changed, 'facts changed by the shim').to.deep.equal([]);
      const bad = addedNotLikeWebIDL(shim, d.added);
      if (bad.length) console.log(`era ${era}, added members unlike WebIDL ones:\n${bad.join('\n')}`);
      expect(bad, 'added members unlike WebIDL ones').to.deep.equal([]);
    });
  }

  it('uninstall() leaves every fact as it was', async function () {
    this.timeout(180000);
    WebRTCLegacy.install({ era: '2011-10-27' });
    WebRTCLegacy.uninstall();
    const after = await Shape.probe();
    const d = Shape.diff(native, after);
    expect([...d.removed, ...d.changed, ...d.added]).to.deep.equal([]);
  });
});
