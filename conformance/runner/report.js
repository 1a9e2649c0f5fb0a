// reports/conformance.html: one self-contained page (inline CSS and JS, no external requests).
// It opens with the summary table (rows = drafts, members and behaviour counted apart, columns =
// browser × mode) and then lists every check with its result per browser × mode, filterable by draft,
// browser, kind, text and "failures only". Rows are rendered here, so the page reads without JS too;
// the script only hides and shows.

import { summarise, columnsOf, groupOf } from './summary.js';

const esc = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const BROWSER_NAMES = { chromium: 'Chromium', firefox: 'Firefox' };
const RESULT_MARK = { passed: '✓', failed: '✗', timeout: '⏱', skipped: '–' };
const RESULT_WORD = { passed: 'passed', failed: 'failed', timeout: 'timed out', skipped: 'skipped' };

/** Section numbers sort as numbers: 2.1.10 after 2.1.9; non-numeric sections last. */
function sectionKey(s) {
  const parts = String(s ?? '').split('.').map((p) => (/^\d+$/.test(p) ? p.padStart(4, '0') : p));
  return /^\d/.test(String(s)) ? parts.join('.') : `~${s}`;
}

function summaryCell(c, attrs, cls) {
  if (!c || !c.total) return `<td class="num none ${cls}" ${attrs}>—</td>`;
  const ratio = c.passed / c.total;
  const hue = Math.round(ratio * 120);
  const extras = [];
  if (c.skipped) extras.push(`${c.skipped} skipped`);
  if (c.timeout) extras.push(`${c.timeout} timed out`);
  return (
    `<td class="num ${cls}" ${attrs} style="--hue:${hue}" title="${c.passed} passed, ${c.failed} failed` +
    `${c.timeout ? `, ${c.timeout} timed out` : ''}, ${c.skipped} skipped, ${c.total} in all">` +
    `<span class="count"><b data-passed>${c.passed}</b>/<span data-total>${c.total}</span></span>` +
    `<span class="bar"><i style="width:${(ratio * 100).toFixed(1)}%"></i></span>` +
    (extras.length ? `<span class="extra">${extras.join(', ')}</span>` : '') +
    `</td>`
  );
}

