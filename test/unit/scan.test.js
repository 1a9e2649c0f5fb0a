// Issue 15: `webrtc-legacy scan` finds each legacy member on the right line in the project's own
// legacy/ demos and test fixtures, nothing in modern code, and writes text, JSON and SARIF 2.1.0.
// The table is the registry's (dist/webrtc-legacy.mjs): npm test builds before the unit tests.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { loadTable, tableOf } from '../../scripts/scan/table.js';
import { scanPaths, scanText } from '../../scripts/scan/scan.js';
import { parsePattern } from '../../scripts/scan/patterns.js';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test/unit/fixtures/scan');
const cli = join(root, 'scripts/webrtc-legacy.js');
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

/** The 1-based line of `file` containing `snippet` (exactly one). */
function lineOf(file, snippet) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const hits = lines.map((l, i) => (l.includes(snippet) ? i + 1 : 0)).filter(Boolean);
  if (hits.length !== 1) throw new Error(`${file}: ${hits.length} lines with ${snippet}`);
  return hits[0];
}

// What each demo uses, by member and a snippet of its line (in file order).
const DEMOS = {
  'legacy/snapshot-kiosk.html': [
    ['navigator.getUserMedia', "navigator.getUserMedia('video user'"],
    ['URL.getObjectURL', 'URL.getObjectURL(stream)'],
    ['LocalMediaStream.prototype.stop', 'stream.stop()'],
    ['MediaStream.prototype.onended', 'stream.onended = noStream'],
  ],
  'legacy/start-button.html': [
    ['navigator.getUserMedia', "navigator.getUserMedia('audio,video'"],
    ['MediaStream.prototype.onended', 'stream.onended'],
  ],
  'legacy/voice-message.html': [
    ['navigator.getUserMedia', "navigator.getUserMedia('audio'"],
    ['MediaStream.prototype.record', 'stream.record()'],
    ['MediaStream.prototype.onended', 'stream.onended = function'],
    ['MediaStream.prototype.onended', 'msgStream.onended = null'],
    ['LocalMediaStream.prototype.stop', 'msgStream.stop()'],
    ['MediaStreamRecorder.prototype.getRecordedData', 'getRecordedData(msgSave)'],
  ],
  'legacy/video-call.html': [
    ['PeerConnection.prototype.readyState', 'PC_STATES[pc.readyState]'],
    ['PeerConnection.prototype.iceState', 'pc.iceState'],
    ['PeerConnection.prototype.sdpState', 'pc.sdpState'],
    ['PeerConnection.prototype.remoteStreams', 'pc.remoteStreams.length'],
    ['PeerConnection.prototype.readyState', 'pc.readyState == pc.CLOSED'],
    ['PeerConnection.prototype.processSignalingMessage', 'pc.processSignalingMessage(event.data)'],
    ['navigator.getUserMedia', "navigator.getUserMedia('audio,video user'"],
    ['URL.createObjectURL(MediaStream)', 'URL.createObjectURL(stream)'],
    ['PeerConnection', 'new PeerConnection('],
    ['PeerConnection.prototype.onaddstream', 'pc.onaddstream'],
    ['URL.createObjectURL(MediaStream)', 'URL.createObjectURL(event.stream)'],
    ['PeerConnection.prototype.onremovestream', 'pc.onremovestream'],
    ['PeerConnection.prototype.onstatechange', 'pc.onstatechange'],
    ['PeerConnection.prototype.onopen', 'pc.onopen'],
    ['PeerConnection.prototype.addStream', 'pc.addStream(stream)'],
    ['PeerConnection.prototype.processSignalingMessage', 'pc.processSignalingMessage(pending.shift())'],
    ['PeerConnection.prototype.readyState', 'pc.readyState != pc.CLOSED'],
  ],
};

