// Every name the shim counts at run time (`ctx.used(name)`, `ctx.deprecated(name, …)`, `used(win, name)`,
// `counted(win, name, …)`) is a member of the one replacement table: a name the table lacks gives
// report() rows and warnings with no draft and no replacement (issue 15 §1). Read with TypeScript's own
// parser over src/; a template literal must match a table name with each `${…}` standing for a word.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..', '..');
const dist = join(root, 'dist', 'webrtc-legacy.mjs');

function* tsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* tsFiles(p);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield p;
  }
}

/** [{ where, text, template }] for the name argument of every counting call in src/drafts. */
function countedNames() {
  const found = [];
  for (const file of tsFiles(join(root, 'src', 'drafts'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isIdentifier(node.expression) ? node.expression.text : '';
        // used(name) / deprecated(name, modern) on a context; used(win, name) / counted(win, name, d) free.
        const literal = (a) => a && (ts.isStringLiteralLike(a) || ts.isTemplateExpression(a));
        const at = callee === 'deprecated' ? 0 : callee === 'used' || callee === 'counted' ? (literal(node.arguments[0]) ? 0 : 1) : -1;
        const arg = at >= 0 ? node.arguments[at] : undefined;
        if (arg && (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg))) {
          const { line } = source.getLineAndCharacterOfPosition(arg.getStart());
          const where = `${relative(root, file)}:${line + 1}`;
          if (ts.isStringLiteralLike(arg)) found.push({ where, text: arg.text });
          else found.push({ where, text: arg.getText(), template: [arg.head.text, ...arg.templateSpans.map((s) => s.literal.text)] });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('names counted at run time are in the replacement table', function () {
  this.timeout(30000); // parsing src/ on a loaded machine
  let names;
  before(async function () {
    if (!existsSync(dist)) throw new Error('dist/webrtc-legacy.mjs is missing: run `npx rollup -c` first');
    const { registry } = await import(pathToFileURL(dist).href);
    names = registry.flatMap((s) => (s.members ?? []).map((m) => m.name));
  });

  it('src/drafts counts uses at all (the parse found the calls)', () => {
    expect(countedNames().length).to.be.above(30);
  });

  it('every literal or template name matches a table name', () => {
    const missing = countedNames().filter(({ text, template }) => {
      if (!template) return !names.includes(text);
      const re = new RegExp(`^${template.map(escape).join('[\\w$]+')}$`);
      return !names.some((n) => re.test(n));
    });
    expect(missing.map((m) => `${m.where} ${m.text}`), 'not in any surface\'s members').to.deep.equal([]);
  });
});
