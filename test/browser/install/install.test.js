/* global WebRTCLegacy, T */
// The install contract (DEVELOPERS.md principles 1 and 2): exact uninstall, idempotence, eras.
describe('install / uninstall', () => {
  // Every object a surface may patch. A surface that patches anything else fails the first test
  // below until it is added here, so the exactness check always covers all of them.
  const TARGETS = [
    'window', 'navigator', 'Navigator.prototype', 'MediaDevices.prototype', 'MediaStream', 'MediaStream.prototype',
    'MediaStreamTrack', 'MediaStreamTrack.prototype', 'URL', 'HTMLMediaElement.prototype', 'HTMLSourceElement.prototype', 'Element.prototype',
    'MediaRecorder', 'MediaRecorder.prototype', 'RTCPeerConnection', 'RTCPeerConnection.prototype', 'Event.prototype', 'MediaStreamEvent', 'MediaStreamEvent.prototype',
    // The 2016 drafts (wd-2016-01-28, wd-2016-05-31).
    'RTCRtpTransceiver.prototype', 'RTCIceCandidate.prototype', 'RTCPeerConnectionIceEvent.prototype', 'RTCDtlsTransport.prototype',
    'RTCIceTransport.prototype', 'RTCRtpSender.prototype', 'RTCRtpReceiver.prototype', 'RTCCertificate.prototype',
    'RTCDataChannel.prototype', 'RTCPeerConnectionIceErrorEvent.prototype', 'RTCDTMFSender.prototype',
    // Media Capture 2013–2015 (static getSupportedConstraints, MediaStreamTrackEvent without a track).
    'MediaDevices', 'MediaStreamTrackEvent.prototype',
    // wd-2012-08-21 description-constructors (the interface object's prototype.constructor, toString under its era).
    'RTCSessionDescription.prototype',
  ];
  // Resolve every target first: Firefox defines some interface objects on window lazily, on first use.
  const snapshot = () => TARGETS.map((path) => [path, T.resolve(path)])
    .map(([path, obj]) => [path, obj && Object.getOwnPropertyDescriptors(obj)]);
  function expectSame(before, after) {
    for (let i = 0; i < before.length; i++) {
      const [path, a] = before[i];
      const b = after[i][1];
      const ka = Object.keys(a || {});
      const kb = Object.keys(b || {});
      expect(kb.filter((k) => !ka.includes(k)), `${path}: keys added`).to.deep.equal([]);
      expect(ka.filter((k) => !kb.includes(k)), `${path}: keys removed`).to.deep.equal([]);
      // Firefox's global object reorders its own keys between two enumerations by itself (lazily
      // resolved standard classes), with or without the shim: key order is checked elsewhere only.
      if (path !== 'window') expect(kb, `${path}: key order`).to.deep.equal(ka);
      for (const k of Object.keys(a || {})) {
        for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) {
          if (a[k][f] !== b[k][f] && !(Number.isNaN(a[k][f]) && Number.isNaN(b[k][f]))) {
            throw new Error(`${path}.${k}: descriptor field ${f} differs after uninstall`);
          }
        }
      }
    }
  }

  beforeEach(() => WebRTCLegacy.uninstall());
  after(() => WebRTCLegacy.uninstall());

  it('patches only objects the exactness check covers, and lists each property with its surface', () => {
    const list = WebRTCLegacy.install();
    expect(list.length).to.be.above(0);
    for (const row of list) {
      expect(TARGETS, `${row.target}.${row.property}`).to.include(row.target);
      expect(row.surface).to.match(/^(wd|ed|mediacapture)-\d{4}-\d\d-\d\d\//);
    }
    expect(WebRTCLegacy.installed()).to.deep.equal(list);
    expect(list.map((r) => `${r.target}.${r.property}`)).to.include.members([
      'Navigator.prototype.getUserMedia', 'window.LocalMediaStream', 'MediaStream.prototype.label',
    ]);
  });

  for (const era of ['auto', '2011-10-27', '2012-08-21', '2013-09-10', '2015-02-10', '2016-11-24']) {
    it(`uninstall() restores every patched property descriptor exactly (era ${era})`, () => {
      const before = snapshot();
      WebRTCLegacy.install({ era });
      expect(WebRTCLegacy.installed().length).to.be.above(0);
      WebRTCLegacy.uninstall();
      expectSame(before, snapshot());
      expect(WebRTCLegacy.installed()).to.deep.equal([]);
      expect('LocalMediaStream' in window).to.equal(false);
    });
  }

  it('uninstall() restores every patched property descriptor exactly (era 2016-05-31 with defaultIceServers)', () => {
    const before = snapshot();
    WebRTCLegacy.install({ era: '2016-05-31', defaultIceServers: [{ urls: 'stun:127.0.0.1:3478' }] });
    expect(WebRTCLegacy.installed().map((r) => `${r.target}.${r.property}`)).to.include.members(['window.RTCPeerConnection', 'RTCPeerConnection.defaultIceServers']);
    WebRTCLegacy.uninstall();
    expectSame(before, snapshot());
    expect('defaultIceServers' in RTCPeerConnection).to.equal(false);
  });

  it('is idempotent: a second install() changes nothing', () => {
    const first = WebRTCLegacy.install();
    const gum = navigator.getUserMedia;
    const mid = snapshot();
    const second = WebRTCLegacy.install();
    expect(second).to.deep.equal(first);
    expect(navigator.getUserMedia).to.equal(gum);
    expectSame(mid, snapshot());
  });

  it('reinstalls when the era changes, and uninstall still restores the originals', () => {
    const before = snapshot();
    WebRTCLegacy.install();
    WebRTCLegacy.install({ era: '2011-10-27' });
    expect(WebRTCLegacy.installed().map((r) => r.surface)).to.include('wd-2011-10-27/get-user-media');
    WebRTCLegacy.uninstall();
    expectSame(before, snapshot());
  });

  it('rejects an unknown era with a TypeError naming the valid ones', () => {
    expect(() => WebRTCLegacy.install({ era: '2010-01-01' })).to.throw(TypeError, /2011-10-27/);
    expect(WebRTCLegacy.installed()).to.deep.equal([]);
  });

  it('leaves nothing legacy firing after uninstall: a stopped stream no longer gets `ended`', async () => {
    WebRTCLegacy.install();
    const { stream } = await T.legacyGum('audio');
    const copy = new MediaStream(stream.getTracks());
    let fired = 0;
    copy.addEventListener('ended', () => fired++);
    void copy.label; // watched from now on
    WebRTCLegacy.uninstall();
    stream.getTracks().forEach((t) => t.stop());
    await T.sleep(100);
    expect(fired).to.equal(0);
  });

  it('exposes version, install, uninstall, installed and usage on window.WebRTCLegacy', () => {
    expect(WebRTCLegacy.version).to.match(/^\d+\.\d+\.\d+/);
    for (const f of ['install', 'uninstall', 'installed', 'usage']) expect(WebRTCLegacy[f]).to.be.a('function');
  });
});

describe('install({ warnings })', () => {
  let said;
  let original;
  beforeEach(() => {
    said = [];
    original = console.warn;
    console.warn = (...args) => { said.push(args.join(' ')); };
  });
  afterEach(() => {
    console.warn = original;
    WebRTCLegacy.uninstall();
  });

  it('says once per legacy member that it is legacy, with today’s API; counts every use', async () => {
    WebRTCLegacy.install({ warnings: true });
    for (let i = 0; i < 3; i++) T.stopAll((await T.legacyGum('audio')).stream);
    const legacy = said.filter((s) => /legacy WebRTC draft API/.test(s));
    expect(legacy).to.have.length(1);
    expect(legacy[0]).to.match(/navigator\.mediaDevices\.getUserMedia/);
    expect(WebRTCLegacy.usage()['navigator.getUserMedia']).to.equal(3);
  });

  it('says nothing by default, but still says what was wrong with bad input', async () => {
    WebRTCLegacy.install();
    T.stopAll((await T.legacyGum('audio, video sideways')).stream);
    expect(said.filter((s) => /legacy WebRTC draft API/.test(s))).to.deep.equal([]);
    expect(said.join('\n')).to.match(/ignored "sideways"/);
  });
});
