// `npm run check:idl`: the conformance member tables (conformance/members/<draft>.json) against the
// drafts' IDL in ../shared/specs/idl (beside the repository, not in it; CI runs this where it is).
//
// The IDL side is read here with a few regular expressions, independently of the converter
// (conformance/members/from-idl.js), so a converter bug shows up as a difference.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const idlDir = path.resolve(root, '../shared/specs/idl');
if (!fs.existsSync(idlDir)) throw new Error(`check:idl needs the drafts' IDL in ${idlDir} (beside this checkout)`);
const drafts = JSON.parse(fs.readFileSync(path.join(root, 'conformance/drafts.json'), 'utf8')).filter((d) => d.id !== 'modern');
const tables = Object.fromEntries(
  drafts.map((d) => [d.id, JSON.parse(fs.readFileSync(path.join(root, 'conformance/members', `${d.id}.json`), 'utf8'))]),
);

const MAPLIKE = ['size', 'entries', 'forEach', 'get', 'has', 'keys', 'values'];

// ---------------------------------------------------------------- the IDL, read plainly

// Every `interface X { … };` block (partial ones too), with its extended attributes and body.
function interfaceBlocks(src) {
  const blocks = [];
  const re = /(\[[^\]]*\]\s*)?(partial\s+)?(callback\s+)?interface\s+(\w+)\s*(?::\s*(\w+)\s*)?\{/g;
  let m;
  while ((m = re.exec(src))) {
    let depth = 1;
    let i = re.lastIndex;
    for (; depth > 0; i++) {
      if (src[i] === '{') depth++;
      else if (src[i] === '}') depth--;
    }
    blocks.push({ ext: m[1] ?? '', partial: !!m[2], callback: !!m[3], name: m[4], inherits: m[5] ?? null, body: src.slice(re.lastIndex, i - 1) });
  }
  return blocks;
}

