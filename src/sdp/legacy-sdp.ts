/**
 * The SDP rewrites the 2011 PeerConnection needs, over sdp-transform's grammar. Pure: unit-tested alone.
 */
import { parse, write, type MediaDescription } from 'sdp-transform';

type Media = MediaDescription & { invalid?: { value: string }[] };

/**
 * A section's msid stream id. Firefox's ids are "{uuid}", which sdp-transform's msid grammar does not
 * take: such a line lands, whole, in `invalid`.
 */
function msidStreamId(m: Media): string | undefined {
  if (m.msid?.[0]) return m.msid[0].id;
  const raw = m.invalid?.find((i) => i.value.startsWith('msid:'));
  return raw ? raw.value.slice('msid:'.length).split(' ')[0] : undefined;
}

function setMsidStreamId(m: Media, id: string): void {
  if (m.msid?.[0]) {
    m.msid[0].id = id;
    return;
  }
  const raw = m.invalid?.find((i) => i.value.startsWith('msid:'));
  if (raw) raw.value = `msid:${[id, ...raw.value.slice('msid:'.length).split(' ').slice(1)].join(' ')}`;
}

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
  const session = parse(sdp);
  unzeroBundleOnly(session);
  for (const m of session.media as Media[]) {
    const id = msidStreamId(m);
    const label = id === undefined ? undefined : labelOf(id);
    if (label === undefined) continue;
    m.label = label;
    if (id !== label) setMsidStreamId(m, label);
  }
  return { sdp: write(session), candidates: keysOf(session) };
}

/**
 * 2011 WD §4: a media description whose port is zero is a removed stream. Firefox offers a section it
 * adds to a BUNDLE group as "port 0, a=bundle-only" (JSEP: bundled, not rejected), so on the 2011 wire
 * such a section takes the port of its group's first section and drops a=bundle-only: the same
 * bundled transport, said the way a 2011 peer reads it. (Our own peer also reads bundle-only right.)
 */
function unzeroBundleOnly(session: ReturnType<typeof parse>): void {
  const media = session.media as Media[];
  for (const group of session.groups ?? []) {
    if (group.type !== 'BUNDLE') continue;
    // sdp-transform reads a lone numeric mid ("a=group:BUNDLE 0", any one-section SDP) as a number.
    const mids = String(group.mids).split(' ');
    const tag = media.find((m) => String(m.mid) === mids[0] && m.port !== 0);
    if (!tag) continue;
    for (const m of media) {
      if (m.port !== 0 || !m.bundleOnly || !mids.includes(String(m.mid))) continue;
      m.port = tag.port;
      delete m.bundleOnly;
    }
  }
}

export interface RemoteSection {
  mid: string;
  /** The stream the peer's browser groups this section's track into (msid), if it said. */
  streamId: string | undefined;
  /** a=label, else the msid stream id: what the 2011 app sees as the stream's label. */
  label: string | undefined;
  kind: string;
}

/** Sections of a remote description in which the peer sends media (port not zero, sendrecv/sendonly). */
export function sendingSections(sdp: string): RemoteSection[] {
  const out: RemoteSection[] = [];
  for (const m of parse(sdp).media as Media[]) {
    const direction = m.direction ?? 'sendrecv';
    // Port 0 with a=bundle-only (Firefox's sections added to a bundled call) means "bundled", not rejected.
    const rejected = m.port === 0 && !m.bundleOnly;
    if (rejected || (direction !== 'sendrecv' && direction !== 'sendonly') || m.type === 'application') continue;
    const streamId = msidStreamId(m);
    out.push({ mid: String(m.mid ?? ''), streamId, label: m.label ?? streamId, kind: m.type });
  }
  return out;
}

/**
 * A bare SDP after "SDP\n" carries no messageType: RFC 5763's a=setup tells an offer (actpass) from an
 * answer (active / passive). Null when it does not say.
 */
export function inferType(sdp: string): 'offer' | 'answer' | null {
  const s = parse(sdp);
  const setups = [s.setup, ...s.media.map((m) => m.setup)].filter((x): x is string => typeof x === 'string');
  if (setups.includes('actpass')) return 'offer';
  if (setups.some((x) => x === 'active' || x === 'passive')) return 'answer';
  return null;
}

/**
 * Candidates in an SDP, by "foundation component transport ip port" (whatever section lists them: a
 * bundled section added later repeats the same ones): to tell whether a follow-up offer has news.
 */
export function candidateKeys(sdp: string): Set<string> {
  return keysOf(parse(sdp));
}

function keysOf(session: ReturnType<typeof parse>): Set<string> {
  const keys = new Set<string>();
  for (const m of session.media) {
    for (const c of m.candidates ?? []) keys.add(`${c.foundation} ${c.component} ${c.transport} ${c.ip} ${c.port}`);
  }
  return keys;
}
