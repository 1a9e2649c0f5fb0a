#!/usr/bin/env node
// `npx webrtc-legacy scan <files or folders> [--json | --sarif] [--fail-on legacy|possible]`
// Lists each use of a legacy WebRTC draft member in JavaScript and HTML (inline scripts), with the
// draft and the modern replacement, from the package's own member table (scripts/scan/).
import { loadTable } from './scan/table.js';
import { scanPaths } from './scan/scan.js';
import * as format from './scan/format.js';

const USAGE = `usage: webrtc-legacy scan <files or folders> [--json | --sarif] [--fail-on legacy|possible]
  --json              findings as JSON
  --sarif             findings as SARIF 2.1.0 (for code hosts and CI annotations)
  --fail-on legacy    exit 1 when a legacy use is found (possible ones do not count)
  --fail-on possible  exit 1 when anything is found, possible ones too`;

async function main(argv) {
  const [command, ...rest] = argv;
  if (command !== 'scan') {
    console.error(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const paths = [];
  let output = 'text';
  let failOn = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') output = 'json';
    else if (a === '--sarif') output = 'sarif';
    else if (a === '--fail-on' || a.startsWith('--fail-on=')) {
      failOn = a.includes('=') ? a.split('=')[1] : rest[++i];
      if (failOn !== 'legacy' && failOn !== 'possible') {
        console.error(`--fail-on takes legacy or possible, not ${JSON.stringify(failOn)}\n${USAGE}`);
        return 2;
      }
    } else if (a.startsWith('-')) {
      console.error(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (!paths.length) {
    console.error(USAGE);
    return 2;
  }
  const { rows, version } = await loadTable();
  const result = scanPaths(paths, rows);
  console.log(output === 'json' ? format.json(result) : output === 'sarif' ? format.sarif(result, version) : format.text(result));
  const counted = failOn === 'possible' ? result.findings : result.findings.filter((f) => f.certainty === 'definite');
  if (failOn && counted.length) return 1;
  return result.errors.length ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.message);
    process.exit(2);
  },
);
