/**
 * The synchronous offer and answer of the 2012-03 editor's draft (Chrome's webkitPeerConnection00),
 * written as text from a template the engine itself produced at install (sync-preparation.ts). Pure:
 * unit-tested alone in node.
 *
 * What the native connection later sets must match the text the peer got, or one of the engines
 * refuses it (measured, issue 11): ice-ufrag/pwd (the native SDP gets ours written over its own),
 * the fingerprint (the native connection is built with the template's certificate), m-line order,
 * kinds, mids and BUNDLE (Firefox refuses mid edits), extmap ids (Firefox: "Answer changed id for
 * extmap"), payload types (Chromium cannot decode others). No a=ssrc: receivers route by the mid
 * header extension, so the text needs none of the native connection's random SSRCs.
 *
 * Only the few line kinds these functions read are looked at, by their prefix: the call blocks the
 * page (principle 6), and a full sdp-transform parse of a camera+microphone SDP costs more than the
 * whole text takes to write.
 */
export type Kind = 'audio' | 'video';
export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface KindTemplate {
  /** `m=video 9 UDP/TLS/RTP/SAVPF 96 97 …` as the engine wrote it. */
  mLine: string;
  /** Codec, extmap and rtcp lines of the engine's section, in its order. */
  lines: readonly string[];
}

export interface Template {
  /** `sha-256 AB:CD:…` of the prepared certificate. */
  fingerprint: string;
  /** Session-level lines kept (a=extmap-allow-mixed). */
  session: readonly string[];
  kinds: Partial<Record<Kind, KindTemplate>>;
}

export interface Section {
  kind: string;
  port: number;
  proto: string;
  formats: string[];
  mid: string | null;
  direction: Direction;
  /** Every line of the section after its m= line. */
  lines: string[];
}

export interface ParsedSdp {
  session: string[];
  sections: Section[];
}

const DIRECTIONS: readonly string[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

export function lines(sdp: string): string[] {
  return sdp.split(/\r\n|\n|\r/).filter((l) => l.length > 0);
}

export function parseSdp(sdp: string): ParsedSdp {
  const out: ParsedSdp = { session: [], sections: [] };
  let current: Section | null = null;
  for (const line of lines(sdp)) {
    if (line.startsWith('m=')) {
      const [kind = '', port = '0', proto = '', ...formats] = line.slice(2).split(' ');
      current = { kind, port: Number(port.split('/')[0]), proto, formats, mid: null, direction: 'sendrecv', lines: [] };
      out.sections.push(current);
      continue;
    }
    if (!current) {
      out.session.push(line);
      continue;
    }
    current.lines.push(line);
    if (line.startsWith('a=mid:')) current.mid = line.slice(6).trim();
    else if (DIRECTIONS.includes(line.slice(2)) && line.startsWith('a=')) current.direction = line.slice(2) as Direction;
  }
  // A session-level direction applies to sections without their own.
  const sessionDirection = out.session.find((l) => l.startsWith('a=') && DIRECTIONS.includes(l.slice(2)));
  if (sessionDirection) {
    for (const s of out.sections) if (!s.lines.some((l) => DIRECTIONS.includes(l.slice(2)))) s.direction = sessionDirection.slice(2) as Direction;
  }
  return out;
}

/** The attribute name of an `a=` line: `a=rtcp-fb:96 nack` → `rtcp-fb`. */
function attr(line: string): string {
  if (!line.startsWith('a=')) return '';
  const colon = line.indexOf(':');
  return colon === -1 ? line.slice(2) : line.slice(2, colon);
}

/** Lines of a native section the text writes itself, or that must not be there (ssrc). */
const OWN = new Set(['mid', 'ice-ufrag', 'ice-pwd', 'ice-options', 'fingerprint', 'setup', 'msid', 'ssrc', 'ssrc-group', 'candidate', 'end-of-candidates', ...DIRECTIONS]);

/** The template from one native offer with an audio and a video transceiver. Null when it has neither. */
export function captureTemplate(sdp: string): Template | null {
  const parsed = parseSdp(sdp);
  const fingerprint = lines(sdp).find((l) => l.startsWith('a=fingerprint:'))?.slice('a=fingerprint:'.length);
  if (!fingerprint) return null;
  const kinds: Partial<Record<Kind, KindTemplate>> = {};
  for (const s of parsed.sections) {
    if ((s.kind !== 'audio' && s.kind !== 'video') || kinds[s.kind]) continue;
    kinds[s.kind] = {
      mLine: `m=${s.kind} 9 ${s.proto} ${s.formats.join(' ')}`,
      lines: s.lines.filter((l) => l.startsWith('a=') && !OWN.has(attr(l))),
    };
  }
  if (!kinds.audio && !kinds.video) return null;
  return { fingerprint, session: parsed.session.filter((l) => l === 'a=extmap-allow-mixed'), kinds };
}

export interface Credentials {
  ufrag: string;
  pwd: string;
}

export interface SessionOrigin {
  id: string;
  version: number;
}

export interface OfferSection {
  kind: Kind;
  mid: string;
  direction: Direction;
  /** `a=msid` of the local stream and track it sends, if it sends. */
  msid?: string;
}

function header(origin: SessionOrigin, mids: readonly string[], extra: readonly string[]): string[] {
  const out = ['v=0', `o=- ${origin.id} ${origin.version} IN IP4 127.0.0.1`, 's=-', 't=0 0'];
  if (mids.length) out.push(`a=group:BUNDLE ${mids.join(' ')}`);
  return [...out, ...extra, 'a=msid-semantic: WMS'];
}

function transportLines(ice: Credentials, fingerprint: string, setup: 'actpass' | 'active', mid: string): string[] {
  return ['c=IN IP4 0.0.0.0', `a=ice-ufrag:${ice.ufrag}`, `a=ice-pwd:${ice.pwd}`, 'a=ice-options:trickle', `a=fingerprint:${fingerprint}`, `a=setup:${setup}`, `a=mid:${mid}`];
}

/** The offer's text: the template's sections in the given order, with our transport lines. */
export function offerText(template: Template, ice: Credentials, origin: SessionOrigin, sections: readonly OfferSection[]): string {
  const out = header(origin, sections.map((s) => s.mid), template.session);
  for (const s of sections) {
    const t = template.kinds[s.kind];
    if (!t) throw new Error(`the browser offers no ${s.kind}`);
    out.push(t.mLine, ...transportLines(ice, template.fingerprint, 'actpass', s.mid), ...t.lines, `a=${s.direction}`);
    if (s.msid) out.push(`a=msid:${s.msid}`);
  }
  return out.join('\r\n') + '\r\n';
}

/** The payload type and codec of each `a=rtpmap` line: `96` → `vp8/90000`. */
function codecs(sectionLines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of sectionLines) {
    if (!l.startsWith('a=rtpmap:')) continue;
    const [pt = '', codec = ''] = l.slice(9).split(' ');
    out.set(pt, codec.toLowerCase());
  }
  return out;
}

