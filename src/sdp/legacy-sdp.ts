/**
 * The SDP rewrites and reads the 2011 PeerConnection needs, over sdp-transform's grammar. Pure:
 * unit-tested alone.
 *
 * They run on every message sent or received, and a camera+microphone SDP has 130–150 lines (rtpmap,
 * rtcp-fb, fmtp, ssrc, extmap…) on each of which sdp-transform tries dozens of grammar rules, while
 * each function here reads at most a dozen kinds of line. So each hands sdp-transform only the lines
 * whose attribute it reads (every grammar rule it reads is anchored on a literal "name:" prefix, so
 * a prefix filter keeps exactly the lines those rules would take), and the outgoing rewrite edits
 * the lines it changes in place: every other line goes on the wire byte for byte as the browser
 * wrote it. (Measured in bench/README.md, per-message cost.)
 */
import { parse, type MediaDescription, type SessionDescription } from 'sdp-transform';

type Media = MediaDescription & { invalid?: { value: string }[] };

/** Lines sdp-transform would split an SDP into (it takes CRLF, LF and CR alike). */
const LINE_END = /\r\n|\r|\n/;

/**
 * The SDP made of the m= lines (sdp-transform needs them to tell sections apart) and the `a=` lines
 * beginning with one of `prefixes`, parsed by sdp-transform: for the attributes named by the prefixes,
 * the same result as parsing the whole SDP.
 */
function parseOnly(sdp: string, prefixes: readonly string[]): SessionDescription {
  return parse(sdp.split(LINE_END).filter((l) => wanted(l, prefixes)).join('\r\n'));
}

function wanted(line: string, prefixes: readonly string[]): boolean {
  if (line.startsWith('m=')) return true;
  if (!line.startsWith('a=')) return false;
  for (const p of prefixes) if (line.startsWith(p)) return true;
  return false;
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
const OUTGOING = ['a=group:', 'a=mid:', 'a=msid:', 'a=label:', 'a=bundle-only', 'a=candidate:'] as const;

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
  // Lines at even indices, each followed by its own line ending, kept as the browser wrote it.
  const parts = sdp.split(/(\r\n|\r|\n)/);
  const eol = parts[1] ?? '\r\n';
  // Chromium refuses an SDP without its final line ending.
  if (parts[parts.length - 1] !== '') parts.push(eol, '');
  // For each section (index 0 is the session part), the indices of its lines sdp-transform reads.
  const sections: number[][] = [[]];
  const read: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i]!;
    if (!wanted(line, OUTGOING)) continue;
    if (line.startsWith('m=')) sections.push([]);
    sections[sections.length - 1]!.push(i);
    read.push(line);
  }
  const session = parse(read.join('\r\n'));
  const media = session.media as Media[];
  const drop = (i: number): void => {
    parts[i] = '';
    parts[i + 1] = '';
  };

  for (const s of unzeroBundleOnly(session)) {
    const mLine = sections[s + 1]![0]!;
    const tokens = parts[mLine]!.split(' ');
    tokens[1] = String(media[s]!.port);
    parts[mLine] = tokens.join(' ');
    for (const i of sections[s + 1]!) if (parts[i]!.startsWith('a=bundle-only') && taken(media[s]!, parts[i]!)) drop(i);
  }

  media.forEach((m, s) => {
    const id = msidStreamId(m);
    const label = id === undefined ? undefined : labelOf(id);
    if (label === undefined) return;
    const lines = sections[s + 1]!;
    // The line msidStreamId read: the first msid line sdp-transform took, else Firefox's, in `invalid`.
    const msid = lines.find((i) => parts[i]!.startsWith('a=msid:') && taken(m, parts[i]!) === Boolean(m.msid?.[0]))!;
    for (const i of lines) if (parts[i]!.startsWith('a=label:') && taken(m, parts[i]!)) drop(i);
    const tokens = parts[msid]!.slice('a=msid:'.length).split(' ');
    if (id !== label) tokens[0] = label;
    parts[msid] = `a=msid:${tokens.join(' ')}${parts[msid + 1]}a=label:${label}`;
  });

  return { sdp: parts.join(''), candidates: keysOf(session) };
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

const SENDING = ['a=mid:', 'a=msid:', 'a=label:', 'a=bundle-only', 'a=sendrecv', 'a=sendonly', 'a=recvonly', 'a=inactive'] as const;

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
  const s = parseOnly(sdp, ['a=setup:']);
  const setups = [s.setup, ...s.media.map((m) => m.setup)].filter((x): x is string => typeof x === 'string');
  if (setups.includes('actpass')) return 'offer';
  if (setups.some((x) => x === 'active' || x === 'passive')) return 'answer';
  return null;
}

/**
 * RFC 8839 §5.4: an ice-ufrag is 4 to 256 ice-chars, an ice-pwd 22 to 256 (ALPHA / DIGIT / "+" / "/").
 * Chromium takes a remote description that breaks this as a lasting session error: every later
 * setRemoteDescription and createOffer on that connection fails. One such message from the peer would
 * end all negotiation, so it is refused before the browser sees it, as the browser refuses bad SDP.
 * Every such line counts (sdp-transform keeps one per section), so each is parsed alone; its value is
 * the whole rest of the line, which must be the one token sdp-transform reads.
 */
export function iceCredentialsProblem(sdp: string): string | null {
  for (const line of sdp.split(LINE_END)) {
    const attr = line.startsWith('a=ice-ufrag:') ? 'ufrag' : line.startsWith('a=ice-pwd:') ? 'pwd' : undefined;
    if (!attr) continue;
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
  return keysOf(parseOnly(sdp, ['a=candidate:']));
}

function keysOf(session: SessionDescription): Set<string> {
  const keys = new Set<string>();
  for (const m of session.media) {
    for (const c of m.candidates ?? []) keys.add(`${c.foundation} ${c.component} ${c.transport} ${c.ip} ${c.port}`);
  }
  return keys;
}
