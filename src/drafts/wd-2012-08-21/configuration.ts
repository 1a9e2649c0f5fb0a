/**
 * The RTCConfiguration of 2012–2015 translated to today's, for the constructor and updateIce.
 * Pure: no DOM, unit-tested in node.
 */

/** A legacy ICE server entry: 2012-08 WD `{url, credential}`, 2013-09 WD `{urls, username, credential}`. */
export interface LegacyIceServer {
  url?: unknown;
  urls?: unknown;
  username?: unknown;
  credential?: unknown;
  [other: string]: unknown;
}

export interface ConfigurationTranslation {
  readonly configuration: RTCConfiguration;
  /** What was changed or dropped, one line each (said once on the console). */
  readonly notes: readonly string[];
}

/** 2014 editor's draft §4.2.1 `RTCIceTransports`: "none" gathers nothing, "relay" only relay candidates. */
export const ICE_TRANSPORTS: Readonly<Record<string, RTCIceTransportPolicy>> = { all: 'all', relay: 'relay', none: 'relay' };

const TURN = /^(turns?):([^@?]+)@(.+)$/i;

/**
 * One server entry. 2012-08 WD §4.1: `{url, credential}` with no username; the Chrome of the time
 * (M24–M27) took the username from the URL (`turn:user@host`), which today's engines reject.
 * A TURN entry with no username anywhere cannot be used today: dropped, with a note.
 */
function iceServer(s: unknown, notes: string[]): RTCIceServer | null {
  if (typeof s !== 'object' || s === null) {
    notes.push(`iceServers entry ${String(s)} is not an object: dropped`);
    return null;
  }
  const { url, urls, username, credential, ...rest } = s as LegacyIceServer;
  const given = urls ?? url;
  const list = (Array.isArray(given) ? given : [given]).filter((u): u is string => typeof u === 'string');
  if (!list.length) {
    notes.push('iceServers entry without url or urls: dropped');
    return null;
  }
  let user = typeof username === 'string' && username !== '' ? username : undefined;
  const out: string[] = [];
  for (const u of list) {
    const m = TURN.exec(u);
    if (m) {
      user ??= decodeURIComponent(m[2]!);
      out.push(`${m[1]}:${m[3]}`);
      notes.push(`${u}: the username moved from the URL to username`);
    } else out.push(u);
  }
  const turn = out.some((u) => /^turns?:/i.test(u));
  if (turn && (user === undefined || typeof credential !== 'string' || credential === '')) {
    notes.push(`${out.join(' ')}: a TURN server needs a username and a credential today: dropped`);
    return null;
  }
  const server: RTCIceServer = { ...(rest as object), urls: out.length === 1 ? out[0]! : out };
  if (user !== undefined) server.username = user;
  if (credential !== undefined) server.credential = credential as string;
  return server;
}

/**
 * The configuration as today's constructor takes it: `url` → `urls`, `turn:user@host` → `username`,
 * unusable TURN entries dropped, `iceTransports` → `iceTransportPolicy` ("none": relay-only with no
 * servers, so no candidate is gathered and none leaves the connection).
 */
export function translateConfiguration(config: unknown): ConfigurationTranslation {
  const notes: string[] = [];
  if (typeof config !== 'object' || config === null) return { configuration: (config ?? {}) as RTCConfiguration, notes };
  const { iceServers, iceTransports, ...rest } = config as { iceServers?: unknown; iceTransports?: unknown } & Record<string, unknown>;
  const out: RTCConfiguration & Record<string, unknown> = { ...rest };
  if (Array.isArray(iceServers)) {
    out.iceServers = iceServers.map((s) => iceServer(s, notes)).filter((s): s is RTCIceServer => s !== null);
  } else if (iceServers !== undefined) {
    out.iceServers = iceServers as RTCIceServer[];
  }
  // 2015-02 WD §4.2.1 RTCIceTransportPolicy still had "none", which today's engines reject.
  const transports = rest['iceTransportPolicy'] === 'none' ? 'none' : 'iceTransportPolicy' in rest ? undefined : iceTransports;
  if (transports !== undefined) {
    const policy = ICE_TRANSPORTS[String(transports)];
    if (!policy) notes.push(`iceTransports ${JSON.stringify(transports)} is not "all", "relay" or "none": ignored`);
    else {
      out.iceTransportPolicy = policy;
      if (transports === 'none') out.iceServers = [];
    }
  }
  return { configuration: out, notes };
}

/** Whether the configuration names a member only the drafts knew, which today's constructor would ignore. */
export function hasLegacyOnlyMembers(config: unknown): boolean {
  return typeof config === 'object' && config !== null && 'iceTransports' in config && !('iceTransportPolicy' in config);
}

/**
 * Whether the configuration is written the drafts' way: an entry with the 2012-08 WD `url` and no
 * `urls`, a `turn:user@host` URL (Chrome M24–M27), or the 2014 ED / 2015-02 WD `iceTransports` /
 * `iceTransportPolicy: "none"` (those two only when `policy`: an explicit era). Only then may a configuration today's constructor rejects be
 * translated: one written today's way (`urls`) keeps today's error, which web-platform-tests'
 * RTCConfiguration-iceServers.html checks (`[null]`, `[{}]`, `urls: []`, a TURN server without
 * username or credential: TypeError, SyntaxError, InvalidAccessError) — issue 12, "the same results
 * with and without the shim".
 */
export function writtenForDrafts(config: unknown, policy = true): boolean {
  if (typeof config !== 'object' || config === null) return false;
  const c = config as { iceServers?: unknown; iceTransports?: unknown; iceTransportPolicy?: unknown };
  if (policy && ('iceTransports' in c || c.iceTransportPolicy === 'none')) return true;
  if (!Array.isArray(c.iceServers)) return false;
  return c.iceServers.some((s) => {
    if (typeof s !== 'object' || s === null) return false;
    const { url, urls } = s as LegacyIceServer;
    if (url !== undefined && urls === undefined) return true;
    const list = Array.isArray(urls) ? urls : [urls];
    return list.some((u) => typeof u === 'string' && TURN.test(u));
  });
}

/** Whether the configuration asks that no candidate be gathered (2014 ED `iceTransports`, 2015-02 WD `iceTransportPolicy`). */
export function gathersNothing(config: unknown): boolean {
  const c = config as { iceTransports?: unknown; iceTransportPolicy?: unknown } | null | undefined;
  return c?.iceTransportPolicy === 'none' || (c?.iceTransportPolicy === undefined && c?.iceTransports === 'none');
}
