// The source scanner: JavaScript (and inline <script> in HTML) parsed with acorn and walked with
// acorn-walk; every node is tried against the members' patterns (patterns.js). A receiver's type is
// what the source shows: constructions, getUserMedia callbacks, `event.stream`, assignments of those
// (by name, across scopes: a static scan cannot follow values at run time). A receiver of unknown type
// whose name says the type (`localStream`) gives a "possible" finding.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';

const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis']);
/** A member of the supertype is one of the subtype: LocalMediaStream.prototype.stop on a MediaStream receiver. */
const SUPERTYPES = { LocalMediaStream: 'MediaStream' };
/** What the scanner knows of the drafts' objects without the table: where streams and recorders come from. */
const PROPERTY_TYPES = { stream: 'MediaStream' }; // MediaStreamEvent.stream (onaddstream)
const ELEMENT_TYPES = { remoteStreams: 'MediaStream', localStreams: 'MediaStream', streams: 'MediaStream' }; // pc.remoteStreams[0]
const RETURN_TYPES = { record: 'MediaStreamRecorder' };
const isGetUserMedia = (name) => typeof name === 'string' && name.toLowerCase().endsWith('getusermedia');
export const SCANNED = new Set(['.js', '.mjs', '.cjs', '.html', '.htm']);

const isFunction = (n) => n?.type === 'FunctionExpression' || n?.type === 'ArrowFunctionExpression' || n?.type === 'FunctionDeclaration';
const propName = (m) => (m?.type === 'MemberExpression' && !m.computed && m.property.type === 'Identifier' ? m.property.name : null);
/** `X` or `window.X`: the global name an expression denotes, if any. */
function globalName(n) {
  if (n?.type === 'Identifier') return n.name;
  if (n?.type === 'MemberExpression' && n.object.type === 'Identifier' && GLOBAL_OBJECTS.has(n.object.name)) return propName(n);
  return null;
}
/** The name a value is known by: `stream`, `this.localStream` → localStream. */
const nameOf = (n) => (n?.type === 'Identifier' ? n.name : propName(n));

function hinted(name, type) {
  const words = type.split(/(?=[A-Z])/);
  const n = name.toLowerCase();
  return n.includes(words.at(-1).toLowerCase()) || n === words.map((w) => w[0]).join('').toLowerCase();
}
const isType = (t, wanted) => t === wanted || SUPERTYPES[t] === wanted;

/** Parses a script; module first, then classic script (`with`, legacy octal). */
function parse(code) {
  const options = { ecmaVersion: 'latest', locations: true, allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true };
  try {
    return acorn.parse(code, { ...options, sourceType: 'module' });
  } catch {
    return acorn.parse(code, { ...options, sourceType: 'script' });
  }
}

/** Every node once, whatever the walker calls it (acorn-walk's full walk may see a node under several types). */
function eachNode(ast, fn) {
  const seen = new Set();
  walk.full(ast, (node) => {
    if (seen.has(node)) return;
    seen.add(node);
    fn(node);
  });
}

