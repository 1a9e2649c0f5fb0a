// The scanner's three outputs: text grouped by file, JSON, SARIF 2.1.0.

export const LIMITS =
  'A static scan sees only what the source names. "possible": the receiver\'s type is unknown to the scan and its name says it ' +
  '(e.g. `localStream.stop()`); calls through other names, computed properties or eval are not seen; run the app with ' +
  'WebRTCLegacy.report() for what it really calls.';

export function text({ files, findings, errors }) {
  const out = [];
  const byFile = new Map();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(file);
    for (const f of list) {
      out.push(`  ${f.line}:${f.column}  ${f.certainty === 'possible' ? 'possible: ' : ''}${f.member} (draft ${f.draft})`);
      out.push(`      ${f.source}`);
      out.push(`    → ${f.replacement}${f.note ? `  (${f.note})` : ''}`);
    }
    out.push('');
  }
  for (const e of errors) out.push(`${e.file}:${e.line}:${e.column}: not scanned, the parser stopped: ${e.error}`);
  const possible = findings.filter((f) => f.certainty === 'possible').length;
  out.push(`${findings.length} legacy use${findings.length === 1 ? '' : 's'} (${possible} possible) in ${byFile.size} of ${files.length} file${files.length === 1 ? '' : 's'} scanned.`);
  if (findings.length) out.push(LIMITS);
  return out.join('\n');
}

export function json(result) {
  return JSON.stringify({ files: result.files.length, findings: result.findings, errors: result.errors, limits: LIMITS }, null, 2);
}

/** SARIF 2.1.0: one rule per legacy member found, one result per finding ("possible" ones as notes). */
export function sarif({ findings, errors }, version) {
  const rules = [];
  const index = new Map();
  for (const f of findings) {
    if (index.has(f.member)) continue;
    index.set(f.member, rules.length);
    rules.push({
      id: f.member,
      name: f.member.replace(/[^\w]+/g, '-'),
      shortDescription: { text: `${f.member} is a legacy WebRTC API (draft ${f.drafts.join(', ')})` },
      help: { text: `Today: ${f.replacement}${f.note ? ` — ${f.note}` : ''}` },
      properties: { drafts: f.drafts, replacement: f.replacement },
    });
  }
  const results = findings.map((f) => ({
    ruleId: f.member,
    ruleIndex: index.get(f.member),
    level: f.certainty === 'possible' ? 'note' : 'warning',
    message: { text: `${f.certainty === 'possible' ? 'Possibly ' : ''}${f.member} (WebRTC draft ${f.draft}). Today: ${f.replacement}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: f.line, startColumn: f.column } } }],
    properties: { certainty: f.certainty },
  }));
  const notifications = errors.map((e) => ({
    level: 'error',
    message: { text: `not scanned: ${e.error}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: e.file.split('\\').join('/') }, region: { startLine: e.line, startColumn: e.column } } }],
  }));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'webrtc-legacy scan', version, informationUri: 'https://github.com/webrtc-legacy/webrtc-legacy', rules } },
          invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
          results,
        },
      ],
    },
    null,
    2,
  );
}
