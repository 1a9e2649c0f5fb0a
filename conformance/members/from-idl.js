#!/usr/bin/env node
// Converter from the drafts' IDL (../shared/specs/idl/) to the member tables of
// conformance/README.md ("Member tables"). Run by hand, then read every output against
// its IDL: `node conformance/members/from-idl.js [draft …]` writes conformance/members/<draft>.json.
//
// Why our own reader and not webidl2: these IDLs predate today's Web IDL and several
// are not valid Web IDL at all (`in` arguments, `voice`, `00x700`, `optional optional`,
// `nullable DOMString`, `Constructor(...)` as a member, bare-word enums, `callback X = void
// { … }`, `implements`). A strict parser rejects them; we read them leniently and record
// in each file's `notes` every place where we had to read past the letter of the IDL.
// Facts the syntax cannot give (why an interface is unreachable, a dictionary named twice)
// come from OVERRIDES below, each with its note. Correct facts there, not in the JSON: a re-run
// rewrites the JSON and keeps what OVERRIDES says.
//
// Fields beyond the README's example, all facts of the IDL:
//   interface: partial (only partial definitions here, e.g. URL), callback, noInterfaceObject,
//              inherits, implements (`X implements EventTarget`), exposed, unnamed (an anonymous
//              getter: no name to check, see notes)
//   member:    static; method `returns`, `overloads` (every argument list when a name is declared
//              more than once, also across partials; `args` is the first), `special`
//              (stringifier → toString, serializer → toJSON, maplike → its members)
//   argument:  optional, variadic, default
//   table:     typedefs, callbacks (callback functions); dictionary `idlName` when renamed (notes say why)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const idlDir = path.resolve(root, '../shared/specs/idl');

// ---------------------------------------------------------------- tokens

function tokenize(src) {
  const tokens = [];
  const re = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|("[^"]*")|(-?(?:0[xX][0-9a-fA-F]+|\d+(?:[xX][0-9a-fA-F]+)?(?:\.\d+)?(?:[eE][+-]?\d+)?))|([A-Za-z_][A-Za-z0-9_-]*)|(\.\.\.|[[\](){}<>;,=?:.*])/y;
  let m;
  re.lastIndex = 0;
  while (re.lastIndex < src.length) {
    const at = re.lastIndex;
    m = re.exec(src);
    if (!m) throw new Error(`cannot read IDL at ${JSON.stringify(src.slice(at, at + 30))}`);
    if (m[1]) tokens.push({ t: 'string', v: m[1] });
    else if (m[2]) tokens.push({ t: 'number', v: m[2] });
    else if (m[3]) tokens.push({ t: 'ident', v: m[3] });
    else if (m[4]) tokens.push({ t: 'punct', v: m[4] });
  }
  return tokens;
}

// ---------------------------------------------------------------- parser

class Reader {
  constructor(tokens, notes) {
    this.tk = tokens;
    this.i = 0;
    this.notes = notes;
    this.noted = new Map();
    this.where = null;
  }
  peek(o = 0) { return this.tk[this.i + o]; }
  is(v, o = 0) { const x = this.peek(o); return !!x && x.v === v; }
  next() { const x = this.tk[this.i++]; if (!x) throw new Error('unexpected end of IDL'); return x; }
  eat(v) { if (this.is(v)) { this.i++; return true; } return false; }
  expect(v) { const x = this.next(); if (x.v !== v) throw new Error(`expected ${v}, got ${x.v} near ${this.context()}`); return x; }
  // A member or argument name.
  memberName() {
    const raw = this.ident();
    if (raw.startsWith('_')) this.note(`The IDL writes \`${raw}\`: a leading underscore escapes a keyword in Web IDL, so the name is \`${unescape(raw)}\`.`);
    return unescape(raw);
  }
  ident() { const x = this.next(); if (x.t !== 'ident') throw new Error(`expected a name, got ${x.v} near ${this.context()}`); return x.v; }
  context() { return this.tk.slice(Math.max(0, this.i - 8), this.i + 4).map((x) => x.v).join(' '); }
  // Notes are collected per text with the definitions they occur in, and written out by finish().
  note(text) {
    if (!this.noted.has(text)) this.noted.set(text, new Set());
    if (this.where) this.noted.get(text).add(this.where);
  }
  finish() {
    for (const [text, where] of this.noted) this.notes.push(where.size ? `${text} (in ${[...where].join(', ')})` : text);
  }
  // The name of the definition starting here: the first name after its extended attributes and keywords.
  nameAhead() {
    let j = this.i;
    if (this.tk[j]?.v === '[') {
      let depth = 0;
      for (; j < this.tk.length; j++) {
        if (this.tk[j].v === '[') depth++;
        else if (this.tk[j].v === ']' && --depth === 0) { j++; break; }
      }
    }
    while (this.tk[j] && ['partial', 'callback', 'interface', 'dictionary', 'enum'].includes(this.tk[j].v)) j++;
    return this.tk[j]?.v ?? null;
  }

