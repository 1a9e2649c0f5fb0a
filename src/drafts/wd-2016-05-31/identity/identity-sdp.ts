/**
 * The two SDP lines identity reads and writes (RTCWEB-SECURITY-ARCH §7.4–7.6, as the 2016 WD §9 uses
 * them): every `a=fingerprint:<hash> <digest>` (RFC 8122 §5) the assertion must cover, and the session-level
 * `a=identity:<base64 of {"idp":{domain,protocol},"assertion"}>` that carries it. Only those lines are read.
 */

export interface Fingerprint {
  readonly algorithm: string;
  readonly digest: string;
}

export interface IdentityAssertionJson {
  readonly idp: { readonly domain: string; readonly protocol?: string };
  readonly assertion: string;
}

const lines = (sdp: string) => sdp.split(/\r\n|\r|\n/);

/** Every distinct fingerprint of a description, as the `contents` the IdP signs lists them (Firefox's form). */
export function fingerprints(sdp: string): Fingerprint[] {
  const seen = new Map<string, Fingerprint>();
  for (const line of lines(sdp)) {
    const m = /^a=fingerprint:(\S+) ([0-9A-Fa-f:]+)\s*$/.exec(line);
    if (m) seen.set(`${m[1].toLowerCase()} ${m[2].toUpperCase()}`, { algorithm: m[1].toLowerCase(), digest: m[2].toUpperCase() });
  }
  return [...seen.values()];
}

/** RTCWEB-SECURITY-ARCH §7.4: the `contents` given to generateAssertion. */
export const assertionContents = (sdp: string): string => JSON.stringify({ fingerprint: fingerprints(sdp) });

/** The session-level a=identity value, or null. */
export function identityValue(sdp: string): string | null {
  for (const line of lines(sdp)) {
    if (line.startsWith('m=')) return null;
    if (line.startsWith('a=identity:')) return line.slice('a=identity:'.length).trim().split(' ')[0];
  }
  return null;
}

/** The description with `a=identity:<value>` at session level (before the first m= line), replacing one there. */
export function withIdentity(sdp: string, value: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const all = sdp.split(eol).filter((l, i, a) => !(l.startsWith('a=identity:') && a.slice(0, i).every((x) => !x.startsWith('m='))));
  let at = all.findIndex((l) => l.startsWith('m='));
  if (at < 0) at = all.length && all[all.length - 1] === '' ? all.length - 1 : all.length;
  all.splice(at, 0, `a=identity:${value}`);
  return all.join(eol);
}

/** Whether every fingerprint of the description is among those the validated contents list. */
export function covers(contents: unknown, sdp: string): boolean {
  const listed = (contents as { fingerprint?: unknown } | null)?.fingerprint;
  if (!Array.isArray(listed)) return false;
  const have = new Set(
    listed
      .filter((f): f is Fingerprint => typeof f?.algorithm === 'string' && typeof f?.digest === 'string')
      .map((f) => `${f.algorithm.toLowerCase()} ${f.digest.toUpperCase()}`),
  );
  const needed = fingerprints(sdp);
  return needed.length > 0 && needed.every((f) => have.has(`${f.algorithm} ${f.digest}`));
}

/** Decodes an a=identity value; null when it is not base64 JSON of the draft's shape. */
export function decodeIdentity(value: string, atob: (s: string) => string): IdentityAssertionJson | null {
  try {
    const parsed = JSON.parse(atob(value)) as IdentityAssertionJson;
    if (typeof parsed?.idp?.domain !== 'string' || typeof parsed.assertion !== 'string') return null;
    return parsed;
  } catch {
    return null;
  }
}
