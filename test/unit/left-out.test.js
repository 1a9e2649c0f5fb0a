// conformance/left-out/<draft>.json: every member the shim leaves out names a member (or constructor)
// of that draft's member table and says why; the runner marks those failed shim presence checks.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { LEFT_OUT_DIR, leftOutKey, markLeftOut, readLeftOut } from '../../conformance/runner/left-out.js';
import { cellText, summarise } from '../../conformance/runner/summary.js';

const root = path.resolve(import.meta.dirname, '../..');
const files = fs.existsSync(LEFT_OUT_DIR) ? fs.readdirSync(LEFT_OUT_DIR).filter((f) => f.endsWith('.json')) : [];

describe('conformance left-out members', () => {
  for (const f of files) {
    const id = f.slice(0, -5);
    it(`${f}: each entry is a member of conformance/members/${f} with a reason`, () => {
      const table = JSON.parse(fs.readFileSync(path.join(root, 'conformance/members', f), 'utf8'));
      const known = new Set();
      for (const iface of table.interfaces ?? []) {
        if (iface.constructors?.length) known.add(`new ${iface.name}`);
        for (const m of iface.members ?? []) known.add(`${iface.name}.${m.name}`);
      }
      const entries = Object.entries(readLeftOut(id));
      expect(entries.length, 'an empty file says nothing').to.be.above(0);
      for (const [key, reason] of entries) {
        expect(known.has(key), `${key} is not in the ${id} member table`).to.equal(true);
        expect(reason, key).to.be.a('string').with.length.above(10);
      }
    });
  }

  it('check ids map to keys: members and constructors', () => {
    expect(leftOutKey('wd-2016-05-31 IDL RTCPeerConnection.peerIdentity', 'wd-2016-05-31')).to.equal('RTCPeerConnection.peerIdentity');
    expect(leftOutKey('wd-2013-09-10 IDL new RTCIceCandidate(RTCIceCandidateInit)', 'wd-2013-09-10')).to.equal('new RTCIceCandidate');
  });

  it('only a failed shim presence check is marked, and the summary counts it', () => {
    const reasons = { 'X.y': 'no engine exposes what it reads' };
    const row = (mode, result, kind = 'presence') => ({ id: 'd IDL X.y', draft: 'd', kind, mode, browser: 'chromium', result, error: 'missing' });
    const rows = [row('shim', 'failed'), row('native', 'failed'), row('shim', 'passed'), row('shim', 'failed', 'behaviour')].map((r) => markLeftOut(r, reasons));
    expect(rows.map((r) => Boolean(r.leftOut))).to.deep.equal([true, false, false, false]);
    expect(rows[0].error).to.equal('left out: no engine exposes what it reads (missing)');
    const s = summarise([rows[0]], ['d']);
    expect(cellText(s.d.presence['chromium shim'])).to.equal('0/1 (1 left out)');
  });
});