  // [A, B=C, Constructor(args), Constructor] — Constructor items become `ctors`.
  extAttrs() {
    const out = { names: [], ctors: [], exposed: null, raw: [] };
    if (!this.eat('[')) return out;
    while (!this.eat(']')) {
      const name = this.ident();
      out.names.push(name);
      let value = null;
      if (this.eat('=')) {
        value = this.next().v;
        if (name === 'Exposed') out.exposed = value;
      }
      let args = null;
      if (this.is('(')) args = this.args();
      if (name === 'Constructor') out.ctors.push(args ?? []);
      out.raw.push(value ? `${name}=${value}` : name);
      this.eat(',');
    }
    return out;
  }

  // A type, as text: `unsigned short`, `sequence<MediaStreamTrack>`, `(boolean or MediaTrackConstraints)`, `MediaStream[]?`.
  type() {
    let text;
    if (this.eat('(')) {
      const parts = [this.type()];
      while (this.eat('or')) parts.push(this.type());
      this.expect(')');
      text = `(${parts.join(' or ')})`;
    } else {
      if (this.is('dictionary')) {
        // 2012-06-01: `(DOMString or dictionary MediaTrackConstraints) video` — the keyword is not part of a type.
        this.next();
        this.note('The IDL writes `dictionary X` inside member types (`dictionary MediaTrackConstraintSet? mandatory`); read as the type X.');
      }
      if (this.is('nullable')) {
        this.next();
        const inner = this.type();
        this.note('The IDL writes `nullable DOMString`; read as `DOMString?`.');
        return inner.endsWith('?') ? inner : `${inner}?`;
      }
      const words = [this.ident()];
      if (words[0] === 'voice') {
        words[0] = 'void';
        this.note('The IDL writes `voice getRecordedData (…)`, a typo for `void`; recorded as returning void.');
      }
      if (['unsigned', 'unrestricted'].includes(words[0])) words.push(this.ident());
      if (words[words.length - 1] === 'long' && this.is('long')) words.push(this.ident());
      text = words.join(' ');
      if (this.eat('<')) {
        const params = [this.type()];
        while (this.eat(',')) params.push(this.type());
        this.expect('>');
        text += `<${params.join(', ')}>`;
      }
    }
    for (;;) {
      if (this.is('[') && this.is(']', 1)) { this.i += 2; text += '[]'; continue; }
      if (this.eat('?')) { text += '?'; continue; }
      break;
    }
    return text;
  }

  // (args) → [{ name, type, optional?, variadic?, default? }]
  args() {
    this.expect('(');
    const list = [];
    while (!this.eat(')')) {
      this.extAttrs();
      if (this.eat('in')) this.note('The IDL uses the old `in` keyword on arguments; read as plain arguments.');
      let optional = false;
      while (this.eat('optional')) {
        if (optional) this.note('The IDL writes `optional optional`; read as one `optional`.');
        optional = true;
      }
      const type = this.type();
      const variadic = this.eat('...');
      const name = this.memberName();
      const arg = { name, type };
      if (optional) arg.optional = true;
      if (variadic) arg.variadic = true;
      if (this.eat('=')) arg.default = this.defaultValue();
      list.push(arg);
      this.eat(',');
    }
    return list;
  }

