// Issue 15: the one replacement table. Every registered surface lists the legacy members it provides,
// each with a draft and the exact modern replacement; names are unique (they are the keys warnings,
// report() and the scanner share). Reads the built module (npm test builds before the unit tests).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';

const dist = resolve(import.meta.dirname, '..', '..', 'dist', 'webrtc-legacy.mjs');

describe('the replacement table (Surface.members)', () => {
  let registry;
  let ERAS;
  before(async function () {
    if (!existsSync(dist)) throw new Error('dist/webrtc-legacy.mjs is missing: run `npx rollup -c` first');
    ({ registry, ERAS } = await import(pathToFileURL(dist).href));
  });

  it('every registered surface has members, each with a name, a replacement and a known draft', () => {
    expect(registry.length).to.be.above(0);
    for (const surface of registry) {
      expect(surface.members, `${surface.id}: members`).to.be.an('array').that.is.not.empty;
      for (const m of surface.members) {
        const where = `${surface.id} ${m.name}`;
        expect(m.name, where).to.be.a('string').and.match(/\S/);
        expect(m.replacement, `${where}: replacement`).to.be.a('string').and.match(/\S/);
        if (m.note !== undefined) expect(m.note, `${where}: note`).to.be.a('string').and.match(/\S/);
        const drafts = m.drafts ?? surface.drafts;
        expect(drafts, `${where}: drafts`).to.be.an('array').that.is.not.empty;
        for (const d of drafts) expect(ERAS, `${where}: draft ${d}`).to.include(d);
        if (m.drafts) for (const d of m.drafts) expect(surface.drafts, `${where}: its drafts are its surface's`).to.include(d);
      }
    }
  });

  it('member names are unique across the registry', () => {
    const seen = new Map();
    for (const surface of registry) {
      for (const m of surface.members ?? []) {
        expect(seen.has(m.name), `${m.name} is in ${seen.get(m.name)} and ${surface.id}`).to.equal(false);
        seen.set(m.name, surface.id);
      }
    }
  });
});