// Statements of a body, split at `;` outside brackets, extended attributes removed.
function statements(body) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const c of body) {
    if ('([{<'.includes(c)) depth++;
    if (')]}>'.includes(c)) depth--;
    if (c === ';' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  return out.map((s) => s.replace(/\[[^\]]*\]/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

// { members: Set of names, constructors: count, unnamed: count } for one interface block.
function readBody(block) {
  const members = new Set();
  let constructors = (block.ext.match(/\bConstructor\b/g) ?? []).length;
  let unnamed = 0;
  for (const s of statements(block.body)) {
    let name;
    if (/^Constructor\s*\(/.test(s)) { constructors++; continue; }
    if (/^const\s/.test(s)) name = s.match(/(\w+)\s*=/)[1];
    else if (/^serializer\b/.test(s)) name = 'toJSON';
    else if (/\battribute\s/.test(s)) name = s.match(/(\w+)$/)[1];
    else if (/\bmaplike\s*</.test(s)) { MAPLIKE.forEach((n) => members.add(n)); continue; }
    else {
      const op = s.match(/(\w+)\s*\(/);
      const before = s.slice(0, op.index + op[1].length);
      // `stringifier DOMString ()` / `getter RTCStats (DOMString id)`: the word before `(` is a type.
      if (/^stringifier\s+\w+$/.test(before)) name = 'toString';
      else if (/^getter\s+\w+$/.test(before)) { unnamed++; continue; }
      else name = op[1];
    }
    members.add(name.replace(/^_/, ''));
  }
  return { members, constructors, unnamed };
}

function idlFacts(file) {
  const src = fs.readFileSync(path.join(idlDir, file), 'utf8');
  const interfaces = new Map();
  for (const b of interfaceBlocks(src)) {
    const { members, constructors, unnamed } = readBody(b);
    const e = interfaces.get(b.name) ?? { members: new Set(), constructors: 0, unnamed: 0, noInterfaceObject: false, callback: false, inherits: null };
    members.forEach((n) => e.members.add(n));
    e.constructors += constructors;
    e.unnamed += unnamed;
    if (/NoInterfaceObject/.test(b.ext)) e.noInterfaceObject = true;
    if (b.callback || /\bCallback\b/.test(b.ext)) e.callback = true;
    if (b.inherits) e.inherits = b.inherits;
    interfaces.set(b.name, e);
  }
  const names = (re) => [...src.matchAll(re)].map((m) => m[1]);
  return {
    src,
    interfaces,
    dictionaries: names(/\bdictionary\s+(\w+)\s*(?::\s*\w+\s*)?\{/g),
    enums: names(/\benum\s+(\w+)\s*\{/g),
    typedefs: names(/\btypedef\s+[^;]*?\s(\w+)\s*;/g),
    callbacks: names(/\bcallback\s+(?!interface\b)(\w+)\s*=/g),
    implementsNavigator: names(/\bNavigator\s+implements\s+(\w+)\s*;/g),
  };
}


describe('conformance member tables against the drafts\' IDL', function () {
  this.timeout(10000);

  for (const draft of drafts) {
    describe(draft.id, () => {
      const table = tables[draft.id];
      const idl = idlFacts(draft.idl);

      it('lists every interface of the IDL, and only those', () => {
        expect(table.interfaces.map((i) => i.name).sort()).to.deep.equal([...idl.interfaces.keys()].sort());
      });

      it('lists every member of every interface of the IDL, and only those', () => {
        for (const iface of table.interfaces) {
          const fromIdl = idl.interfaces.get(iface.name);
          expect(iface.members.map((m) => m.name).sort(), `${draft.id} ${iface.name}`).to.deep.equal([...fromIdl.members].sort());
          expect(iface.constructors?.length ?? 0, `${draft.id} ${iface.name} constructors`).to.equal(fromIdl.constructors);
          expect(iface.unnamed?.length ?? 0, `${draft.id} ${iface.name} unnamed operations`).to.equal(fromIdl.unnamed);
          if (fromIdl.unnamed) expect(table.notes.join(' '), `${iface.name}: unnamed member noted`).to.include(iface.name);
        }
      });

      it('every member and argument name it records occurs in the IDL', () => {
        const words = new Set(idl.src.match(/\w+/g).map((w) => w.replace(/^_/, '')));
        for (const iface of table.interfaces) {
          for (const m of iface.members) {
            if (m.special) continue; // toString/toJSON/maplike members come from `stringifier`/`serializer`/`maplike`
            expect(words.has(m.name), `${iface.name}.${m.name}`).to.equal(true);
            for (const a of [...(m.args ?? []), ...(m.overloads ?? []).flat()]) expect(words.has(a.name), `${iface.name}.${m.name}(${a.name})`).to.equal(true);
          }
        }
      });

      it('records inheritance, [NoInterfaceObject] and callback interfaces with the right reach', () => {
        for (const iface of table.interfaces) {
          const fromIdl = idl.interfaces.get(iface.name);
          const where = `${draft.id} ${iface.name}`;
          expect(iface.inherits ?? null, where).to.equal(fromIdl.inherits);
          if (fromIdl.callback) expect(iface.reach, where).to.have.key('none');
          if (fromIdl.noInterfaceObject) {
            if (idl.implementsNavigator.includes(iface.name)) expect(iface.reach, where).to.deep.equal({ instance: 'navigator' });
            else expect(iface.reach, where).to.have.key('none');
          }
          if (iface.reach.global) expect(iface.reach.global, where).to.equal(iface.name);
          if (!fromIdl.noInterfaceObject && !fromIdl.callback && !/IdentityProvider(GlobalScope|Registrar)$/.test(iface.name)) {
            expect(iface.reach, where).to.deep.equal({ global: iface.name });
          }
        }
      });

      it('lists the IDL\'s dictionaries, enums, typedefs and callbacks', () => {
        const dicts = (table.dictionaries ?? []).map((d) => d.idlName ?? d.name);
        // Partial dictionaries of a dictionary defined in the same file are merged into it.
        expect([...new Set(dicts)].sort()).to.deep.equal([...new Set(idl.dictionaries)].sort());
        expect((table.enums ?? []).map((e) => e.name).sort()).to.deep.equal(idl.enums.sort());
        expect((table.typedefs ?? []).map((e) => e.name).sort()).to.deep.equal(idl.typedefs.sort());
        expect((table.callbacks ?? []).map((e) => e.name).sort()).to.deep.equal(idl.callbacks.sort());
        for (const e of table.enums ?? []) {
          expect(e.values, e.name).to.be.an('array').and.not.empty;
          e.values.forEach((v) => expect(v, e.name).to.be.a('string'));
        }
      });

      it('records every constant with the value the IDL gives', () => {
        const consts = [...idl.src.matchAll(/\bconst\s+[\w ]+?\s(\w+)\s*=\s*([0-9a-fA-Fx]+)\s*;/g)];
        const recorded = table.interfaces.flatMap((i) => i.members.filter((m) => m.kind === 'constant'));
        expect(recorded).to.have.length(consts.length);
        for (const [, name, text] of consts) {
          const m = recorded.find((c) => c.name === name);
          // 2011: `ICE_CLOSED = 00x700` is the one value that is not a number as written (see the table's notes).
          const value = /^00x/i.test(text) ? Number(text.slice(1)) : Number(text);
          expect(m?.value, name).to.equal(value);
        }
      });
    });
  }
});