function ptOf(line: string): string {
  return line.slice(line.indexOf(':') + 1).split(' ')[0] ?? '';
}

/** `a=extmap:3/sendrecv urn:…` → `urn:…` */
function extmapUri(line: string): string {
  return line.split(' ')[1] ?? '';
}

/** `a=rtcp-fb:96 nack pli` → `nack pli` */
function feedback(line: string): string {
  return line.slice(line.indexOf(' ') + 1);
}

export const REVERSE: Record<Direction, Direction> = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' };

/** What we answer to an offered direction, given whether we want to send and to receive. */
export function answerDirection(offered: Direction, send: boolean, receive: boolean): Direction {
  const canSend = send && (offered === 'sendrecv' || offered === 'recvonly');
  const canReceive = receive && (offered === 'sendrecv' || offered === 'sendonly');
  return canSend ? (canReceive ? 'sendrecv' : 'sendonly') : canReceive ? 'recvonly' : 'inactive';
}

export interface AnswerSection {
  direction: Direction;
  msid?: string;
}

/**
 * The answer's text: each offered section mirrored with the offer's payload types and extmap ids,
 * keeping only the codecs, header extensions and feedback the engine offered itself (the template);
 * a section of a kind or codecs the engine lacks is rejected (port 0).
 */
export function answerText(template: Template, offer: ParsedSdp, ice: Credentials, origin: SessionOrigin, answers: (s: Section, index: number) => AnswerSection): string {
  const body: string[] = [];
  const accepted: string[] = [];
  offer.sections.forEach((s, i) => {
    const t = s.kind === 'audio' || s.kind === 'video' ? template.kinds[s.kind] : undefined;
    const mid = s.mid ?? String(i);
    const ours = t ? codecs(t.lines) : new Map<string, string>();
    const offered = codecs(s.lines);
    const kept = new Set<string>();
    for (const [pt, codec] of offered) if (codec.split('/')[0] !== 'rtx' && [...ours.values()].includes(codec)) kept.add(pt);
    // RTX rides with the codec it repairs.
    if ([...ours.values()].some((c) => c.startsWith('rtx/'))) {
      for (const l of s.lines) {
        const apt = /^a=fmtp:(\d+) apt=(\d+)/.exec(l);
        if (apt && kept.has(apt[2]!) && offered.get(apt[1]!)?.startsWith('rtx/')) kept.add(apt[1]!);
      }
    }
    if (!t || s.port === 0 || kept.size === 0) {
      body.push(`m=${s.kind} 0 ${s.proto} ${s.formats.join(' ')}`, 'c=IN IP4 0.0.0.0', `a=mid:${mid}`, 'a=inactive');
      return;
    }
    accepted.push(mid);
    const uris = new Set(t.lines.filter((l) => l.startsWith('a=extmap:')).map(extmapUri));
    const fbs = new Set(t.lines.filter((l) => l.startsWith('a=rtcp-fb:')).map(feedback));
    const answer = answers(s, i);
    body.push(`m=${s.kind} 9 ${s.proto} ${s.formats.filter((f) => kept.has(f)).join(' ')}`, ...transportLines(ice, template.fingerprint, 'active', mid));
    for (const l of s.lines) {
      const a = attr(l);
      if (a === 'extmap' ? uris.has(extmapUri(l)) : a === 'rtpmap' || a === 'fmtp' ? kept.has(ptOf(l)) : a === 'rtcp-fb' ? (kept.has(ptOf(l)) || ptOf(l) === '*') && fbs.has(feedback(l)) : a === 'rtcp-mux' || (a === 'rtcp-rsize' && t.lines.includes('a=rtcp-rsize'))) {
        body.push(l);
      }
    }
    body.push(`a=${answer.direction}`);
    if (answer.msid && answer.direction !== 'recvonly' && answer.direction !== 'inactive') body.push(`a=msid:${answer.msid}`);
  });
  const bundled = offer.session.find((l) => l.startsWith('a=group:BUNDLE'));
  const mids = bundled ? bundled.slice('a=group:BUNDLE'.length).trim().split(/\s+/).filter((m) => accepted.includes(m)) : [];
  const extra = template.session.filter((l) => offer.session.includes(l));
  return [...header(origin, mids, extra), ...body].join('\r\n') + '\r\n';
}

