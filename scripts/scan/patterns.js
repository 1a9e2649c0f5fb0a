// The scanner's reading of LegacyMember.pattern (src/install/types.ts documents the syntax): each
// alternative becomes one matcher object. Pure; unit-tested with every pattern of the registry.

const WORD = '[A-Za-z_$][\\w$]*';
const FORMS = [
  // new X
  [new RegExp(`^new (${WORD})$`), (m) => ({ kind: 'new', name: m[1] })],
  // {k}
  [new RegExp(`^\\{(${WORD})\\}$`), (m) => ({ kind: 'key', key: m[1] })],
  // T@type  /  *@type
  [new RegExp(`^(\\*|${WORD})@(${WORD})$`), (m) => ({ kind: 'event', type: m[1], event: m[2] })],
  // T#m(), T#m(fn), T#m(U), T#p  /  *#…
  [new RegExp(`^(\\*|${WORD})#(${WORD})(?:\\((${WORD})?\\))?$`), (m, s) => ({ kind: 'member', type: m[1], prop: m[2], call: s.endsWith(')'), arg: m[3] ?? null })],
  // X.p, X.m()
  [new RegExp(`^(${WORD})\\.(${WORD})(\\(\\))?$`), (m) => ({ kind: 'static', object: m[1], prop: m[2], call: !!m[3] })],
  // X
  [new RegExp(`^(${WORD})$`), (m) => ({ kind: 'global', name: m[1] })],
];

/** `'new X | T#m()'` → matchers; throws on a form the scanner does not know (the unit test runs every pattern). */
export function parsePattern(pattern) {
  return pattern.split('|').map((alt) => {
    const s = alt.trim();
    for (const [re, make] of FORMS) {
      const m = re.exec(s);
      if (m) return make(m, s);
    }
    throw new Error(`webrtc-legacy scan: pattern ${JSON.stringify(s)} is not one of: new X, X, X.p, X.m(), T#p, T#m(), T#m(fn), T#m(U), T@event, {key} (T may be *)`);
  });
}
