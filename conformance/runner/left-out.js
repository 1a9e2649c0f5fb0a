// Members the shim leaves out, with the reason (conformance/left-out/<draft>.json): a presence check
// that fails in shim mode and is listed there is reported as "left out" with its reason, not as an
// unexplained failure. It still counts as not passed: the cells say how many of the misses are known.
import fs from 'node:fs';
import path from 'node:path';

export const LEFT_OUT_DIR = path.join(import.meta.dirname, '..', 'left-out');

/** { "Interface.member" | "new Interface": reason } for one draft; {} when the draft has no file. */
export function readLeftOut(draftId) {
  const file = path.join(LEFT_OUT_DIR, `${draftId}.json`);
  if (!fs.existsSync(file)) return {};
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (json.draft !== draftId) throw new Error(`${file}: "draft" is ${JSON.stringify(json.draft)}, not ${draftId}`);
  return json.members ?? {};
}

/** The key a presence check id has in a left-out file: "<draft> IDL X.y" → "X.y", "<draft> IDL new X(…)" → "new X". */
export function leftOutKey(checkId, draftId) {
  const rest = checkId.startsWith(`${draftId} IDL `) ? checkId.slice(draftId.length + 5) : checkId;
  const ctor = /^new ([\w$]+)\(/.exec(rest);
  return ctor ? `new ${ctor[1]}` : rest.split(' ')[0];
}

/** Marks a failed shim-mode presence row that its draft's file lists; returns the row. */
export function markLeftOut(row, leftOut) {
  if (row.kind !== 'presence' || row.mode !== 'shim' || row.result === 'passed' || row.result === 'skipped') return row;
  const reason = leftOut[leftOutKey(row.id, row.draft)];
  if (!reason) return row;
  row.leftOut = reason;
  row.error = `left out: ${reason}${row.error ? ` (${row.error})` : ''}`;
  return row;
}