  defaultValue() {
    const x = this.next();
    if (x.v === '[') { this.expect(']'); return []; }
    if (x.v === '{') { this.expect('}'); return {}; }
    if (x.t === 'string') return x.v.slice(1, -1);
    if (x.t === 'number') return Number(x.v);
    if (x.v === 'true') return true;
    if (x.v === 'false') return false;
    if (x.v === 'null') return null;
    return x.v;
  }

  constValue() {
    const x = this.next();
    if (x.t === 'number') {
      if (/^-?00[xX]/.test(x.v)) {
        const fixed = x.v.replace(/^(-?)0(0[xX])/, '$1$2');
        this.note(`The IDL writes the constant value \`${x.v}\`, not a valid number; read as ${fixed} (= ${Number(fixed)}), following the 0x100…0x600 sequence it ends.`);
        return Number(fixed);
      }
      return Number(x.v);
    }
    if (x.v === 'true') return true;
    if (x.v === 'false') return false;
    if (x.v === 'null') return null;
    throw new Error(`constant value ${x.v}?`);
  }
}

// Web IDL: a leading underscore escapes a name that is a keyword (`_readonly` is the member `readonly`).
function unescape(name) {
  return name.startsWith('_') ? name.slice(1) : name;
}

function parse(src, notes) {
  const r = new Reader(tokenize(src), notes);
  const defs = [];
  while (r.peek()) {
    r.where = r.is('typedef') ? null : r.nameAhead();
    const ext = r.extAttrs();
    let partial = false;
    let callback = false;
    if (r.eat('partial')) partial = true;
    if (r.is('callback') && r.is('interface', 1)) { r.next(); callback = true; }
    const kw = r.ident();
    if (kw === 'interface') {
      const name = r.ident();
      const inherits = r.eat(':') ? r.ident() : null;
      const body = interfaceBody(r, name);
      r.eat(';');
      defs.push({ def: 'interface', name, inherits, partial, callback, ext, ...body });
    } else if (kw === 'dictionary') {
      const name = r.ident();
      const inherits = r.eat(':') ? r.ident() : null;
      r.expect('{');
      const members = [];
      while (!r.eat('}')) {
        r.extAttrs();
        const required = r.eat('required');
        if (r.eat('readonly')) r.note('The IDL puts `readonly` on a dictionary member (dictionaries have no readonly members); ignored.');
        const type = r.type();
        const m = { name: r.memberName(), type };
        if (required) m.required = true;
        if (r.eat('=')) m.default = r.defaultValue();
        r.expect(';');
        while (r.eat(';')) r.note('The IDL ends dictionary members with `;;`; read as one `;`.');
        members.push(m);
      }
      r.eat(';');
      defs.push({ def: 'dictionary', name, inherits, partial, members });
    } else if (kw === 'enum') {
      const name = r.ident();
      r.expect('{');
      const values = [];
      let bare = false;
      while (!r.eat('}')) {
        const x = r.next();
        if (x.v === ',' || x.v === ';') continue;
        if (x.t === 'string') values.push(x.v.slice(1, -1));
        else { values.push(x.v); bare = true; }
      }
      if (bare) r.note('The IDL writes the enum values as bare words separated by `;` (`{ offer; pranswer; … }`); read as the strings they name.');
      r.eat(';');
      defs.push({ def: 'enum', name, values });
    } else if (kw === 'typedef') {
      const type = r.type();
      const name = r.ident();
      r.expect(';');
      if (type === 'sequence') r.note(`The IDL writes \`typedef sequence ${name}\` without an element type; recorded as "sequence".`);
      defs.push({ def: 'typedef', name, type });
    } else if (kw === 'callback') {
      const name = r.ident();
      r.expect('=');
      const returns = r.type();
      let args;
      if (r.is('{')) {
        // 2012-06-28 / 2016-01-28: `callback X = void { T name; };` — arguments written as a dictionary body.
        r.next();
        args = [];
        while (!r.eat('}')) {
          const type = r.type();
          args.push({ name: r.ident(), type });
          r.expect(';');
        }
        r.note('The IDL writes the callback as `callback X = void { T name; }` (braces); read the body as the argument list.');
      } else {
        args = r.args();
      }
      r.eat(';');
      defs.push({ def: 'callback', name, returns, args });
    } else {
      // `A implements B;`
      const target = kw;
      r.expect('implements');
      const mixin = r.ident();
      r.expect(';');
      defs.push({ def: 'implements', target, mixin });
    }
  }
  r.finish();
  return defs;
}

