// A rollup plugin for the browser bundles (the classic scripts and the per-draft entries): leaves out
// the fields of the translation and member tables that only documentation and tools read —
//  - a table row's `cite` (each row cites its draft in the source, the brief's style),
//  - a member's scanner `pattern` (scripts/scan reads it),
//  - a member's `replacement` and `note` (the replacement table): warnings and report() of a browser
//    bundle read them from dist/webrtc-legacy.members.js, a classic script the page adds when it wants
//    the migration advice (src/install/usage.ts `advice`; written by rollup.config.js from the table).
// dist/webrtc-legacy.mjs keeps every field: the table of record the unit tests, the scanner, the
// README and the conformance report read. Measured on the classic script: cite 1.0 KB, replacement +
// note + pattern 2.4 KB of min+gzip.
// Sound module by module: a module that mentions a dropped name anywhere but as the key of a property
// with a literal string value is left whole; and across modules, a module of src/ that reads such a
// field (`x.note`, `x['cite']`, `{ pattern } = x`) fails the build unless it is one of READERS.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import MagicString from 'magic-string';

/**
 * The modules that read a dropped field of another module's objects: each must cope with its absence
 * (usage.ts falls back to the members script). renamed-members.ts reads its own rows' fields (and so is
 * left whole). A new reader fails the build here until it is checked and listed.
 */
const READERS = new Set(['src/install/usage.ts', 'src/drafts/wd-2016-01-28/renamed-members.ts']);

/** Property names whose literal string values are documentation only, in any object. */
const DOC_FIELDS = new Set(['cite', 'pattern']);
/** The same, in a member of a Surface's `members` (an object with a `name`). */
const MEMBER_FIELDS = new Set(['replacement', 'note']);
const ALL = new Set([...DOC_FIELDS, ...MEMBER_FIELDS]);

const isText = (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);
const isMember = (o) => o.properties.some((p) => ts.isPropertyAssignment(p) && nameOf(p.name) === 'name');
const nameOf = (n) => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined);

/** The properties to drop from a module, or null when the module reads a documentation field. */
function docProperties(source) {
  const drop = [];
  let reads = false;
  const visit = (node) => {
    const key = ts.isPropertyAssignment(node) ? nameOf(node.name) : undefined;
    if (key && ALL.has(key) && isText(node.initializer) && (DOC_FIELDS.has(key) || isMember(node.parent))) {
      drop.push(node);
      return; // the name is a key, the value a literal: nothing in it reads a field
    }
    if ((ts.isIdentifier(node) || ts.isStringLiteral(node)) && ALL.has(node.text)) reads = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads ? null : drop;
}

/** `x.field`, `x['field']`, `{ field } = x`: the reads of a dropped field in a module's source. */
function fieldReads(source) {
  const reads = [];
  const visit = (node) => {
    const name = ts.isPropertyAccessExpression(node)
      ? node.name.text
      : ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)
        ? node.argumentExpression.text
        : ts.isBindingElement(node)
          ? nameOf(node.propertyName ?? node.name)
          : undefined;
    if (name && ALL.has(name)) reads.push(`${name} (line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

/** Fails when a module of src/ other than READERS reads a dropped field. */
function checkReaders(root) {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const problems = [];
  for (const file of walk(join(root, 'src'))) {
    const id = relative(root, file);
    if (READERS.has(id)) continue;
    const reads = fieldReads(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
    if (reads.length) problems.push(`${id} reads ${reads.join(', ')}`);
  }
  return problems;
}

export function docFields(root) {
  return {
    name: 'doc-fields',
    buildStart() {
      const problems = checkReaders(root);
      if (problems.length) this.error(`doc-fields: the browser bundles drop these fields (scripts/doc-fields.js), so a module reading them must cope with their absence and be listed in READERS: ${problems.join('; ')}`);
    },
    transform(code, id) {
      if (!id.endsWith('.ts') || ![...ALL].some((f) => code.includes(f))) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const drop = docProperties(source);
      if (!drop?.length) return null;
      const s = new MagicString(code);
      for (const p of drop) {
        const list = p.parent.properties;
        const i = list.indexOf(p);
        // With the comma before it, so the object stays well-formed and the ranges never overlap; a
        // first property is left (a member's first is its name).
        if (i > 0) s.remove(list[i - 1].end, p.end);
        else if (list.length === 1) s.remove(p.getStart(source), p.end);
      }
      return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
    },
  };
}
