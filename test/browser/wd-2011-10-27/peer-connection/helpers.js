// Two 2011 PeerConnections in one page, signaling through a relay that delivers each message in a
// later task, as a real channel would. Loaded as a plain script before the peer-connection suites.
/* global T */
window.PC = {
  /** Creates A and B wired to each other. `tap(from, message)` sees every message; return false to drop it. */
  pair({ config = '', tap } = {}) {
    const log = [];
    let a, b;
    const relay = (from) => (message) => {
      log.push({ from, message, parsed: PC.read(message) });
      if (tap && tap(from, message) === false) return;
      setTimeout(() => {
        const to = from === 'A' ? b : a;
        if (to.readyState !== PeerConnection.CLOSED) to.processSignalingMessage(message);
      }, 0);
    };
    a = new PeerConnection(config, relay('A'));
    b = new PeerConnection(config, relay('B'));
    return { a, b, log };
  },
  read(message) {
    try {
      return JSON.parse(message.slice(4));
    } catch {
      return null;
    }
  },
  types(log, from) {
    return log.filter((m) => !from || m.from === from).map((m) => (m.parsed ? m.parsed.messageType : 'SDP'));
  },
  async until(pred, what, ms = 15000) {
    const start = Date.now();
    while (!pred()) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await T.sleep(20);
    }
  },
  active: (...pcs) => PC.until(() => pcs.every((p) => p.readyState === PeerConnection.ACTIVE), 'ACTIVE'),
  /** Mean brightness of a stream's video, drawn through a <video> into a canvas. */
  closeAll(...pcs) {
    for (const p of pcs) if (p && p.readyState !== PeerConnection.CLOSED) p.close();
  },
};
