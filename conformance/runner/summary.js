// Counting results: the `summary` of reports/conformance.json, the terminal table and the README table.
// A presence check never counts as a behaviour check: every count is kept per group.

export const GROUPS = ['presence', 'behaviour'];

export function groupOf(kind) {
  return kind === 'presence' ? 'presence' : 'behaviour';
}

/** Column keys present in the results, in a stable order: "chromium native", "chromium shim", … */
export function columnsOf(results) {
  const order = ['chromium native', 'chromium shim', 'firefox native', 'firefox shim'];
  const seen = new Set(results.map((r) => `${r.browser} ${r.mode}`));
  return [...order.filter((c) => seen.has(c)), ...[...seen].filter((c) => !order.includes(c)).sort()];
}

/** { draft: { presence: { "chromium native": {passed, failed, timeout, skipped, total} }, behaviour: {…} } } */
export function summarise(results, draftIds = []) {
  const summary = {};
  for (const id of draftIds) summary[id] = { presence: {}, behaviour: {} };
  for (const r of results) {
    const d = (summary[r.draft] ??= { presence: {}, behaviour: {} });
    const g = d[groupOf(r.kind)];
    const c = (g[`${r.browser} ${r.mode}`] ??= { passed: 0, failed: 0, timeout: 0, skipped: 0, total: 0 });
    c[r.result] = (c[r.result] ?? 0) + 1;
    if (r.leftOut) c.leftOut = (c.leftOut ?? 0) + 1;
    c.total++;
  }
  return summary;
}

/** "30/72" plus what did not pass or fail outright. */
export function cellText(c, { long = false } = {}) {
  if (!c || !c.total) return '—';
  let s = `${c.passed}/${c.total}`;
  const extra = [];
  if (c.skipped) extra.push(`${c.skipped} skipped`);
  // Misses the shim knows and explains (conformance/left-out/): the report gives each reason.
  if (c.leftOut) extra.push(`${c.leftOut} left out`);
  if (c.timeout) extra.push(long ? `${c.timeout} timed out` : `${c.timeout} timeout`);
  if (extra.length) s += ` (${extra.join(', ')})`;
  return s;
}

/** The summary as a plain-text table (rows = draft × group, columns = browser × mode). */
export function terminalTable(report) {
  const { summary } = report;
  const cols = columnsOf(report.results);
  const rows = [['draft', 'checks', ...cols]];
  let printed = null;
  for (const d of report.drafts) {
    const s = summary[d.id];
    if (!s) continue;
    for (const g of GROUPS) {
      if (d.id === 'modern' && g === 'presence') continue;
      // A draft with no behaviour assertions yet (or no member table) gets no empty row.
      if (!cols.some((c) => s[g][c]?.total)) continue;
      rows.push([printed === d.id ? '' : d.id, g === 'presence' ? 'members' : 'behaviour', ...cols.map((c) => cellText(s[g][c]))]);
      printed = d.id;
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  const out = [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  return out.join('\n');
}

/** The README's compatibility table (Markdown). */
export function markdownTable(report) {
  const { summary } = report;
  const cols = columnsOf(report.results);
  const title = (c) => {
    const [b, m] = c.split(' ');
    return `${b === 'chromium' ? 'Chromium' : b === 'firefox' ? 'Firefox' : b} ${m}`;
  };
  const lines = [
    `| Draft | Checks | ${cols.map(title).join(' | ')} |`,
    `|---|---|${cols.map(() => '---:').join('|')}|`,
  ];
  let printed = null;
  for (const d of report.drafts) {
    const s = summary[d.id];
    if (!s) continue;
    for (const g of GROUPS) {
      if (d.id === 'modern' && g === 'presence') continue;
      if (!cols.some((c) => s[g][c]?.total)) continue;
      const name = printed === d.id ? '' : `\`${d.id}\``;
      printed = d.id;
      lines.push(`| ${name} | ${g === 'presence' ? 'members' : 'behaviour'} | ${cols.map((c) => cellText(s[g][c])).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}
