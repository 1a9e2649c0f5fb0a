/**
 * The SDP rewrites and reads the 2011 PeerConnection needs, over sdp-transform's grammar. Pure:
 * unit-tested alone.
 *
 * They run on every message sent or received, and a camera+microphone SDP has 100–200 lines (rtpmap,
 * rtcp-fb, fmtp, ssrc, extmap…) on each of which sdp-transform tries dozens of grammar rules, while
 * each function here reads at most a dozen kinds of line (10–30 lines). So each hands sdp-transform only the lines
 * whose attribute it reads (every grammar rule it reads is anchored on a literal "name:" prefix, so
 * a prefix filter keeps exactly the lines those rules would take), and the outgoing rewrite edits
 * the lines it changes in place: every other line goes on the wire byte for byte as the browser
 * wrote it. (Measured in bench/README.md, per-message cost.)
 */
import { parse, type MediaDescription, type SessionDescription } from 'sdp-transform';

type Media = MediaDescription & { invalid?: { value: string }[] };

/** `a=` line prefixes, by the character after "a=": most lines are passed over on that comparison. */
type Prefixes = readonly (readonly string[] | undefined)[];

function prefixes(...list: string[]): Prefixes {
  const byChar: string[][] = [];
  for (const p of list) (byChar[p.charCodeAt(2)] ??= []).push(p);
  return byChar;
}

/** A line of an SDP: its text at [start, end), its line ending at [end, next). */
interface Line {
  text: string;
  start: number;
  end: number;
  next: number;
}

/**
 * The m= lines of an SDP (sdp-transform needs them to tell sections apart) and the `a=` lines that
 * begin with one of `wanted`, in order; only those are cut out of the SDP. Lines end at LF (or CRLF),
 * or at CR in an SDP of CR lines. (sdp-transform also ends a line at a lone CR inside an LF SDP, which
 * browsers do not: what follows such a CR is not looked into.) A candidate line repeating one already
 * taken is left out: it reads the same (bundled sections repeat the first one's candidates), and only
 * the set of candidates is used.
 */
function pick(sdp: string, wanted: Prefixes): Line[] {
  const nl = sdp.includes('\n') ? '\n' : '\r';
  const out: Line[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < sdp.length; ) {
    const eol = sdp.indexOf(nl, start);
    const next = eol === -1 ? sdp.length : eol + 1;
    if (takes(sdp, start, wanted)) {
      const end = eol === -1 ? sdp.length : eol > start && sdp.charCodeAt(eol - 1) === 0x0d ? eol - 1 : eol;
      const text = sdp.slice(start, end);
      const once = text.startsWith('a=candidate:');
      if (!once || !seen.has(text)) out.push({ text, start, end, next });
      if (once) seen.add(text);
    }
    start = next;
  }
  return out;
}

function takes(sdp: string, at: number, wanted: Prefixes): boolean {
  if (sdp.charCodeAt(at + 1) !== 0x3d /* = */) return false;
  const type = sdp.charCodeAt(at);
  if (type === 0x6d /* m */) return true;
  if (type !== 0x61 /* a */) return false;
  const list = wanted[sdp.charCodeAt(at + 2)];
  if (list) for (const p of list) if (sdp.startsWith(p, at)) return true;
  return false;
}

/**
 * The distinct lines of an SDP that begin with `prefix`, where pick() would find them, by the string
 * search for the prefix at a line start: for a line or two of a kind, no pass over every line.
 */
function distinctLines(sdp: string, prefix: string): Set<string> {
  const nl = sdp.includes('\n') ? '\n' : '\r';
  const out = new Set<string>();
  const found = sdp.indexOf(nl + prefix);
  for (let at = sdp.startsWith(prefix) ? 0 : found === -1 ? -1 : found + 1; at !== -1; ) {
    const eol = sdp.indexOf(nl, at);
    const end = eol === -1 ? sdp.length : eol > at && sdp.charCodeAt(eol - 1) === 0x0d ? eol - 1 : eol;
    out.add(sdp.slice(at, end));
    const next = eol === -1 ? -1 : sdp.indexOf(nl + prefix, eol);
    at = next === -1 ? -1 : next + 1;
  }
  return out;
}

/** sdp-transform's parse of the lines pick() takes: for the attributes `wanted` names, that of the whole SDP. */
function parseOnly(sdp: string, wanted: Prefixes): SessionDescription {
  return parse(pick(sdp, wanted).map((l) => l.text).join('\r\n'));
}

/**
 * Whether sdp-transform took `line` (one of section `m`'s) by its rule rather than as unknown: it
 * keeps a line no rule takes, whole, in `invalid`, so a line equal to none of those was taken.
 */
