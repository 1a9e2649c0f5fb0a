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
// with a literal string value is left whole (src/install/usage.ts, the one reader of a member's
// replacement across modules, falls back to the members script).
import ts from 'typescript';
import MagicString from 'magic-string';

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

export function docFields() {
  return {
    name: 'doc-fields',
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