function interfaceBody(r, ifaceName) {
  r.expect('{');
  const members = [];
  const ctors = [];
  const specials = [];
  while (!r.eat('}')) {
    r.extAttrs();
    if (r.is('Constructor') && r.is('(', 1)) {
      // 2016-01-28 writes the constructor as a member: `Constructor (optional RTCConfiguration configuration);`
      r.next();
      ctors.push(r.args());
      r.expect(';');
      r.note('The IDL writes the constructor as an interface member (`Constructor (…);` inside the body) instead of `[Constructor(…)]`; read as a constructor.');
      continue;
    }
    if (r.eat('const')) {
      const type = r.type();
      const name = r.ident();
      r.expect('=');
      members.push({ name, kind: 'constant', type, value: r.constValue() });
      r.expect(';');
      continue;
    }
    if (r.is('serializer')) {
      r.next();
      let spec = '';
      if (r.eat('=')) {
        const parts = [];
        if (r.eat('{')) { while (!r.eat('}')) parts.push(r.next().v); spec = `{${parts.join(' ').replace(/ ,/g, ',')}}`; } else spec = r.next().v;
      }
      r.expect(';');
      members.push({ name: 'toJSON', kind: 'method', args: [], returns: 'object', special: `serializer${spec ? ` = ${spec}` : ''}` });
      continue;
    }
    if (r.is('maplike') || (r.is('readonly') && r.is('maplike', 1))) {
      const readonly = r.eat('readonly');
      r.expect('maplike');
      r.expect('<');
      const k = r.type(); r.expect(','); const v = r.type();
      r.expect('>');
      r.expect(';');
      const special = `${readonly ? 'readonly ' : ''}maplike<${k}, ${v}>`;
      // Web IDL: a maplike declaration gives these members to the interface's prototype.
      members.push({ name: 'size', kind: 'attribute', type: 'unsigned long', readonly: true, special });
      for (const [name, args] of [['entries', []], ['forEach', [{ name: 'callback', type: 'Function' }]], ['get', [{ name: 'key', type: k }]], ['has', [{ name: 'key', type: k }]], ['keys', []], ['values', []]]) {
        members.push({ name, kind: 'method', args, special });
      }
      if (!readonly) for (const name of ['set', 'delete', 'clear']) members.push({ name, kind: 'method', args: [], special });
      continue;
    }
    let isStatic = false;
    let stringifier = false;
    let getter = false;
    if (r.eat('static')) isStatic = true;
    if (r.eat('stringifier')) stringifier = true;
    if (r.eat('getter')) getter = true;
    const readonly = r.eat('readonly');
    if (r.eat('attribute')) {
      const type = r.type();
      const name = r.memberName();
      r.expect(';');
      const handler = /^on/.test(name) && /^(EventHandler|Function)\??$/.test(type);
      const m = handler ? { name, kind: 'event-handler', type } : { name, kind: 'attribute', type, readonly };
      if (isStatic) m.static = true;
      members.push(m);
      continue;
    }
    const returns = r.type();
    const name = r.is('(') ? null : r.memberName();
    const args = r.args();
    r.expect(';');
    if (!name) {
      if (stringifier) members.push({ name: 'toString', kind: 'method', args: [], returns, special: 'stringifier' });
      else specials.push(`${getter ? 'getter ' : ''}${returns} (${args.map((a) => `${a.type} ${a.name}`).join(', ')})`);
      continue;
    }
    const m = { name, kind: 'method', args, returns };
    if (isStatic) m.static = true;
    if (getter) m.special = 'getter';
    members.push(m);
  }
  return { members, ctors, specials, ifaceName };
}

