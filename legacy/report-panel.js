// The demos' "what did this app use" panel: a table of WebRTCLegacy.report() — each legacy member the
// page used, how often, its first call site, its draft and today's replacement.
//
// Two ways to use it:
//   - the demo index (index.html) loads a demo into an <iframe> and shows the report of that frame's
//     window under it: WebRTCLegacyPanel.attach(container, () => frame.contentWindow);
//   - any page that loads /dist/webrtc-legacy.js can add <script src="report-panel.js" data-self></script>
//     to show its own report at the end of the page (and /dist/webrtc-legacy.members.js before it for
//     the replacement texts, which the browser bundles leave out).
// The shim keeps no timer for this: report() is read on the Refresh button and on a low-frequency timer
// of the page that shows the panel (every 2 s, only while the panel is on a page).
(function () {
  'use strict';
  var REFRESH_MS = 2000;

  /** report() of a window, or null where the shim is not loaded (yet). */
  function reportOf(win) {
    try {
      var api = win && win.WebRTCLegacy;
      return api && typeof api.report === 'function' ? api.report() : null;
    } catch (e) {
      return null; // a frame being navigated, or of another origin
    }
  }

  /** The replacement table of dist/webrtc-legacy.members.js, where this page loaded it. */
  function members() {
    return window.WebRTCLegacyMembers || {};
  }

  /** `http://host:port/legacy/camera-2013.html:38:5` → `camera-2013.html:38:5` (the full site in the tooltip). */
  function shortSite(site) {
    return String(site).replace(/^.*\//, '');
  }

  function cell(row, text, title) {
    var td = row.insertCell();
    td.textContent = text;
    if (title) td.title = title;
    return td;
  }

  /**
   * Builds the panel in `container`; `target()` gives the window whose report it shows. Returns
   * { refresh(), stop() }.
   */
  function attach(container, target) {
    var doc = container.ownerDocument;
    var section = doc.createElement('section');
    section.className = 'webrtc-legacy-report';
    section.innerHTML =
      '<h2>Legacy members this app used <button type="button" class="refresh">Refresh</button></h2>' +
      '<p class="summary"></p>' +
      '<table><thead><tr><th>member</th><th>count</th><th>first call site</th><th>draft</th><th>today\'s replacement</th></tr></thead><tbody></tbody></table>' +
      '<details><summary>as JSON</summary><pre class="json"></pre></details>';
    container.appendChild(section);
    var tbody = section.querySelector('tbody');
    var summary = section.querySelector('.summary');
    var json = section.querySelector('.json');

    function refresh() {
      var rows = reportOf(target());
      tbody.textContent = '';
      if (!rows) {
        summary.textContent = 'No report: the page has not loaded webrtc-legacy (yet).';
        json.textContent = '';
        return [];
      }
      rows = rows.slice().sort(function (a, b) { return b.count - a.count || (a.member < b.member ? -1 : 1); });
      summary.textContent = rows.length ? rows.length + ' legacy member(s) used so far.' : 'No legacy member used so far.';
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        var tr = tbody.insertRow();
        tr.setAttribute('data-member', r.member);
        cell(tr, r.member).className = 'member';
        cell(tr, String(r.count)).className = 'count';
        cell(tr, r.sites.length ? shortSite(r.sites[0]) : '—', r.sites.join('\n')).className = 'site';
        cell(tr, r.draft || '—', (r.drafts || []).join(', ')).className = 'draft';
        // The browser bundles leave the replacement texts out: they come with webrtc-legacy.members.js,
        // which the page showing the panel loads (the demos themselves load only the shim).
        var advice = (r.replacement ? [r.replacement, r.note] : members()[r.member]) || [];
        cell(tr, advice[0] || '—', advice[1] || '').className = 'replacement';
      }
      json.textContent = JSON.stringify(rows, null, 1);
      return rows;
    }

    section.querySelector('.refresh').addEventListener('click', refresh);
    var timer = doc.defaultView.setInterval(refresh, REFRESH_MS);
    refresh();
    return {
      refresh: refresh,
      stop: function () {
        doc.defaultView.clearInterval(timer);
        section.remove();
      },
    };
  }

  window.WebRTCLegacyPanel = { attach: attach, reportOf: reportOf };

  // <script src="report-panel.js" data-self>: this page's own report, once the page has loaded.
  var me = document.currentScript;
  if (me && me.hasAttribute('data-self')) {
    window.addEventListener('load', function () {
      attach(document.body, function () { return window; });
    });
  }
})();
