// The scanner reads the SAME member table as warnings and report(): Surface.members of the registry,
// from the built module (dist/webrtc-legacy.mjs). Nothing about members is written down here.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePattern } from './patterns.js';

const dist = resolve(import.meta.dirname, '..', '..', 'dist', 'webrtc-legacy.mjs');

/** Every member that has a pattern: { name, drafts, replacement, note, matchers }. */
export function tableOf(registry) {
  const rows = [];
  const seen = new Set();
  for (const surface of registry) {
    for (const m of surface.members ?? []) {
      if (!m.pattern || seen.has(m.name)) continue;
      seen.add(m.name);
      rows.push({ name: m.name, drafts: [...(m.drafts ?? surface.drafts)], replacement: m.replacement, note: m.note ?? '', matchers: parsePattern(m.pattern) });
    }
  }
  return rows;
}

export async function loadTable() {
  if (!existsSync(dist)) throw new Error(`webrtc-legacy scan: ${dist} is missing (npm run build)`);
  const { registry, version } = await import(pathToFileURL(dist).href);
  return { rows: tableOf(registry), version };
}