/** Names → types, from what the program shows (two rounds, so an assignment before its source is seen). */
function inferTypes(ast) {
  const types = new Map();
  const functions = new Map();
  const add = (name, list) => {
    if (!name || !list.length) return;
    const set = types.get(name) ?? new Set();
    list.forEach((t) => set.add(t));
    types.set(name, set);
  };
  const typeOf = (n) => {
    if (!n) return [];
    switch (n.type) {
      case 'NewExpression':
        return globalName(n.callee) ? [globalName(n.callee)] : [];
      case 'Identifier':
        return [...(types.get(n.name) ?? [])];
      case 'MemberExpression': {
        if (n.computed) return ELEMENT_TYPES[propName(n.object)] ? [ELEMENT_TYPES[propName(n.object)]] : [];
        const p = propName(n);
        return PROPERTY_TYPES[p] ? [PROPERTY_TYPES[p]] : [...(types.get(p) ?? [])];
      }
      case 'CallExpression':
        return RETURN_TYPES[propName(n.callee)] ? [RETURN_TYPES[propName(n.callee)]] : [];
      case 'AwaitExpression':
        return n.argument?.type === 'CallExpression' && isGetUserMedia(nameOf(n.argument.callee)) ? ['MediaStream'] : typeOf(n.argument);
      case 'AssignmentExpression':
        return typeOf(n.right);
      case 'LogicalExpression':
        return [...typeOf(n.left), ...typeOf(n.right)];
      case 'ConditionalExpression':
        return [...typeOf(n.consequent), ...typeOf(n.alternate)];
      default:
        return [];
    }
  };
  const firstParam = (fn) => (fn?.params?.[0]?.type === 'Identifier' ? fn.params[0].name : null);
  const callback = (arg) => (isFunction(arg) ? arg : arg?.type === 'Identifier' ? functions.get(arg.name) : null);
  eachNode(ast, (n) => {
    if (n.type === 'FunctionDeclaration' && n.id) functions.set(n.id.name, n);
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && isFunction(n.init)) functions.set(n.id.name, n.init);
  });
  for (let round = 0; round < 2; round++) {
    eachNode(ast, (n) => {
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') add(n.id.name, typeOf(n.init));
      else if (n.type === 'AssignmentExpression' && n.operator === '=') add(nameOf(n.left), typeOf(n.right));
      else if (n.type === 'CallExpression') {
        // getUserMedia(options, success, error): the success callback's argument is the stream.
        if (isGetUserMedia(nameOf(n.callee))) add(firstParam(callback(n.arguments[1])), ['LocalMediaStream']);
        // mediaDevices.getUserMedia(…).then(stream => …)
        if (propName(n.callee) === 'then' && n.callee.object.type === 'CallExpression' && isGetUserMedia(nameOf(n.callee.object.callee))) {
          add(firstParam(callback(n.arguments[0])), ['MediaStream']);
        }
      }
    });
  }
  return { typeOf, functions };
}

/**
 * Findings of one parsed program: { member row, certainty, loc }. `certainty` is 'definite' or
 * 'possible' (the receiver's type is unknown; its name says it).
 */
function match(ast, rows) {
  const { typeOf, functions } = inferTypes(ast);
  const found = [];
  const typed = (expr, type) => {
    if (type === '*') return 'definite';
    const types = typeOf(expr);
    if (types.length) return types.some((t) => isType(t, type)) ? 'definite' : null;
    const name = nameOf(expr);
    return name && hinted(name, type) ? 'possible' : null;
  };
  const both = (a, b) => (a && b ? (a === 'possible' || b === 'possible' ? 'possible' : 'definite') : null);
  const isCallback = (arg) => isFunction(arg) || (arg?.type === 'Identifier' && functions.has(arg.name));

  const test = (m, n) => {
    switch (m.kind) {
      case 'new':
        return n.type === 'NewExpression' && globalName(n.callee) === m.name ? ['definite', n.callee.loc] : null;
      case 'global':
        if (n.type === 'Identifier' && n.name === m.name) return ['definite', n.loc];
        if (n.type === 'MemberExpression' && globalName(n) === m.name && n.object.type === 'Identifier' && n.object.name !== m.name) return ['definite', n.property.loc];
        return null;
      case 'static': {
        const member = m.call ? (n.type === 'CallExpression' ? n.callee : null) : n.type === 'MemberExpression' ? n : null;
        return member && propName(member) === m.prop && globalName(member.object) === m.object ? ['definite', member.property.loc] : null;
      }
      case 'member': {
        const member = m.call ? (n.type === 'CallExpression' ? n.callee : null) : n.type === 'MemberExpression' ? n : null;
        if (!member || propName(member) !== m.prop) return null;
        let certainty = typed(member.object, m.type);
        if (m.arg === 'fn') certainty = isCallback(n.arguments[0]) ? certainty : null;
        else if (m.arg) certainty = both(certainty, n.arguments[0] ? typed(n.arguments[0], m.arg) : null);
        return certainty ? [certainty, member.property.loc] : null;
      }
      case 'event': {
        if (n.type === 'MemberExpression' && propName(n) === `on${m.event}`) {
          const c = typed(n.object, m.type);
          return c ? [c, n.property.loc] : null;
        }
        if (n.type === 'CallExpression' && propName(n.callee) === 'addEventListener' && n.arguments[0]?.type === 'Literal' && n.arguments[0].value === m.event) {
          const c = typed(n.callee.object, m.type);
          return c ? [c, n.arguments[0].loc] : null;
        }
        return null;
      }
      case 'key': {
        if (n.type !== 'Property' || n.computed) return null;
        const key = n.key.type === 'Identifier' ? n.key.name : n.key.value;
        return key === m.key ? ['definite', n.key.loc] : null;
      }
      default:
        return null;
    }
  };

  eachNode(ast, (n) => {
    for (const row of rows) {
      for (const m of row.matchers) {
        const hit = test(m, n);
        if (hit) found.push({ row, certainty: hit[0], loc: hit[1] });
      }
    }
  });
  return found;
}

