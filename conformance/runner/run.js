#!/usr/bin/env node
// `npm run conformance [-- options]`: the conformance suite in headless Chromium and Firefox ESR,
// native and with the shim, for every draft in conformance/drafts.json (conformance/README.md).
//
//   --browser chromium|firefox   one browser (repeatable or comma list; default both)
//   --draft <id>                 one draft (repeatable or comma list; default all)
//   --mode native|shim           one mode (default both; the modern set always runs native too)
//   --fast                       only presence checks and checks marked `fast: true`
//   --serial                     one browser after the other (default: both at once, each with one
//                                page at a time: on 2 loaded cores the full run took 195 s at once with
//                                150 checks for 2011, 292 s serial with 103-129)
//   --out <dir>                  where conformance.json and conformance.html go (default reports/)
//   --update-readme              rewrite README.md's compatibility table from this run
//   --from <file.json>           run nothing: rebuild the HTML report (and README table) from a JSON report
//   --quiet                      no progress lines
// CHROME_BIN / FIREFOX_BIN choose the browser builds (test/browsers-config.js).

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runConformance, REPO_ROOT, BROWSERS, MODES } from './engine.js';
import { terminalTable } from './summary.js';
import { writeReports, updateReadme } from './output.js';

export function parseArgs(argv) {
  const opts = { browsers: [], drafts: [], modes: [], fast: false, parallel: true, updateReadme: false, out: path.join(REPO_ROOT, 'reports'), quiet: false };
  const list = (v) => String(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--browser':
      case '--browsers':
        opts.browsers.push(...list(value()).map((b) => ({ chrome: 'chromium', ff: 'firefox', 'firefox-esr': 'firefox' })[b] ?? b));
        break;
      case '--draft':
      case '--drafts':
        opts.drafts.push(...list(value()));
        break;
      case '--mode':
        opts.modes.push(...list(value()));
        break;
      case '--fast':
        opts.fast = true;
        break;
      case '--parallel':
        opts.parallel = true;
        break;
      case '--serial':
        opts.parallel = false;
        break;
      case '--update-readme':
        opts.updateReadme = true;
        break;
      case '--out':
        opts.out = path.resolve(value());
        break;
      case '--from':
        opts.from = path.resolve(value());
        break;
      case '--quiet':
        opts.quiet = true;
        break;
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  for (const b of opts.browsers) if (!BROWSERS.includes(b)) throw new Error(`--browser: unknown browser '${b}'; known: ${BROWSERS.join(', ')}`);
  for (const m of opts.modes) if (!MODES.includes(m)) throw new Error(`--mode: unknown mode '${m}'; known: ${MODES.join(', ')}`);
  if (!opts.browsers.length) opts.browsers = [...BROWSERS];
  if (!opts.modes.length) opts.modes = [...MODES];
  opts.browsers = [...new Set(opts.browsers)];
  opts.drafts = [...new Set(opts.drafts)];
  return opts;
}

/** Run, write the reports (and the README table when asked); returns the report and the files written. */
export async function main(argv = process.argv.slice(2), { log = (l) => process.stderr.write(l + '\n'), print = console.log } = {}) {
  const opts = parseArgs(argv);
  if (opts.help) {
    print('usage: npm run conformance -- [--browser chromium|firefox] [--draft <id>] [--mode native|shim] [--fast] [--serial] [--out dir] [--update-readme] [--from report.json]');
    return null;
  }
  const report = opts.from
    ? JSON.parse(fs.readFileSync(opts.from, 'utf8'))
    : await runConformance({
        browsers: opts.browsers,
        drafts: opts.drafts,
        modes: opts.modes,
        fast: opts.fast,
        parallel: opts.parallel,
        log: opts.quiet ? () => {} : log,
      });
  const files = writeReports(report, opts.out);
  print('');
  print(terminalTable(report));
  print('');
  print(`cells: passed/total (presence checks "members" counted apart from behaviour checks)`);
  print(`wrote ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}`);
  if (opts.updateReadme) {
    const changed = updateReadme(report);
    print(changed ? 'README.md: compatibility table updated' : 'README.md: compatibility table unchanged');
  }
  print(`conformance run took ${report.durationSeconds.toFixed(1)} s${opts.from ? ` (${path.basename(opts.from)})` : ''}`);
  return { report, files };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err?.stack ?? err);
      process.exit(2);
    },
  );
}