// ---------------------------------------------------------------- overrides

// Facts the syntax does not carry. `none` reasons are written per interface; the rest is
// reach by rule (see reachOf).
const CALLBACK_REASON = 'callback interface: the app implements it (a function or its own object) and the browser calls it; no object by this name exists in a page';
const OVERRIDES = {
  '*': {
    none: {
      NavigatorUserMediaError: '[NoInterfaceObject]: only seen as the argument the browser passes to getUserMedia\'s error callback',
      MediaStreamError: '[NoInterfaceObject]: only seen as the argument the browser passes to getUserMedia\'s error callback',
      MediaStreamOptions: '[NoInterfaceObject]: only ever passed in by the app, as getUserMedia\'s options argument',
      ConstrainablePattern: '[NoInterfaceObject]: a pattern the draft restates on MediaStreamTrack; no object implements it by this name',
      RTCIdentityEvent: '[NoInterfaceObject]: only seen as the event object of onidentityresult; no interface object to check against',
      RTCIdentityErrorEvent: '[NoInterfaceObject]: only seen as the event object of onidpassertionerror/onidpvalidationerror; no interface object to check against',
      RTCIdentityProviderGlobalScope: 'the global scope of an identity provider\'s proxy (a worker-like realm), not of a page',
      RTCIdentityProviderRegistrar: 'exists only inside an identity provider\'s proxy realm (RTCIdentityProviderGlobalScope.rtcIdentityProvider), not in a page',
    },
  },
  'wd-2013-09-10': {
    none: {
      RTCDTMFSender: '[NoInterfaceObject]: only returned by RTCPeerConnection.createDTMFSender(track), which needs a live audio track in a connection; no interface object to check against',
    },
  },
  'wd-2015-02-10': {
    none: {
      RTCDTMFSender: '[NoInterfaceObject]: only returned by RTCPeerConnection.createDTMFSender(track), which needs a live audio track in a connection; no interface object to check against',
    },
  },
  'wd-2016-01-28': {
    none: {
      RTCDTMFSender: '[NoInterfaceObject]: only reached as RTCRtpSender.dtmf on a sender of a connection; no interface object to check against',
    },
  },
  'wd-2016-05-31': {
    none: {
      RTCDTMFSender: '[NoInterfaceObject]: only reached as RTCRtpSender.dtmf on a sender of a connection; no interface object to check against',
    },
  },
  'wd-2016-08-03': {
    none: {
      RTCDTMFSender: '[NoInterfaceObject]: only reached as RTCRtpSender.dtmf on a sender of a connection; no interface object to check against',
    },
  },
  'wd-2012-08-21': {
    // The draft declares `dictionary RTCIceServer` twice; the second one holds `RTCIceServer[] iceServers`
    // and is what the constructor calls RTCConfiguration.
    renameSecondDictionary: { RTCIceServer: 'RTCConfiguration' },
    notes: ['`onnegotationneeded` (sic) is recorded as the draft spells it: an app written from this draft would set that name (browsers spell it onnegotiationneeded).'],
  },
};

// ---------------------------------------------------------------- build a table