/** The inline scripts of an HTML page, with where each body starts (0-based line, column). Not `src=` ones. */
export function inlineScripts(html) {
  const lower = html.toLowerCase();
  const scripts = [];
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<script', at);
    if (open === -1) break;
    const tagEnd = lower.indexOf('>', open);
    if (tagEnd === -1) break;
    const close = lower.indexOf('</script', tagEnd);
    const end = close === -1 ? html.length : close;
    const tag = lower.slice(open, tagEnd);
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/.exec(tag)?.[1] ?? '';
    const js = ['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript'].includes(type);
    if (js && !/\ssrc\s*=/.test(tag)) {
      const before = html.slice(0, tagEnd + 1);
      const line = before.split('\n').length - 1;
      const column = tagEnd + 1 - (before.lastIndexOf('\n') + 1);
      scripts.push({ code: html.slice(tagEnd + 1, end), line, column });
    }
    at = end;
  }
  return scripts;
}

/**
 * Findings in one file's text: { file, line, column (1-based), member, draft, drafts, replacement, note,
 * certainty, source (the line) }, and parse errors as { file, line, column, error }.
 */
export function scanText(text, file, rows) {
  const html = /\.html?$/i.test(file);
  const pieces = html ? inlineScripts(text) : [{ code: text, line: 0, column: 0 }];
  const lines = text.split('\n');
  const findings = [];
  const errors = [];
  for (const piece of pieces) {
    let ast;
    try {
      ast = parse(piece.code);
    } catch (e) {
      errors.push({ file, line: (e.loc?.line ?? 1) + piece.line, column: (e.loc?.column ?? 0) + 1, error: e.message });
      continue;
    }
    for (const f of match(ast, rows)) {
      const line = f.loc.start.line + piece.line;
      const column = f.loc.start.column + (f.loc.start.line === 1 ? piece.column : 0) + 1;
      findings.push({
        file,
        line,
        column,
        member: f.row.name,
        draft: f.row.drafts[0],
        drafts: f.row.drafts,
        replacement: f.row.replacement,
        note: f.row.note,
        certainty: f.certainty,
        source: (lines[line - 1] ?? '').trim(),
      });
    }
  }
  // One finding per member and place, the surer one kept.
  const best = new Map();
  for (const f of findings) {
    const key = `${f.member}:${f.line}:${f.column}`;
    if (!best.has(key) || (best.get(key).certainty === 'possible' && f.certainty === 'definite')) best.set(key, f);
  }
  return { findings: [...best.values()].sort((a, b) => a.line - b.line || a.column - b.column || a.member.localeCompare(b.member)), errors };
}

/** The files to scan under the given paths: .js/.mjs/.cjs/.html/.htm, not in node_modules or dot-folders. */
export function filesOf(paths) {
  const out = [];
  const visit = (p, explicit) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) {
        if (e === 'node_modules' || e.startsWith('.')) continue;
        visit(join(p, e), false);
      }
    } else if (explicit || SCANNED.has(extname(p).toLowerCase())) out.push(p);
  };
  paths.forEach((p) => visit(p, true));
  return out;
}

/** Scans files and folders; paths in the findings are relative to `cwd`. */
export function scanPaths(paths, rows, cwd = process.cwd()) {
  const findings = [];
  const errors = [];
  const files = filesOf(paths);
  for (const file of files) {
    const r = scanText(readFileSync(file, 'utf8'), relative(cwd, file) || file, rows);
    findings.push(...r.findings);
    errors.push(...r.errors);
  }
  return { files, findings, errors };
}
