// scripts/sdp-parse-only.js: the classic scripts and per-draft entries bundle sdp-transform's parser with only the grammar
// rules that can match the lines src/sdp/legacy-sdp.ts parses (m= and the a= prefixes it names). On
// every SDP Chromium 156 and Firefox 153 gave (fixtures/*.sdp), each such line, and all of them
// together as legacy-sdp.ts feeds them, parse the same with the trimmed grammar as with the whole one.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { sdpParseOnly } from '../../scripts/sdp-parse-only.js';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const fixtures = join(root, 'test/unit/fixtures');

describe('the classic scripts\' sdp-transform grammar (scripts/sdp-parse-only.js)', () => {
  let dir;
  let full;
  let trimmed;
  let wanted;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sdp-parse-only-'));
    const lib = join(dir, 'lib');
    cpSync(join(root, 'node_modules/sdp-transform/lib'), lib, { recursive: true });
    const grammar = require.resolve('sdp-transform/lib/grammar.js');
    const out = sdpParseOnly(root).transform.call({ error: (e) => { throw new Error(e); } }, readFileSync(grammar, 'utf8'), grammar);
    writeFileSync(join(lib, 'grammar.js'), out.code);
    full = require('sdp-transform').parse;
    trimmed = createRequire(join(lib, 'x.js'))('./parser.js').parse;
    wanted = [...readFileSync(join(root, 'src/sdp/legacy-sdp.ts'), 'utf8').matchAll(/'(a=[a-z-]+:?)'/g)].map((m) => m[1]);
    expect(wanted).to.include.members(['a=mid:', 'a=candidate:', 'a=ice-ufrag:', 'a=setup:']);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.sdp'))) {
    it(file, () => {
      const lines = readFileSync(join(fixtures, file), 'utf8').split(/\r?\n/).filter((l) => l.startsWith('m=') || wanted.some((w) => l.startsWith(w)));
      expect(lines.length).to.be.above(3);
      for (const l of lines) expect(trimmed(l), l).to.deep.equal(full(l));
      expect(trimmed(lines.join('\r\n'))).to.deep.equal(full(lines.join('\r\n')));
    });
  }
});
