// A rollup plugin for the browser bundles (the classic scripts and the per-draft entries): leaves out
// of each translation table the fields that are documentation — a row's `cite` — where no code of the
// module reads them. The source keeps them (each row cites its draft, the brief's style), and so does
// dist/webrtc-legacy.mjs, the table of record the unit tests, the scanner and the conformance report
// read; a browser never shows them, and they were 1.2 KB of the classic script's min+gzip.
// Sound by construction: a module that mentions a dropped name anywhere but as the key of a property
// with a literal string value (or an interface's declaration of it) is left whole.
import ts from 'typescript';
import MagicString from 'magic-string';

/** Property names whose literal string values are documentation only. */
const DOC_FIELDS = new Set(['cite']);

const isText = (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);
const nameOf = (n) => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined);

/** The properties to drop from a module, or null when the module reads a documentation field. */
function docProperties(source) {
  const drop = [];
  let reads = false;
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && DOC_FIELDS.has(nameOf(node.name)) && isText(node.initializer)) {
      drop.push(node);
      return; // the name is a key, the value a literal: nothing in it reads a field
    }
    if (ts.isPropertySignature(node) && DOC_FIELDS.has(nameOf(node.name))) return;
    if ((ts.isIdentifier(node) || ts.isStringLiteral(node)) && DOC_FIELDS.has(node.text)) reads = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads ? null : drop;
}

export function docFields() {
  return {
    name: 'doc-fields',
    transform(code, id) {
      if (!id.endsWith('.ts') || ![...DOC_FIELDS].some((f) => code.includes(f))) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const drop = docProperties(source);
      if (!drop?.length) return null;
      const s = new MagicString(code);
      for (const p of drop) {
        const list = p.parent.properties;
        const i = list.indexOf(p);
        // With the comma that joins it to its neighbour, so the object stays well-formed.
        if (i < list.length - 1) s.remove(p.getStart(source), list[i + 1].getStart(source));
        else if (i > 0) s.remove(list[i - 1].end, p.end);
        else s.remove(p.getStart(source), p.end);
      }
      return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
    },
  };
}
