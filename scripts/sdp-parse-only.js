// A rollup plugin for the classic scripts and the per-draft entries, which bundle sdp-transform: the shim only parses
// (src/sdp/legacy-sdp.ts imports `parse`, and nothing else in src imports sdp-transform — checked
// here), and it parses only m= lines and the a= lines whose prefixes legacy-sdp.ts names (every parse()
// there reads lines pick() or distinctLines() took by those prefixes). So the bundle takes
// sdp-transform's parser without its writer, and its grammar with only the rules that can match such a
// line, in their order, plus the catch-all `invalid` rule; and without the writer's `format`s.
// Which rules can match is read from each rule's regular expression: the literal text after `^`
// (or a leading group of literal alternatives); a rule whose start is not literal is kept.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as acorn from 'acorn';
import MagicString from 'magic-string';

const require = createRequire(import.meta.url);
const PARSER = require.resolve('sdp-transform/lib/parser.js');
const GRAMMAR = require.resolve('sdp-transform/lib/grammar.js');

/** The a= prefixes legacy-sdp.ts reads: every string literal there that begins "a=". */
function wantedAttributes(root) {
  const source = readFileSync(resolve(root, 'src/sdp/legacy-sdp.ts'), 'utf8');
  return [...source.matchAll(/'a=([a-z-]+:?)'/g)].map((m) => m[1]);
}

/** The literal starts a rule's expression can have, or null when it does not start with literal text. */
function literalStarts(reg) {
  const src = reg.source.replace(/^\^/, '');
  const group = /^\(((?:[a-z-]+\|)*[a-z-]+)\)/.exec(src);
  if (group) return group[1].split('|');
  const lit = /^[a-z-]*:?/.exec(src)[0];
  return lit ? [lit] : null;
}

export function sdpParseOnly(root) {
  const wanted = wantedAttributes(root);
  const legacySdp = resolve(root, 'src/sdp/legacy-sdp.ts');
  return {
    name: 'sdp-parse-only',
    resolveId(source, importer) {
      if (source !== 'sdp-transform' || !importer || importer.includes('node_modules')) return null;
      if (importer !== legacySdp) this.error(`sdp-parse-only: ${importer} imports sdp-transform; only src/sdp/legacy-sdp.ts may (see scripts/sdp-parse-only.js)`);
      return PARSER;
    },
    transform(code, id) {
      if (id !== GRAMMAR) return null;
      const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
      const s = new MagicString(code);
      const object = ast.body[0].declarations[0].init.right; // var grammar = module.exports = { … }
      if (object?.type !== "ObjectExpression") this.error('sdp-parse-only: sdp-transform\'s grammar.js is not `var grammar = module.exports = { … }` any more');
      const keep = (type, rule) => {
        if (type === 'm') return true;
        if (type !== 'a') return false;
        const reg = rule.properties.find((p) => p.key.name === 'reg');
        if (!reg) return true; // the catch-all: `invalid`
        if (!reg.value.regex) return true; // not a literal: kept
        const starts = literalStarts(new RegExp(reg.value.regex.pattern, reg.value.regex.flags));
        return !starts || starts.some((l) => wanted.some((w) => w.startsWith(l) || l.startsWith(w)));
      };
      for (const prop of object.properties) {
        const rules = prop.value.elements;
        for (const [i, rule] of rules.entries()) {
          if (!keep(prop.key.name, rule)) s.remove(rule.start, i < rules.length - 1 ? rules[i + 1].start : rule.end);
          else for (const p of rule.properties) if (p.key.name === 'format') s.remove(p.start, p.end);
        }
      }
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
