/* global WebRTCLegacy, T */
// Issue 15: with `warnings: true` one console message the first time each legacy member is used,
// naming the member, its draft, the replacement and the app's calling line; report() lists every
// member the page used with count, call sites, draft and replacement. The "app" here is this file.
describe('warnings and report()', () => {
  let said;
  let original;
  beforeEach(() => {
    WebRTCLegacy.uninstall();
    [said, original] = [[], console.warn];
    console.warn = (...args) => said.push(args.join(' '));
  });
  afterEach(() => WebRTCLegacy.uninstall(console.warn = original));

  const legacyMessages = () => said.filter((s) => /legacy WebRTC draft API/.test(s));
  const gum = (options) => new Promise((resolve, reject) => {
    navigator.getUserMedia(options, resolve, reject); // the call site report() must point at
  });

  it('one message per member, naming draft, replacement and this file; counts and sites in report()', async () => {
    WebRTCLegacy.install({ warnings: true });
    const streams = [];
    for (let i = 0; i < 3; i++) streams.push(await gum('audio'));
    const labels = streams.map((s) => s.label);
    expect(labels.every((l) => typeof l === 'string')).to.equal(true);
    const pc = new PeerConnection('', () => {});
    expect(pc.readyState).to.equal(0);
    expect(pc.readyState).to.equal(0);
    pc.close();
    streams.forEach((s) => s.stop());
    await T.nextTask();

    const messages = legacyMessages();
    const members = ['navigator.getUserMedia', 'MediaStream.prototype.label', 'PeerConnection', 'PeerConnection.prototype.readyState', 'LocalMediaStream.prototype.stop'];
    expect(messages, messages.join('\n')).to.have.length(members.length);
    for (const [i, member] of members.entries()) {
      const m = messages[i];
      expect(m.startsWith(`webrtc-legacy: ${member} (WebRTC draft 2011-10-27)`), m).to.equal(true);
      expect(m, member).to.match(/called at \S*report\.test\.js[^ ]*:\d+:\d+\./);
    }
    expect(messages[0]).to.include('navigator.mediaDevices.getUserMedia({ audio: true, video: true })');
    expect(messages[4]).to.include('stream.getTracks().forEach((t) => t.stop())');

    const rows = WebRTCLegacy.report();
    expect(rows.map((r) => r.member)).to.deep.equal(members);
    const row = (name) => rows.find((r) => r.member === name);
    expect(row('navigator.getUserMedia').count).to.equal(3);
    expect(row('MediaStream.prototype.label').count).to.equal(3);
    expect(row('PeerConnection.prototype.readyState').count).to.equal(2);
    expect(row('PeerConnection').count).to.equal(1);
    for (const r of rows) {
      expect(r.draft, r.member).to.equal('2011-10-27');
      expect(r.replacement, r.member).to.be.a('string').and.not.equal('');
      expect(r.sites.length, r.member).to.be.within(1, 3);
      for (const site of r.sites) expect(site, r.member).to.match(/report\.test\.js[^ ]*:\d+:\d+$/);
    }
    // The same getUserMedia line called three times is one site; the two readyState lines are two.
    expect(row('navigator.getUserMedia').sites).to.have.length(1);
    expect(row('PeerConnection.prototype.readyState').sites).to.have.length(2);
    const [a, b] = row('PeerConnection.prototype.readyState').sites.map((s) => Number(s.split(':').at(-2)));
    expect(b - a).to.equal(1);
    // JSON and console.table take it as it is.
    expect(JSON.parse(JSON.stringify(rows))).to.deep.equal(rows);
    expect(WebRTCLegacy.usage()['navigator.getUserMedia']).to.equal(3);
  });

  it('modern calls are neither said nor reported', async () => {
    WebRTCLegacy.install({ warnings: true });
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const url = URL.createObjectURL(new Blob(['x']));
    URL.revokeObjectURL(url);
    const pc = new RTCPeerConnection();
    pc.addTrack(stream.getTracks()[0], stream);
    pc.close();
    T.stopAll(stream);
    expect(legacyMessages()).to.deep.equal([]);
    expect(WebRTCLegacy.report()).to.deep.equal([]);
  });

  it('without warnings: true nothing is said, but report() still lists what was used', async () => {
    WebRTCLegacy.install();
    const stream = await gum('audio');
    stream.stop();
    await T.nextTask();
    expect(legacyMessages()).to.deep.equal([]);
    expect(WebRTCLegacy.report().map((r) => r.member)).to.deep.equal(['navigator.getUserMedia', 'LocalMediaStream.prototype.stop']);
  });

  it('without webrtc-legacy.members.js the messages and rows still name member, draft and site', async () => {
    // The browser bundles leave the replacements to that script (README "From shim to migration").
    const table = globalThis.WebRTCLegacyMembers;
    delete globalThis.WebRTCLegacyMembers;
    try {
      WebRTCLegacy.install({ warnings: true });
      const stream = await gum('audio');
      stream.stop();
      await T.nextTask();
      const messages = legacyMessages();
      expect(messages, messages.join('\n')).to.have.length(2);
      expect(messages[0]).to.match(/^webrtc-legacy: navigator\.getUserMedia \(WebRTC draft 2011-10-27\) .*called at \S*report\.test\.js.*Today's API: see webrtc-legacy\.members\.js$/);
      const [row] = WebRTCLegacy.report();
      expect(row).to.include({ member: 'navigator.getUserMedia', draft: '2011-10-27', count: 1, replacement: '', note: '' });
    } finally {
      globalThis.WebRTCLegacyMembers = table;
    }
  });

  it('report() is empty before install and after uninstall', () => {
    expect(WebRTCLegacy.report()).to.deep.equal([]);
    WebRTCLegacy.install();
    WebRTCLegacy.uninstall();
    expect(WebRTCLegacy.report()).to.deep.equal([]);
  });
});