function build(draft) {
  const notes = [];
  const src = fs.readFileSync(path.join(idlDir, draft.idl), 'utf8');
  const defs = parse(src, notes);
  const over = { ...OVERRIDES['*'], ...(OVERRIDES[draft.id] ?? {}), none: { ...OVERRIDES['*'].none, ...(OVERRIDES[draft.id]?.none ?? {}) } };

  const interfaces = new Map();
  const dictionaries = [];
  const enums = [];
  const typedefs = [];
  const callbacks = [];
  const mixedInto = new Map();
  const implementsOf = new Map();
  const seenDict = new Set();

  for (const d of defs) {
    if (d.def === 'interface') {
      let entry = interfaces.get(d.name);
      if (!entry) {
        entry = { name: d.name, partialOnly: true, noInterfaceObject: false, callback: false, inherits: null, exposed: null, constructors: [], members: [], specials: [] };
        interfaces.set(d.name, entry);
      }
      if (!d.partial) entry.partialOnly = false;
      if (d.ext.names.includes('NoInterfaceObject')) entry.noInterfaceObject = true;
      if (d.callback || d.ext.names.includes('Callback')) entry.callback = true;
      if (d.ext.exposed) entry.exposed = d.ext.exposed;
      if (d.ext.names.includes('Global')) entry.global = true;
      if (d.inherits) entry.inherits = d.inherits;
      entry.constructors.push(...d.ext.ctors, ...d.ctors);
      entry.specials.push(...d.specials);
      for (const m of d.members) mergeMember(entry, m);
    } else if (d.def === 'dictionary') {
      let name = d.name;
      if (seenDict.has(name) && !d.partial) {
        const renamed = over.renameSecondDictionary?.[name];
        if (!renamed) throw new Error(`${draft.id}: dictionary ${name} declared twice`);
        notes.push(`The IDL declares \`dictionary ${name}\` twice; the second one (member \`iceServers\`) is the ${renamed} the RTCPeerConnection constructor takes, so it is recorded as ${renamed} (idlName ${name}).`);
        name = renamed;
      }
      seenDict.add(d.name);
      const existing = dictionaries.find((x) => x.name === name);
      if (existing && d.partial) { existing.members.push(...d.members); continue; }
      const entry = { name };
      if (name !== d.name) entry.idlName = d.name;
      if (d.partial) entry.partial = true;
      if (d.inherits) entry.inherits = d.inherits;
      entry.members = d.members;
      dictionaries.push(entry);
    } else if (d.def === 'enum') {
      enums.push({ name: d.name, values: d.values });
    } else if (d.def === 'typedef') {
      typedefs.push({ name: d.name, type: d.type });
    } else if (d.def === 'callback') {
      callbacks.push({ name: d.name, returns: d.returns, args: d.args });
    } else if (d.def === 'implements') {
      if (!mixedInto.has(d.mixin)) mixedInto.set(d.mixin, []);
      mixedInto.get(d.mixin).push(d.target);
      if (!implementsOf.has(d.target)) implementsOf.set(d.target, []);
      implementsOf.get(d.target).push(d.mixin);
    }
  }

  if (draft.id === 'wd-2011-10-27') {
    notes.push('The 2011 IDL writes `interface URL { static DOMString createObjectURL (MediaStream stream); }` without `partial`; it extends the File API\'s URL, so it is reached as the global URL and marked partial.');
    interfaces.get('URL').partialOnly = true;
  }
  const out = [];
  for (const e of interfaces.values()) {
    const entry = { name: e.name, reach: reachOf(e, mixedInto, over, draft) };
    if (e.partialOnly) entry.partial = true;
    if (e.callback) entry.callback = true;
    if (e.noInterfaceObject) entry.noInterfaceObject = true;
    if (e.inherits) entry.inherits = e.inherits;
    if (implementsOf.has(e.name)) entry.implements = implementsOf.get(e.name);
    if (e.exposed) entry.exposed = e.exposed;
    if (e.constructors.length) entry.constructors = e.constructors;
    entry.members = e.members;
    if (e.specials.length) {
      entry.unnamed = e.specials;
      notes.push(`${e.name} declares an unnamed ${e.specials.join('; ')}: no property name an app could look up, so no member and no check.`);
    }
    out.push(entry);
  }

  notes.push(...(OVERRIDES[draft.id]?.notes ?? []));
  const table = { draft: draft.id, idl: draft.idl, notes, interfaces: out };
  if (dictionaries.length) table.dictionaries = dictionaries;
  if (enums.length) table.enums = enums;
  if (typedefs.length) table.typedefs = typedefs;
  if (callbacks.length) table.callbacks = callbacks;
  return table;
}