function taken(m: Media, line: string): boolean {
  return !m.invalid?.some((i) => i.value === line.slice(2));
}

/**
 * A section's msid stream id. Firefox's ids are "{uuid}", which sdp-transform's msid grammar does not
 * take: such a line lands, whole, in `invalid`.
 */
function msidStreamId(m: Media): string | undefined {
  if (m.msid?.[0]) return String(m.msid[0].id);
  const raw = m.invalid?.find((i) => i.value.startsWith('msid:'));
  return raw ? raw.value.slice('msid:'.length).split(' ')[0] : undefined;
}

/** What outgoingSdp reads: the BUNDLE group and its mids, msid, a=label, bundle-only, candidates. */
const OUTGOING = prefixes('a=group:', 'a=mid:', 'a=msid:', 'a=label:', 'a=bundle-only', 'a=candidate:');

/**
 * 2011 WD §4: "All SDP media descriptions for streams represented by MediaStream objects must include a
 * label attribute ("a=label:") whose value is the value of the MediaStream object's label attribute."
 * The msid is rewritten to the label too, so a peer whose browser groups tracks by msid sees the label
 * as the stream's id (Firefox's own ids are not valid labels).
 */
export function labelSections(sdp: string, labelOf: (streamId: string) => string | undefined): string {
  return outgoingSdp(sdp, labelOf).sdp;
}

/**
 * An SDP as it goes on the 2011 wire (labelSections) and the candidates it carries, from one parse:
 * this runs for every message the PeerConnection sends.
 */
export function outgoingSdp(sdp: string, labelOf: (streamId: string) => string | undefined): { sdp: string; candidates: Set<string> } {
  const lines = pick(sdp, OUTGOING);
  // The lines of each section; [0] is the session part.
  const sections: Line[][] = [[]];
  for (const l of lines) {
    if (l.text.startsWith('m=')) sections.push([]);
    sections[sections.length - 1]!.push(l);
  }
  const session = parse(lines.map((l) => l.text).join('\r\n'));
  const media = session.media as Media[];
  const ending = (l: Line): string => sdp.slice(l.end, l.next);
  // The input's own line ending, for the lines added.
  const ended = lines.find((l) => l.next > l.end);
  const eol = ended ? ending(ended) : '\r\n';
  // What replaces a line and its line ending.
  const edits = new Map<Line, string>();

  for (const s of unzeroBundleOnly(session)) {
    const [mLine, ...rest] = sections[s + 1]!;
    const tokens = mLine!.text.split(' ');
    tokens[1] = String(media[s]!.port);
    edits.set(mLine!, tokens.join(' ') + ending(mLine!));
    for (const l of rest) if (l.text.startsWith('a=bundle-only') && taken(media[s]!, l.text)) edits.set(l, '');
  }

  media.forEach((m, s) => {
    const id = msidStreamId(m);
    const label = id === undefined ? undefined : labelOf(id);
    if (label === undefined) return;
    const own = sections[s + 1]!;
    // The line msidStreamId read: the first msid line sdp-transform took, else Firefox's, in `invalid`.
    const msid = own.find((l) => l.text.startsWith('a=msid:') && taken(m, l.text) === Boolean(m.msid?.[0]))!;
    for (const l of own) if (l.text.startsWith('a=label:') && taken(m, l.text)) edits.set(l, '');
    const tokens = msid.text.slice('a=msid:'.length).split(' ');
    if (id !== label) tokens[0] = label;
    edits.set(msid, `a=msid:${tokens.join(' ')}${ending(msid) || eol}a=label:${label}${ending(msid)}`);
  });

  let out = '';
  let at = 0;
  for (const l of lines) {
    const edit = edits.get(l);
    if (edit === undefined) continue;
    out += sdp.slice(at, l.start) + edit;
    at = l.next;
  }
  out += sdp.slice(at);
  // Chromium refuses an SDP without its final line ending.
  const last = out.charCodeAt(out.length - 1);
  if (out && last !== 0x0a && last !== 0x0d) out += eol;
  return { sdp: out, candidates: keysOf(session) };
}

/**
 * 2011 WD §4: a media description whose port is zero is a removed stream. Firefox offers a section it
 * adds to a BUNDLE group as "port 0, a=bundle-only" (JSEP: bundled, not rejected), so on the 2011 wire
 * such a section takes the port of its group's first section and drops a=bundle-only: the same
 * bundled transport, said the way a 2011 peer reads it. (Our own peer also reads bundle-only right.)
 * Sets the port on the parsed sections and returns their indices.
 */