/** Why an SDP cannot be a session description, or null (checked synchronously, before any native call). */
export function sdpProblem(sdp: string): string | null {
  const all = lines(sdp);
  if (all[0] !== 'v=0') return 'it does not start with "v=0"';
  const parsed = parseSdp(sdp);
  if (parsed.sections.length === 0) return 'it has no m= line';
  const has = (ls: readonly string[], prefix: string) => ls.some((l) => l.startsWith(prefix));
  for (const [i, s] of parsed.sections.entries()) {
    if (s.port === 0) continue;
    for (const prefix of ['a=ice-ufrag:', 'a=ice-pwd:', 'a=fingerprint:']) {
      if (!has(s.lines, prefix) && !has(parsed.session, prefix)) return `its m-line ${i} (${s.kind}) has no ${prefix.slice(2, -1)}`;
    }
  }
  return null;
}

/** The native SDP with our ICE credentials written over the engine's own. */
export function withCredentials(sdp: string, ice: Credentials): string {
  return sdp.replace(/^a=ice-ufrag:.*$/gm, `a=ice-ufrag:${ice.ufrag}`).replace(/^a=ice-pwd:.*$/gm, `a=ice-pwd:${ice.pwd}`);
}

/** `candidate:…` from what an app may hold: with or without `a=`, with a line ending. Null if it is none. */
export function candidateLine(text: string): string | null {
  const line = text.trim().replace(/^a=/, '');
  return /^candidate:\S+ \d+ (udp|tcp) \d+ \S+ \d+ typ (host|srflx|prflx|relay)( .*)?$/i.test(line) ? line : null;
}

/** The SDP with a candidate added at the end of its m-line `index`, or null if there is none. */
export function withCandidate(sdp: string, index: number, line: string): string | null {
  const all = lines(sdp);
  const starts = all.flatMap((l, i) => (l.startsWith('m=') ? [i] : []));
  if (!(index >= 0 && index < starts.length)) return null;
  const end = starts[index + 1] ?? all.length;
  all.splice(end, 0, `a=${line}`);
  return all.join('\r\n') + '\r\n';
}

/** ICE characters (RFC 8839 §5.4), drawn from `random` bytes: 4 for a ufrag (24 bits), 22 for a pwd. */
export function iceString(bytes: Uint8Array): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return Array.from(bytes, (b) => chars[b & 63]).join('');
}