export function renderHtml(report) {
  const results = report.results;
  const drafts = report.drafts?.length ? report.drafts : [...new Set(results.map((r) => r.draft))].map((id) => ({ id, title: id }));
  const summary = report.summary ?? summarise(results, drafts.map((d) => d.id));
  const cols = columnsOf(results);
  const browsers = [...new Set(cols.map((c) => c.split(' ')[0]))];
  const colLabel = (c) => c.split(' ')[1];

  // ---- summary table
  const head1 = browsers
    .map((b) => `<th colspan="${cols.filter((c) => c.startsWith(b + ' ')).length}" class="browser col-${b}">${esc(BROWSER_NAMES[b] ?? b)}</th>`)
    .join('');
  const head2 = cols.map((c) => `<th class="mode col-${c.split(' ')[0]}">${esc(colLabel(c))}</th>`).join('');
  const bodyRows = [];
  for (const d of drafts) {
    const s = summary[d.id] ?? { presence: {}, behaviour: {} };
    const has = (g) => cols.some((c) => s[g]?.[c]?.total);
    // A draft without behaviour assertions yet gets one row, and says so.
    let groups = d.id === 'modern' ? ['behaviour'] : ['presence', 'behaviour'].filter(has);
    if (!groups.length) groups = [d.id === 'modern' ? 'behaviour' : 'presence'];
    const note = d.id !== 'modern' && !has('behaviour') ? '<span class="title">no behaviour assertions yet</span>' : '';
    groups.forEach((g, i) => {
      const first = i === 0;
      const draftCell = first
        ? `<th rowspan="${groups.length}" class="draft"><a href="#draft-${esc(d.id)}" data-goto="${esc(d.id)}">${esc(d.id)}</a>` +
          `<span class="title">${esc(shortTitle(d))}</span>${note}</th>`
        : '';
      const cells = cols.map((c) =>
        summaryCell(s[g]?.[c], `data-draft="${esc(d.id)}" data-group="${g}" data-col="${esc(c)}"`, `col-${c.split(' ')[0]}`),
      );
      bodyRows.push(
        `<tr class="${first ? 'first' : ''} g-${g}">${draftCell}<td class="group">${g === 'presence' ? 'members' : d.id === 'modern' ? 'flows' : 'behaviour'}</td>${cells.join('')}</tr>`,
      );
    });
  }

  // ---- every check, grouped by draft, behaviour before members
  const byId = new Map();
  for (const r of results) {
    const key = `${r.draft}\u0000${r.id}`;
    let row = byId.get(key);
    if (!row) byId.set(key, (row = { id: r.id, draft: r.draft, section: r.section, kind: r.kind, title: r.title ?? r.id, cells: {} }));
    row.cells[`${r.browser} ${r.mode}`] = r;
  }
  const sections = [];
  for (const d of drafts) {
    const rows = [...byId.values()].filter((r) => r.draft === d.id);
    if (!rows.length) continue;
    rows.sort(
      (a, b) =>
        (groupOf(a.kind) === 'presence') - (groupOf(b.kind) === 'presence') ||
        sectionKey(a.section).localeCompare(sectionKey(b.section)) ||
        a.title.localeCompare(b.title),
    );
    const lines = [];
    let lastGroup = null;
    for (const row of rows) {
      const g = groupOf(row.kind);
      if (g !== lastGroup) {
        lines.push(`<tr class="sub" data-group="${g}"><th colspan="${2 + cols.length}">${g === 'presence' ? 'Members (presence checks from the IDL)' : d.id === 'modern' ? 'Modern flows (shim compared with native)' : 'Behaviour (the draft’s MUSTs)'}</th></tr>`);
        lastGroup = g;
      }
      const bad = new Set();
      const statuses = new Set();
      const cells = cols.map((c) => {
        const r = row.cells[c];
        const b = c.split(' ')[0];
        if (!r) return `<td class="res none col-${b}" data-col="${esc(c)}">·</td>`;
        statuses.add(r.result);
        if (r.result === 'failed' || r.result === 'timeout') bad.add(b);
        const tip = `${c}: ${RESULT_WORD[r.result] ?? r.result}${r.error ? ` — ${r.error}` : ''}${r.ms ? ` (${r.ms} ms)` : ''}`;
        return `<td class="res ${esc(r.result)} col-${b}" data-col="${esc(c)}" data-result="${esc(r.result)}" title="${esc(tip)}">${RESULT_MARK[r.result] ?? '?'}</td>`;
      });
      const notes = cols
        .map((c) => row.cells[c])
        .filter((r) => r && r.result !== 'passed' && r.error)
        .map((r) => `<div class="note ${esc(r.result)} col-${esc(r.browser)}"><span class="who">${esc(BROWSER_NAMES[r.browser] ?? r.browser)} ${esc(r.mode)}</span> ${esc(r.error)}</div>`);
      // Identical messages in several columns are shown once.
      const seen = new Map();
      for (const n of notes) {
        const text = n.replace(/<span class="who">.*?<\/span>/, '');
        seen.set(text, [...(seen.get(text) ?? []), n]);
      }
      const noteHtml = [...seen.values()]
        .map((group) => {
          if (group.length === 1) return group[0];
          const whos = group.map((n) => n.match(/<span class="who">(.*?)<\/span>/)[1]);
          const classes = [...new Set(group.map((n) => n.match(/col-(\w+)/)[0]))].join(' ');
          return group[0].replace(/ col-\w+"/, ` ${classes}"`).replace(/<span class="who">.*?<\/span>/, `<span class="who">${whos.join(', ')}</span>`);
        })
        .join('');
      lines.push(
        `<tr class="check" data-draft="${esc(d.id)}" data-group="${g}" data-bad="${[...bad].join(' ')}" data-results="${[...statuses].join(' ')}">` +
          `<td class="sec">${esc(g === 'presence' ? 'IDL' : row.section === 'regression' ? '' : `§${row.section}`)}</td>` +
          `<td class="what"><span class="t">${esc(g === 'presence' ? row.title.replace(`${d.id} IDL `, '') : row.title)}</span>${noteHtml}</td>` +
          cells.join('') +
          `</tr>`,
      );
    }
    sections.push(
      `<section class="draft-block" id="draft-${esc(d.id)}" data-draft="${esc(d.id)}">` +
        `<h2>${esc(d.title ?? d.id)} <code>${esc(d.id)}</code></h2>` +
        `<table class="checks"><thead><tr><th class="sec"></th><th class="what">Check</th>${cols
          .map((c) => `<th class="res col-${c.split(' ')[0]}">${esc(BROWSER_NAMES[c.split(' ')[0]] ?? c.split(' ')[0])}<br><small>${esc(colLabel(c))}</small></th>`)
          .join('')}</tr></thead><tbody>${lines.join('\n')}</tbody></table></section>`,
    );
  }

  const versions = Object.entries(report.browsers ?? {})
    .map(([b, v]) => `${esc(BROWSER_NAMES[b] ?? b)} <code>${esc(v)}</code>`)
    .join(' · ');
  const totals = { passed: 0, failed: 0, timeout: 0, skipped: 0 };
  for (const r of results) totals[r.result] = (totals[r.result] ?? 0) + 1;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>webrtc-legacy conformance — ${esc(report.generated?.slice(0, 10) ?? '')}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1>webrtc-legacy conformance</h1>
  <p class="meta">Generated ${esc(report.generated?.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') ?? '')} in ${esc(report.durationSeconds)} s
  ${report.fast ? ' · <b>fast subset</b> (presence checks and assertions marked fast)' : ''} · ${versions}</p>
  <p class="lede">Each draft's API checked in each browser <b>native</b> (the browser alone) and with the <b>shim</b>
  (webrtc-legacy installed with the draft's era). <b>members</b> counts presence checks generated from the draft's IDL;
  <b>behaviour</b> counts assertions of what the draft says an app can observe. Cells are passed/total; skipped checks never count as passed.</p>
  <p class="totals"><span class="pill passed">${totals.passed} passed</span> <span class="pill failed">${totals.failed} failed</span>
  <span class="pill timeout">${totals.timeout} timed out</span> <span class="pill skipped">${totals.skipped} skipped</span>
  <span class="muted">${results.length} results</span></p>
</header>
<main>
<table class="summary" id="summary">
<thead><tr><th rowspan="2" class="draft">Draft</th><th rowspan="2"></th>${head1}</tr><tr>${head2}</tr></thead>
<tbody>
${bodyRows.join('\n')}
</tbody>
</table>

<form class="filters" id="filters" onsubmit="return false">
  <label>Draft <select id="f-draft"><option value="">all drafts</option>${drafts
    .filter((d) => results.some((r) => r.draft === d.id))
    .map((d) => `<option value="${esc(d.id)}">${esc(d.id)}</option>`)
    .join('')}</select></label>
  <label>Browser <select id="f-browser"><option value="">all browsers</option>${browsers
    .map((b) => `<option value="${esc(b)}">${esc(BROWSER_NAMES[b] ?? b)}</option>`)
    .join('')}</select></label>
  <label>Checks <select id="f-group"><option value="">members and behaviour</option><option value="behaviour">behaviour only</option><option value="presence">members only</option></select></label>
  <label class="check"><input type="checkbox" id="f-failures"> failures only</label>
  <label class="grow"><input type="search" id="f-text" placeholder="filter by text (section, title, error)"></label>
  <span class="shown" id="shown"></span>
</form>

${sections.join('\n')}
<p class="empty" id="empty" hidden>No check matches these filters.</p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function shortTitle(d) {
  return String(d.title ?? '')
    .replace(/^WebRTC 1\.0 — /, 'WebRTC ')
    .replace(/^Media Capture and Streams — /, 'Media Capture ')
    .replace(/Working Draft/, 'WD')
    .replace(/Editor’s Draft/, 'ED')
    .replace(/ \d{4}-\d\d-\d\d/, '');
}

const CSS = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --soft:#f6f8fa;
  --pass:#1a7f37; --pass-bg:#dafbe1; --fail:#cf222e; --fail-bg:#ffebe9; --time:#9a6700; --time-bg:#fff8c5; --skip:#59636e; --skip-bg:#eff2f5; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 36px 0 10px; }
h2 code { font-size: 12px; font-weight: 500; color: var(--muted); background: var(--soft); padding: 2px 6px; border-radius: 6px; margin-left: 6px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meta { color: var(--muted); margin: 0 0 10px; }
.lede { max-width: 820px; margin: 0 0 10px; }
.muted { color: var(--muted); }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-weight: 600; font-size: 12px; }
.pill.passed { color: var(--pass); background: var(--pass-bg); } .pill.failed { color: var(--fail); background: var(--fail-bg); }
.pill.timeout { color: var(--time); background: var(--time-bg); } .pill.skipped { color: var(--skip); background: var(--skip-bg); }
table { border-collapse: collapse; }
.summary { width: 100%; margin: 18px 0 8px; }
.summary th, .summary td { border-bottom: 1px solid var(--line); padding: 6px 10px; }
.summary thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; border-bottom: 0; padding-bottom: 2px; }
.summary thead tr:last-child th { border-bottom: 2px solid var(--line); text-transform: none; letter-spacing: 0; font-weight: 500; }
.summary th.browser { text-align: center; border-left: 1px solid var(--line); }
.summary th.mode { text-align: center; }
.summary th.draft { text-align: left; white-space: nowrap; vertical-align: top; font-weight: 600; }
.summary tbody th.draft a { color: var(--fg); text-decoration: none; font: 600 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.summary tbody th.draft a:hover { text-decoration: underline; }
.summary .title { display: block; font-weight: 400; font-size: 12px; color: var(--muted); }
.summary tr.g-presence td, .summary tr.g-presence th { border-bottom-style: dashed; border-bottom-color: #e6eaef; }
.summary td.group { color: var(--muted); font-size: 12px; white-space: nowrap; }
.summary td.num { text-align: right; white-space: nowrap; min-width: 118px; background: hsl(var(--hue) 70% 96%); }
.summary td.num .count { font-variant-numeric: tabular-nums; font-size: 13px; }
.summary td.num .count b { font-weight: 650; }
.summary td.num .bar { display: block; height: 4px; border-radius: 2px; background: #e6eaef; margin-top: 3px; overflow: hidden; }
.summary td.num .bar i { display: block; height: 100%; background: hsl(var(--hue) 60% 42%); }
.summary td.num .extra { display: block; font-size: 11px; color: var(--muted); }
.summary td.none { color: #a0a8b0; text-align: center; }
.summary tbody tr:hover td, .summary tbody tr:hover th { filter: brightness(0.985); }
.filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center;
  background: rgba(255,255,255,.96); backdrop-filter: blur(4px); border-bottom: 1px solid var(--line); padding: 12px 0; margin-top: 24px; }
.filters label { display: inline-flex; gap: 6px; align-items: center; font-size: 13px; color: var(--muted); }
.filters select, .filters input[type=search] { font: inherit; color: var(--fg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; background: #fff; }
.filters .grow { flex: 1; min-width: 160px; } .filters .grow input { width: 100%; }
.filters .check { color: var(--fg); }
.shown { font-size: 12px; color: var(--muted); margin-left: auto; }
table.checks { width: 100%; }
table.checks th.what, table.checks td.what { width: 100%; }
table.checks th, table.checks td { border-bottom: 1px solid #eaeef2; padding: 5px 8px; vertical-align: top; }
table.checks thead th { font-size: 12px; color: var(--muted); font-weight: 600; text-align: left; border-bottom: 2px solid var(--line); }
table.checks th.sec, table.checks td.sec { min-width: 64px; color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; font-size: 12px; padding-top: 7px; }
table.checks th.res, table.checks td.res { min-width: 76px; text-align: center; white-space: nowrap; }
table.checks tr.sub th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); background: var(--soft); padding: 6px 8px; }
td.res { font-weight: 700; font-size: 13px; }
td.res.passed { color: var(--pass); background: var(--pass-bg); }
td.res.failed { color: var(--fail); background: var(--fail-bg); }
td.res.timeout { color: var(--time); background: var(--time-bg); }
td.res.skipped { color: var(--skip); background: var(--skip-bg); }
td.res.none { color: #c0c6cc; }
td.what .t { overflow-wrap: anywhere; }
.note { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #3d444d; margin-top: 3px; padding-left: 8px; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
.note.failed { border-left-color: #ff818266; } .note.timeout { border-left-color: #d4a72c88; } .note.skipped { border-left-color: var(--line); color: var(--muted); }
.note .who { font-family: system-ui, sans-serif; font-weight: 600; color: var(--muted); margin-right: 4px; }
.empty { color: var(--muted); text-align: center; padding: 40px 0; }
body.only-chromium .col-firefox, body.only-firefox .col-chromium { display: none; }
[hidden] { display: none !important; }
`;

// Filtering: draft, browser (hides the other browser's columns and notes), group, text, failures only
// (a row stays when a shown column failed or timed out).
const SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var draft = $('f-draft'), browser = $('f-browser'), group = $('f-group'), failures = $('f-failures'), text = $('f-text');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.check'));
  var subs = Array.prototype.slice.call(document.querySelectorAll('tr.sub'));
  var blocks = Array.prototype.slice.call(document.querySelectorAll('section.draft-block'));
  var lower = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var d = draft.value, b = browser.value, g = group.value, f = failures.checked, q = text.value.trim().toLowerCase();
    document.body.classList.toggle('only-chromium', b === 'chromium');
    document.body.classList.toggle('only-firefox', b === 'firefox');
    var shown = 0;
    rows.forEach(function (r, i) {
      var bad = r.getAttribute('data-bad');
      var ok = (!d || r.getAttribute('data-draft') === d) && (!g || r.getAttribute('data-group') === g) &&
        (!f || (b ? (' ' + bad + ' ').indexOf(' ' + b + ' ') !== -1 : bad !== '')) && (!q || lower[i].indexOf(q) !== -1);
      r.hidden = !ok;
      if (ok) shown++;
    });
    subs.forEach(function (s) {
      var n = s.nextElementSibling, any = false;
      while (n && !n.classList.contains('sub')) { if (!n.hidden) { any = true; break; } n = n.nextElementSibling; }
      s.hidden = !any;
    });
    blocks.forEach(function (s) { s.hidden = !s.querySelector('tr.check:not([hidden])'); });
    $('shown').textContent = shown + ' of ' + rows.length + ' checks shown';
    $('empty').hidden = shown !== 0;
    var state = [d && 'draft=' + d, b && 'browser=' + b, g && 'checks=' + g, f && 'failures', q && 'q=' + encodeURIComponent(q)].filter(Boolean).join('&');
    history.replaceState(null, '', state ? '#' + state : location.pathname + location.search);
  }
  // Filters survive a reload and can be linked: #draft=wd-2011-10-27&browser=firefox&failures
  (location.hash.slice(1) || '').split('&').forEach(function (kv) {
    var p = kv.split('='), v = decodeURIComponent(p[1] || '');
    if (p[0] === 'draft') draft.value = v; else if (p[0] === 'browser') browser.value = v;
    else if (p[0] === 'checks') group.value = v; else if (p[0] === 'failures') failures.checked = true; else if (p[0] === 'q') text.value = v;
  });
  [draft, browser, group, failures].forEach(function (el) { el.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('[data-goto]'), function (a) {
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      draft.value = a.getAttribute('data-goto');
      apply();
      $('filters').scrollIntoView({ behavior: 'smooth' });
    });
  });
  apply();
})();
`;