function unzeroBundleOnly(session: SessionDescription): number[] {
  const media = session.media as Media[];
  const changed: number[] = [];
  for (const group of session.groups ?? []) {
    if (group.type !== 'BUNDLE') continue;
    // sdp-transform reads a lone numeric mid ("a=group:BUNDLE 0", any one-section SDP) as a number.
    const mids = String(group.mids).split(' ');
    const tag = media.find((m) => String(m.mid) === mids[0] && m.port !== 0);
    if (!tag) continue;
    media.forEach((m, s) => {
      if (m.port !== 0 || !m.bundleOnly || !mids.includes(String(m.mid))) return;
      m.port = tag.port;
      delete m.bundleOnly;
      changed.push(s);
    });
  }
  return changed;
}

export interface RemoteSection {
  mid: string;
  /** The stream the peer's browser groups this section's track into (msid), if it said. */
  streamId: string | undefined;
  /** a=label, else the msid stream id: what the 2011 app sees as the stream's label. */
  label: string | undefined;
  kind: string;
}

const SENDING = prefixes('a=mid:', 'a=msid:', 'a=label:', 'a=bundle-only', 'a=sendrecv', 'a=sendonly', 'a=recvonly', 'a=inactive');
const CANDIDATES = prefixes('a=candidate:');

/** Sections of a remote description in which the peer sends media (port not zero, sendrecv/sendonly). */
export function sendingSections(sdp: string): RemoteSection[] {
  const out: RemoteSection[] = [];
  for (const m of parseOnly(sdp, SENDING).media as Media[]) {
    const direction = m.direction ?? 'sendrecv';
    // Port 0 with a=bundle-only (Firefox's sections added to a bundled call) means "bundled", not rejected.
    const rejected = m.port === 0 && !m.bundleOnly;
    if (rejected || (direction !== 'sendrecv' && direction !== 'sendonly') || m.type === 'application') continue;
    const streamId = msidStreamId(m);
    out.push({ mid: String(m.mid ?? ''), streamId, label: m.label === undefined ? streamId : String(m.label), kind: m.type });
  }
  return out;
}

/**
 * A bare SDP after "SDP\n" carries no messageType: RFC 5763's a=setup tells an offer (actpass) from an
 * answer (active / passive). Null when it does not say.
 */
export function inferType(sdp: string): 'offer' | 'answer' | null {
  // Whichever section says it: each a=setup line is read alone.
  const setups = [...distinctLines(sdp, 'a=setup:')].map((l) => parse(l).setup).filter((x): x is string => typeof x === 'string');
  if (setups.includes('actpass')) return 'offer';
  if (setups.some((x) => x === 'active' || x === 'passive')) return 'answer';
  return null;
}

/**
 * RFC 8839 §5.4: an ice-ufrag is 4 to 256 ice-chars, an ice-pwd 22 to 256 (ALPHA / DIGIT / "+" / "/").
 * Chromium takes a remote description that breaks this as a lasting session error: every later
 * setRemoteDescription and createOffer on that connection fails. One such message from the peer would
 * end all negotiation, so it is refused before the browser sees it, as the browser refuses bad SDP.
 * Every such line counts (sdp-transform keeps one per section), so each one (bundled sections repeat
 * them) is parsed alone; its value is the whole rest of the line, which must be the one token
 * sdp-transform reads. The order of the checks does not matter: any bad line refuses the SDP.
 */
export function iceCredentialsProblem(sdp: string): string | null {
  for (const line of [...distinctLines(sdp, 'a=ice-ufrag:'), ...distinctLines(sdp, 'a=ice-pwd:')]) {
    const attr = line.startsWith('a=ice-ufrag:') ? 'ufrag' : 'pwd';
    const value = line.slice(`a=ice-${attr}:`.length);
    const parsed = parse(line);
    const token = String(attr === 'ufrag' ? parsed.iceUfrag : parsed.icePwd);
    const min = attr === 'ufrag' ? 4 : 22;
    if (token !== value || !/^[A-Za-z0-9+/]*$/.test(token) || token.length < min || token.length > 256) {
      return `a=ice-${attr} ${JSON.stringify(value.slice(0, 40))} is not ${min} to 256 ICE characters (RFC 8839 §5.4)`;
    }
  }
  return null;
}

/**
 * Candidates in an SDP, by "foundation component transport ip port" (whatever section lists them: a
 * bundled section added later repeats the same ones): to tell whether a follow-up offer has news.
 */
export function candidateKeys(sdp: string): Set<string> {
  return keysOf(parseOnly(sdp, CANDIDATES));
}

function keysOf(session: SessionDescription): Set<string> {
  const keys = new Set<string>();
  for (const m of session.media) {
    for (const c of m.candidates ?? []) keys.add(`${c.foundation} ${c.component} ${c.transport} ${c.ip} ${c.port}`);
  }
  return keys;
}
