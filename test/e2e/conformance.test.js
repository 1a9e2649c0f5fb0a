// The conformance suite's fast subset (wd-2011-10-27 and the modern set, presence checks and the
// assertions marked fast) through the runner, in every engine browserNames() gives; then the HTML
// report it wrote, read in Chromium as a person would: its summary numbers against the JSON, and its
// filters.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { launch, browserNames } from './browsers.js';
import { runConformance } from '../../conformance/runner/engine.js';
import { writeReports } from '../../conformance/runner/output.js';
import { summarise } from '../../conformance/runner/summary.js';

const DRAFTS = ['wd-2011-10-27', 'modern'];
const RESULTS = ['passed', 'failed', 'skipped', 'timeout'];

describe('conformance suite (fast subset)', function () {
  this.timeout(240_000);
  const engines = browserNames();
  let out;
  let report;
  let json;

  before(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'webrtc-legacy-conformance-'));
    // One browser at a time: with both making calls at once on CI's two cores, Chromium now and then
    // stalls a call (its gathering never completes; an open problem, see issue 6's note), which this
    // subset would report as a 2011 failure that is really the machine's load.
    report = await runConformance({ browsers: engines, drafts: DRAFTS, fast: true, parallel: false });
    writeReports(report, out);
    json = JSON.parse(fs.readFileSync(path.join(out, 'conformance.json'), 'utf8'));
  });

  after(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes a well-formed conformance.json', () => {
    expect(json.generated).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(json.durationSeconds).to.be.a('number');
    expect(Object.keys(json.browsers).sort()).to.deep.equal([...engines].sort());
    expect(json.results).to.be.an('array').that.is.not.empty;
    const seen = new Set();
    for (const r of json.results) {
      expect(r, JSON.stringify(r)).to.include.all.keys('id', 'draft', 'section', 'kind', 'browser', 'mode', 'result', 'error', 'ms');
      expect(DRAFTS).to.include(r.draft);
      expect(engines).to.include(r.browser);
      expect(['native', 'shim']).to.include(r.mode);
      expect(RESULTS).to.include(r.result);
      expect(['presence', 'behaviour', 'modern']).to.include(r.kind);
      if (r.result !== 'passed') expect(r.error, `${r.id}: a result that is not a pass says why`).to.be.a('string').and.not.empty;
      const key = `${r.browser} ${r.mode} ${r.id}`;
      expect(seen.has(key), `${key} reported twice`).to.equal(false);
      seen.add(key);
    }
    for (const engine of engines) {
      for (const mode of ['native', 'shim']) {
        for (const draft of DRAFTS) {
          expect(json.results.some((r) => r.browser === engine && r.mode === mode && r.draft === draft), `${engine} ${mode} ${draft} ran`).to.equal(true);
        }
      }
    }
    // The summary is exactly a count of the results, presence and behaviour apart.
    expect(json.summary).to.deep.equal(summarise(json.results, DRAFTS));
    expect(json.summary['wd-2011-10-27'].presence).to.not.be.empty;
  });

  it('every wd-2011-10-27 behaviour check passes with the shim, or is skipped with a reason', () => {
    const rows = json.results.filter((r) => r.draft === 'wd-2011-10-27' && r.mode === 'shim' && r.kind !== 'presence');
    expect(rows, 'fast 2011 assertions ran').to.not.be.empty;
    const bad = rows.filter((r) => !(r.result === 'passed' || (r.result === 'skipped' && r.error)));
    expect(bad.map((r) => `${r.browser}: ${r.id}: ${r.result} ${r.error}`)).to.deep.equal([]);
  });

  it('the modern set shows no difference with the shim', () => {
    const rows = json.results.filter((r) => r.draft === 'modern' && r.mode === 'shim');
    expect(rows, 'fast modern flows ran').to.not.be.empty;
    const bad = rows.filter((r) => r.result === 'failed' || r.result === 'timeout');
    expect(bad.map((r) => `${r.browser}: ${r.id}: ${r.error}`)).to.deep.equal([]);
  });

  describe('conformance.html in Chromium', () => {
    let browser;
    let page;

    before(async () => {
      browser = await launch('chromium');
      page = await browser.newPage();
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(path.join(out, 'conformance.html')).href, { waitUntil: 'load' });
      // Self-contained: nothing but the file itself is fetched.
      expect(requests.filter((u) => !u.startsWith('file:'))).to.deep.equal([]);
    });

    after(async () => {
      await browser?.close();
    });

    it('opens with a summary whose numbers are the JSON summary', async () => {
      const cells = await page.$$eval('#summary td[data-col]', (tds) =>
        tds.map((td) => ({
          draft: td.dataset.draft,
          group: td.dataset.group,
          col: td.dataset.col,
          passed: td.querySelector('[data-passed]')?.textContent ?? null,
          total: td.querySelector('[data-total]')?.textContent ?? null,
        })),
      );
      const expected = [];
      for (const draft of DRAFTS) {
        for (const group of draft === 'modern' ? ['behaviour'] : ['presence', 'behaviour']) {
          // A group with no result in any column has no row.
          if (!Object.values(json.summary[draft][group]).some((c) => c.total)) continue;
          for (const engine of ['chromium', 'firefox'].filter((e) => engines.includes(e))) {
            for (const mode of ['native', 'shim']) {
              const c = json.summary[draft][group][`${engine} ${mode}`];
              expected.push({ draft, group, col: `${engine} ${mode}`, passed: c ? String(c.passed) : null, total: c ? String(c.total) : null });
            }
          }
        }
      }
      expect(cells).to.deep.equal(expected);
      // The summary table comes first.
      const firstTable = await page.$eval('main > table', (t) => t.id);
      expect(firstTable).to.equal('summary');
    });

    it('lists every check once, and its filters work', async () => {
      const ids = new Set(json.results.map((r) => `${r.draft} ${r.id}`));
      const visible = () =>
        page.$$eval('tr.check', (rows) => rows.filter((r) => r.offsetParent !== null).map((r) => ({ draft: r.dataset.draft, bad: r.dataset.bad, results: r.dataset.results })));
      expect(await visible()).to.have.length(ids.size);

      // Failures only: every row left has a failed or timed-out cell, and no row that only passed stays.
      await page.click('#f-failures');
      const failing = new Set(json.results.filter((r) => r.result === 'failed' || r.result === 'timeout').map((r) => `${r.draft} ${r.id}`));
      const onlyFailures = await visible();
      expect(onlyFailures).to.have.length(failing.size);
      for (const row of onlyFailures) expect(row.bad).to.not.equal('');
      expect(onlyFailures.some((row) => row.results === 'passed')).to.equal(false);
      await page.click('#f-failures');

      // Draft.
      await page.select('#f-draft', 'modern');
      const modern = await visible();
      expect(modern.length).to.equal(new Set(json.results.filter((r) => r.draft === 'modern').map((r) => r.id)).size);
      expect(modern.every((r) => r.draft === 'modern')).to.equal(true);
      await page.select('#f-draft', '');

      // Browser: the other browser's columns go.
      const other = engines.includes('firefox') ? 'chromium' : 'firefox';
      await page.select('#f-browser', other === 'chromium' ? 'firefox' : 'chromium');
      const shownCols = await page.$$eval('#summary td[data-col]', (tds) => [...new Set(tds.filter((td) => td.offsetParent !== null).map((td) => td.dataset.col.split(' ')[0]))]);
      expect(shownCols).to.not.include(other);
      await page.select('#f-browser', '');
    });
  });
});