describe('webrtc-legacy scan', function () {
  this.timeout(30000);
  let rows;
  before(async () => ({ rows } = await loadTable()));

  it('reads every pattern of the registry, and knows the members of every 2011 surface that has one', () => {
    expect(rows.length).to.be.above(25);
    expect(rows.map((r) => r.name)).to.include.members(['PeerConnection', 'navigator.getUserMedia', 'LocalMediaStream.prototype.stop']);
    expect(() => parsePattern('stream.stop(')).to.throw(/not one of/);
  });

  for (const [file, expected] of Object.entries(DEMOS)) {
    it(`finds each legacy member of ${file} on its line, and nothing else`, () => {
      const { findings, errors } = scanPaths([join(root, file)], rows, root);
      expect(errors).to.deep.equal([]);
      const want = expected.map(([member, snippet]) => `${member} @${lineOf(file, snippet)}`);
      const got = findings.map((f) => `${f.member} @${f.line}`);
      expect(got).to.deep.equal(want);
      for (const f of findings) {
        expect(f.file).to.equal(file);
        expect(f.certainty).to.equal('definite');
        expect(f.draft).to.match(/^\d{4}-\d\d-\d\d$/);
        expect(f.replacement).to.be.a('string').and.not.equal('');
        // The column points at the member's name in that line.
        const line = readFileSync(join(root, file), 'utf8').split('\n')[f.line - 1];
        const word = f.member === 'URL.createObjectURL(MediaStream)' ? 'createObjectURL' : f.member.split('.').pop();
        expect(line.slice(f.column - 1).startsWith(word), `${f.member} at ${f.line}:${f.column}`).to.equal(true);
      }
    });
  }

  it('finds the 2011 members the test suites\' fixture pages use (two-page call: 27 uses)', () => {
    const { findings } = scanPaths([join(root, 'test/e2e/fixtures/two-page-call.html')], rows, root);
    expect(findings).to.have.length(27);
    const file = 'test/e2e/fixtures/two-page-call.html';
    // ws.send on the line of a WebSocket is not a PeerConnection's.
    expect(findings.find((f) => f.member === 'PeerConnection.prototype.send').line).to.equal(lineOf(file, 'session.pc.send('));
    expect(new Set(findings.map((f) => f.certainty))).to.deep.equal(new Set(['definite']));
  });

  it('finds nothing in modern code (a modern app, and the modern fixture pages)', () => {
    const { findings, errors } = scanPaths(
      [join(fixtures, 'modern.js'), join(root, 'test/e2e/fixtures/modern-caller.html'), join(root, 'test/e2e/fixtures/gum.html')],
      rows,
      root,
    );
    expect(errors).to.deep.equal([]);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.member}`)).to.deep.equal([]);
  });

  it('says "possible" where the receiver\'s type is unknown but its name says it; a stop() on anything else is not reported', () => {
    const { findings } = scanPaths([join(fixtures, 'possible.js')], rows, root);
    expect(findings.map((f) => [f.member, f.line, f.certainty])).to.deep.equal([
      ['LocalMediaStream.prototype.stop', 3, 'possible'],
      ['URL.createObjectURL(MediaStream)', 5, 'possible'],
    ]);
  });

  it('matches every pattern form later drafts need: globals, window.X, prefixed methods, {key}, callbacks, events', () => {
    const table = tableOf([
      {
        id: 'test/later',
        drafts: ['2012-03-18'],
        members: [
          { name: 'webkitPeerConnection00', replacement: 'new RTCPeerConnection()', pattern: 'webkitPeerConnection00' },
          { name: 'navigator.webkitGetUserMedia', replacement: 'navigator.mediaDevices.getUserMedia()', pattern: 'navigator.webkitGetUserMedia()' },
          { name: 'mandatory constraints', replacement: '{ width: { min: 640 } }', pattern: '{mandatory}' },
          { name: 'getStats(callback)', replacement: 'await pc.getStats()', pattern: '*#getStats(fn)' },
          { name: 'onaddstream', replacement: 'ontrack', pattern: '*@addstream' },
        ],
      },
    ]);
    const text = readFileSync(join(fixtures, 'later-drafts.js'), 'utf8');
    const { findings } = scanText(text, 'later-drafts.js', table);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.member}`)).to.deep.equal([
      '2:14 webkitPeerConnection00',
      '3:11 navigator.webkitGetUserMedia',
      '3:41 mandatory constraints',
      '4:4 getStats(callback)',
      '8:25 webkitPeerConnection00',
      '9:21 onaddstream',
    ]);
  });

  it('reads inline scripts of HTML with their page line numbers, not scripts loaded by src', () => {
    const html = '<!doctype html>\n<script src="x.js">navigator.getUserMedia("audio", f)</script>\n<p>\n<script>\n  var pc = new PeerConnection("", f);</script>\n<script type="text/template">new PeerConnection()</script>';
    const { findings } = scanText(html, 'page.html', rows);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.member}`)).to.deep.equal(['5:16 PeerConnection']);
    const oneLine = scanText('<script>new PeerConnection("", f)</script>', 'one.html', rows).findings;
    expect(oneLine.map((f) => `${f.line}:${f.column}`)).to.deep.equal(['1:13']);
  });

  describe('the command', () => {
    it('prints text grouped by file, with the replacement and what a static scan cannot know', () => {
      // The 2011 demos (other drafts' demos join legacy/ as they land: each is checked on its own above).
      const r = run('scan', 'legacy/index.html', ...Object.keys(DEMOS).sort());
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/^legacy\/snapshot-kiosk\.html\n {2}\d+:\d+ {2}navigator\.getUserMedia \(draft 2011-10-27\)/);
      expect(r.stdout).to.include('→ video.srcObject = stream');
      const total = Object.values(DEMOS).reduce((n, list) => n + list.length, 0);
      expect(r.stdout).to.include(`${total} legacy uses (0 possible) in ${Object.keys(DEMOS).length} of ${Object.keys(DEMOS).length + 1} files scanned.`);
      expect(r.stdout).to.include('A static scan sees only what the source names');
    });

    it('--json gives every finding with file, line, column, draft and replacement', () => {
      const r = run('scan', 'legacy/video-call.html', '--json');
      const out = JSON.parse(r.stdout);
      expect(out.findings).to.have.length(DEMOS['legacy/video-call.html'].length);
      expect(out.findings[0]).to.include.keys('file', 'line', 'column', 'member', 'draft', 'replacement', 'certainty');
    });

    it('--sarif writes SARIF 2.1.0: rules per member, results with their locations', () => {
      const r = run('scan', ...Object.keys(DEMOS), '--sarif');
      const log = JSON.parse(r.stdout);
      expect(log.version).to.equal('2.1.0');
      expect(log.$schema).to.match(/sarif-2\.1\.0/);
      const [runResult] = log.runs;
      const { rules } = runResult.tool.driver;
      expect(runResult.results).to.have.length(Object.values(DEMOS).reduce((n, list) => n + list.length, 0));
      for (const res of runResult.results) {
        expect(rules[res.ruleIndex].id).to.equal(res.ruleId);
        expect(res.level).to.equal('warning');
        const { artifactLocation, region } = res.locations[0].physicalLocation;
        expect(artifactLocation.uri).to.match(/^legacy\/[\w-]+\.html$/);
        expect(region.startLine).to.be.above(0);
        expect(region.startColumn).to.be.above(0);
      }
    });

    it('--fail-on legacy exits 1 on legacy code and 0 on modern code; possible findings fail only --fail-on possible', () => {
      expect(run('scan', 'legacy', '--fail-on', 'legacy').status).to.equal(1);
      expect(run('scan', 'test/unit/fixtures/scan/modern.js', '--fail-on', 'legacy').status).to.equal(0);
      expect(run('scan', 'test/unit/fixtures/scan/possible.js', '--fail-on', 'legacy').status).to.equal(0);
      expect(run('scan', 'test/unit/fixtures/scan/possible.js', '--fail-on=possible').status).to.equal(1);
      expect(run('scan', 'legacy', '--fail-on', 'sometimes').status).to.equal(2);
      expect(run('frobnicate').status).to.equal(2);
    });
  });
});
