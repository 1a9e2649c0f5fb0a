import type { DraftDate, LegacyMember, LegacyWindow, Surface } from './types';

/** How many distinct call sites report() keeps per member, and how many calls it looks at for them. */
const MAX_SITES = 3;
const MAX_SITE_CALLS = 50;

/** One row of report(): flat, so console.table shows it and JSON.stringify keeps it. */
export interface UsageRow {
  member: string;
  /** The draft it comes from (introduced in); all of them in `drafts`. */
  draft: DraftDate | '';
  drafts: DraftDate[];
  count: number;
  /** The first distinct call sites in the app, `file:line:column` (empty where the engine gave no stack). */
  sites: string[];
  replacement: string;
  note: string;
}

interface Entry {
  member: LegacyMember;
  drafts: readonly DraftDate[];
}

interface Use {
  count: number;
  sites: string[];
  /** What a `ctx.deprecated(member, modern)` caller said, for a member the table lacks. */
  modern?: string;
}

/** `name → member` for a list of surfaces: the one table (first registration of a name wins). */
export function memberTable(surfaces: readonly Surface[]): Map<string, Entry> {
  const table = new Map<string, Entry>();
  for (const s of surfaces) {
    for (const m of s.members ?? []) if (!table.has(m.name)) table.set(m.name, { member: m, drafts: m.drafts ?? s.drafts });
  }
  return table;
}

/** dist/webrtc-legacy.members.js: `name → [replacement, note]`, for the browser bundles (below). */
type MembersScript = Record<string, readonly [string, string?]>;

/**
 * A member's replacement and note. The browser bundles leave them out of the members (build-time,
 * scripts/doc-fields.js: they were 2.4 KB of the classic script's min+gzip); a page that wants them in
 * warnings and report() adds `<script src="webrtc-legacy.members.js">`, which sets
 * `WebRTCLegacyMembers`, generated from the same table.
 */
function advice(name: string, entry: Entry | undefined): { replacement?: string | undefined; note?: string | undefined } {
  if (entry?.member.replacement !== undefined) return entry.member;
  const row = (globalThis as { WebRTCLegacyMembers?: MembersScript }).WebRTCLegacyMembers?.[name];
  return row ? { replacement: row[0], note: row[1] } : {};
}

/**
 * Frames as V8 (`at fn (url:1:2)`, `at url:1:2`) and SpiderMonkey / JavaScriptCore (`fn@url:1:2`)
 * write them: `file:line:column`, or null for a frame without a location (native code).
 */
function frameSite(line: string): { file: string; site: string } | null {
  const m = /^\s*at (?:.*?\()?(.+?):(\d+):(\d+)\)?\s*$/.exec(line) ?? /@(.+?):(\d+):(\d+)\s*$/.exec(line);
  return m ? { file: m[1]!, site: `${m[1]}:${m[2]}:${m[3]}` } : null;
}

function frames(): { file: string; site: string }[] {
  const stack = new Error().stack;
  if (typeof stack !== 'string') return [];
  return stack
    .split('\n')
    .map(frameSite)
    .filter((f): f is { file: string; site: string } => f !== null);
}

/** The script the shim runs from: where this very function is (the top frame of its own stack). */
let ownFile: string | null | undefined;
function shimFile(): string | null {
  if (ownFile === undefined) ownFile = frames()[0]?.file ?? null;
  return ownFile;
}

/**
 * The app's calling line: the first frame outside the shim's own script. A bundle that inlined the
 * shim into the app's file has no such frame: no site, rather than a wrong one.
 */
function callSite(): string | null {
  const own = shimFile();
  if (own === null) return null;
  return frames().find((f) => f.file !== own)?.site ?? null;
}

/** Depth of quietly() calls: the shim reading its own legacy members is no use by the app. */
let quiet = 0;

/** Runs `read` without counting the legacy members it reads (a facade reading its delegate). */
export function quietly<T>(read: () => T): T {
  quiet++;
  try {
    return read();
  } finally {
    quiet--;
  }
}

/** What one window's page used: counts, first call sites, and the one-time messages. */
export class Usage {
  private readonly uses = new Map<string, Use>();

  constructor(
    readonly warnings: boolean,
    private readonly table: Map<string, Entry>,
  ) {}

  used(name: string, modern?: string): void {
    if (quiet) return;
    let use = this.uses.get(name);
    if (!use) this.uses.set(name, (use = { count: 0, sites: [], ...(modern === undefined ? {} : { modern }) }));
    use.count++;
    const first = use.count === 1;
    if (use.sites.length < MAX_SITES && use.count <= MAX_SITE_CALLS) {
      const site = callSite();
      if (site && !use.sites.includes(site)) use.sites.push(site);
    }
    if (!first || !this.warnings) return;
    const entry = this.table.get(name);
    const draft = entry ? ` (WebRTC draft ${entry.drafts[0]})` : '';
    const { replacement = modern ?? 'see webrtc-legacy.members.js', note } = advice(name, entry);
    const at = use.sites[0] ? `, called at ${use.sites[0]}` : '';
    console.warn(`webrtc-legacy: ${name}${draft} is a legacy WebRTC draft API, run by the shim${at}. Today's API: ${replacement}${note ? ` ${note}` : ''}`);
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.uses].map(([name, use]) => [name, use.count]));
  }

  report(): UsageRow[] {
    return [...this.uses].map(([name, use]) => {
      const entry = this.table.get(name);
      const drafts = [...(entry?.drafts ?? [])];
      const { replacement = use.modern ?? '', note = '' } = advice(name, entry);
      return {
        member: name,
        draft: drafts[0] ?? '',
        drafts,
        count: use.count,
        sites: [...use.sites],
        replacement,
        note,
      };
    });
  }
}

/** The Usage of each installed window: how code without an InstallContext (a class per window) counts. */
export const usages = new WeakMap<LegacyWindow, Usage>();

/** `ctx.used` for code that has only the window: counts only while the shim is installed there. */
export function used(win: LegacyWindow, member: string): void {
  usages.get(win)?.used(member);
}

/**
 * The same descriptor, counting `member` on each call of its function, getter or setter (same
 * `name` and `length`, so WebIDL checks see no difference). For members that are pure additions —
 * a widened native member calls `ctx.used` on its legacy path only — and not for constructors (their
 * `prototype` would differ): a class counts in its constructor.
 */
export function counted(win: LegacyWindow, member: string, descriptor: PropertyDescriptor): PropertyDescriptor {
  const wrap = <F extends (...args: never[]) => unknown>(fn: F | undefined): F | undefined => {
    if (typeof fn !== 'function') return fn;
    const wrapper = function (this: unknown, ...args: unknown[]) {
      used(win, member);
      return Reflect.apply(fn, this, args);
    };
    Object.defineProperty(wrapper, 'name', { value: fn.name });
    Object.defineProperty(wrapper, 'length', { value: fn.length });
    return wrapper as unknown as F;
  };
  const out = { ...descriptor };
  if ('value' in descriptor) out.value = wrap(descriptor.value);
  if (descriptor.get) out.get = wrap(descriptor.get);
  if (descriptor.set) out.set = wrap(descriptor.set);
  return out;
}