// Overloads (the same name declared again, also across partial interfaces) are one member:
// `args` is the first declaration's list and `overloads` holds every list.
function mergeMember(entry, m) {
  const prev = entry.members.find((x) => x.name === m.name && !!x.static === !!m.static);
  if (!prev) { entry.members.push(m); return; }
  if (prev.kind !== 'method' || m.kind !== 'method') throw new Error(`${entry.name}.${m.name} declared twice as ${prev.kind} and ${m.kind}`);
  prev.overloads ??= [prev.args];
  prev.overloads.push(m.args);
  if (m.returns !== prev.returns && !(prev.returnsOverloads ?? []).includes(m.returns)) {
    prev.returnsOverloads ??= [prev.returns];
    prev.returnsOverloads.push(m.returns);
  }
}

function reachOf(e, mixedInto, over, draft) {
  if (over.none[e.name] && (e.noInterfaceObject || e.callback || e.exposed || e.global || e.inherits === 'WorkerGlobalScope' || e.name === 'RTCIdentityProviderRegistrar')) {
    return { none: over.none[e.name] };
  }
  if (e.callback) return { none: CALLBACK_REASON };
  if (e.noInterfaceObject) {
    const targets = mixedInto.get(e.name) ?? [];
    if (targets.includes('Navigator')) return { instance: 'navigator' };
    throw new Error(`${draft.id}: [NoInterfaceObject] ${e.name} needs a reach (add it to OVERRIDES)`);
  }
  if (e.exposed && e.exposed !== 'Window') throw new Error(`${draft.id}: ${e.name} is exposed in ${e.exposed}; add a reason to OVERRIDES`);
  return { global: e.name };
}

// ---------------------------------------------------------------- output

// Pretty-print with one member, argument list or value per line: the tables are read by people.
function format(value, indent = '') {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      const line = JSON.stringify(value);
      if (line.length <= 100) return line;
      return `[\n${value.map((v) => inner + JSON.stringify(v)).join(',\n')}\n${indent}]`;
    }
    return `[\n${value.map((v) => inner + (isLeafish(v) ? JSON.stringify(v) : format(v, inner))).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    if (Object.values(value).every((v) => typeof v !== 'object' || v === null)) return JSON.stringify(value);
    const keys = Object.keys(value);
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${format(value[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

// A member, argument list or dictionary member goes on one line.
function isLeafish(v) {
  if (Array.isArray(v)) return v.every((x) => x && typeof x === 'object' && !Array.isArray(x) && 'type' in x);
  return !!v && typeof v === 'object' && ('kind' in v || 'type' in v);
}

const drafts = JSON.parse(fs.readFileSync(path.join(root, 'conformance/drafts.json'), 'utf8')).filter((d) => d.idl);
const wanted = process.argv.slice(2);
for (const draft of drafts) {
  if (wanted.length && !wanted.includes(draft.id)) continue;
  const table = build(draft);
  const file = path.join(here, `${draft.id}.json`);
  fs.writeFileSync(file, `${format(table)}\n`);
  const n = table.interfaces.reduce((s, i) => s + i.members.length + (i.constructors?.length ?? 0), 0);
  console.log(`${draft.id}: ${table.interfaces.length} interfaces, ${n} members/constructors, ${table.notes.length} notes → ${path.relative(root, file)}`);
}
