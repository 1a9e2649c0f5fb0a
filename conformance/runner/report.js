// reports/conformance.html: one self-contained page (inline CSS and JS, no external requests).
import { summarise, columnsOf, cellText } from './summary.js';

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export function renderHtml(report) {
  const summary = report.summary ?? summarise(report.results);
  const cols = columnsOf(report.results);
  const rows = report.drafts
    .map((d) => `<tr><th>${esc(d.id)}</th>${['presence', 'behaviour'].map((g) => cols.map((c) => `<td>${esc(cellText(summary[d.id]?.[g]?.[c]))}</td>`).join('')).join('')}</tr>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>conformance</title><table>${rows}</table>`;
}
