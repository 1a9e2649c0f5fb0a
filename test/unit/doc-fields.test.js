// scripts/doc-fields.js: what the browser bundles leave out of the tables (cite, and a member's
// replacement, note and scanner pattern), and that nothing else goes.
import { resolve } from 'node:path';
import { expect } from 'chai';
import { docFields } from '../../scripts/doc-fields.js';

const root = resolve(import.meta.dirname, '..', '..');
const run = (code) => docFields(root).transform(code, '/x/m.ts')?.code ?? code;

describe('the browser bundles\' documentation fields (scripts/doc-fields.js)', () => {
  it('drops cite from rows, and replacement, note, pattern from members, keeping the objects well-formed', () => {
    const out = run(`export const T = [{ type: 'ssrc', name: 'bytesSent', cite: \`\${LJ} kStatsValueNameBytesSent\`, from: 'outbound-rtp.bytesSent' }];
export const s = { id: 'x', members: [{ name: 'PeerConnection', replacement: 'new RTCPeerConnection()', note: 'n', pattern: 'PeerConnection' }, { name: 'a.b', replacement: 'c' }] };`);
    expect(out).to.not.match(/cite|replacement|note|pattern/);
    const exports = {};
    new Function('exports', 'LJ', out.replace(/export const (\w+)/g, 'exports.$1'))(exports, 'x');
    expect(exports.T).to.deep.equal([{ type: 'ssrc', name: 'bytesSent', from: 'outbound-rtp.bytesSent' }]);
    expect(exports.s).to.deep.equal({ id: 'x', members: [{ name: 'PeerConnection' }, { name: 'a.b' }] });
  });

  it('keeps replacement and note outside members (no name), values that are not literal, and modules that read a field', () => {
    const code = "export const o = { replacement: 'x', note: 'y' };\nexport const m = { name: 'n', replacement: r.replacement };";
    expect(run(code)).to.equal(code);
    const reader = "export const rows = [{ name: 'a', cite: 'c' }];\nexport const f = (r) => r.cite;";
    expect(run(reader)).to.equal(reader);
  });

  it('finds no module of src/ reading a dropped field but those it knows cope with its absence', () => {
    const errors = [];
    docFields(root).buildStart.call({ error: (e) => errors.push(e) });
    expect(errors).to.deep.equal([]);
  });
});
