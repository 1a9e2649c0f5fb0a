/* global WebRTCLegacy */
// Issue 15 "pay only for what you use": the per-era classic script (dist/webrtc-legacy.<year>.js, built
// from the same per-draft entries as `webrtc-legacy/<draft-id>`) installs its drafts' surfaces and no
// other draft's, in a frame of its own, next to the full script of this page.
describe('per-draft entry points', () => {
  beforeEach(() => WebRTCLegacy.uninstall());
  after(() => WebRTCLegacy.uninstall());

  function frameWith(script) {
    return new Promise((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.srcdoc = `<script src="${location.origin}/base/dist/${script}"></script>`;
      frame.onload = () => resolve(frame);
      frame.onerror = reject;
      document.body.appendChild(frame);
    });
  }

  it('dist/webrtc-legacy.2011.js installs exactly the 2011 drafts\' surfaces the full script installs', async () => {
    const is2011 = (surface) => /^[a-z-]*2011-\d\d-\d\d\//.test(surface);
    const full = new Set(WebRTCLegacy.install().map((r) => r.surface));
    const frame = await frameWith('webrtc-legacy.2011.js');
    try {
      const w = frame.contentWindow;
      const mine = new Set(w.WebRTCLegacy.installed().map((r) => r.surface));
      expect(mine.size).to.be.above(0);
      expect([...mine].filter((s) => !is2011(s)), 'surfaces of other eras').to.deep.equal([]);
      expect([...mine].sort()).to.deep.equal([...full].filter(is2011).sort());
      expect(typeof w.PeerConnection).to.equal('function');
      expect(typeof w.navigator.getUserMedia).to.equal('function');
      // Its own usage record: a 2011 member used in the frame is reported there, not here.
      const here = () => WebRTCLegacy.report().find((r) => r.member === 'PeerConnection')?.count ?? 0;
      const before = here();
      w.eval('new PeerConnection("", function () {}).close()');
      expect(w.WebRTCLegacy.report().map((r) => r.member)).to.deep.equal(['PeerConnection']);
      expect(here()).to.equal(before);
    } finally {
      frame.remove();
    }
  });
});
