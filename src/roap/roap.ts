/**
 * The 2011 signaling wire format: "SDP\n" followed by a ROAP message (RTCWeb Offer/Answer Protocol,
 * draft-jennings-rtcweb-signaling), as Chrome's 2011 PeerConnection sent it. Pure functions, exported
 * so a modern RTCPeerConnection app can talk to a 2011 app.
 */
export const PREFIX = 'SDP\n';
/** Remote input is untrusted: anything longer is refused before parsing. */
export const MAX_MESSAGE_LENGTH = 256 * 1024;

export type RoapMessageType = 'OFFER' | 'ANSWER' | 'OK' | 'SHUTDOWN' | 'ERROR';
export type RoapErrorType = 'NOMATCH' | 'TIMEOUT' | 'REFUSED' | 'CONFLICT' | 'DOUBLECONFLICT' | 'FAILED';

export interface RoapMessage {
  messageType: RoapMessageType;
  offererSessionId: string;
  answererSessionId?: string;
  seq: number;
  /** OFFER and ANSWER: the full SDP, candidates inline. */
  sdp?: string;
  /** OFFER: resolves glare, the higher value wins. */
  tieBreaker?: number;
  /** ANSWER */
  moreComing?: boolean;
  /** ERROR */
  errorType?: RoapErrorType;
}

/** What followed the prefix: a ROAP message, or (as some apps send) a bare SDP. */
export type Parsed =
  | { kind: 'roap'; message: RoapMessage }
  | { kind: 'sdp'; sdp: string }
  | { kind: 'invalid'; reason: string };

const TYPES: readonly string[] = ['OFFER', 'ANSWER', 'OK', 'SHUTDOWN', 'ERROR'];
const ERRORS: readonly string[] = ['NOMATCH', 'TIMEOUT', 'REFUSED', 'CONFLICT', 'DOUBLECONFLICT', 'FAILED'];

/**
 * An SDP's lines all end in CRLF, the last one too (RFC 4566 §5). Chromium refuses an SDP whose last
 * line has none ("Invalid SDP line"), and a message trimmed on its way (as parse() trims the body, and
 * as many relays and apps do) loses it: put it back, so both engines read the same SDP.
 */
function withFinalLineEnd(sdp: string): string {
  return sdp.trim() + '\r\n';
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 256;
/** Below 2^53 - 1: the next OFFER takes the highest seq seen plus one, which must still be exact. */
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v < Number.MAX_SAFE_INTEGER;

/**
 * Reads one signaling message. Fields are copied one by one into a fresh object, so keys such as
 * `__proto__` or `constructor` in the input can never reach a prototype.
 */
export function parse(message: unknown): Parsed {
  if (typeof message !== 'string') return { kind: 'invalid', reason: 'not a string' };
  if (message.length > MAX_MESSAGE_LENGTH) return { kind: 'invalid', reason: `longer than ${MAX_MESSAGE_LENGTH} characters` };
  if (!message.startsWith(PREFIX)) return { kind: 'invalid', reason: 'no "SDP\\n" prefix' };
  const body = message.slice(PREFIX.length).trim();
  if (body.startsWith('v=')) return { kind: 'sdp', sdp: withFinalLineEnd(body) };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'neither ROAP JSON nor SDP' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'invalid', reason: 'ROAP message is not an object' };
  const r = raw as { [k: string]: unknown };
  const own = (k: string): unknown => (Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined);
  const messageType = own('messageType');
  if (typeof messageType !== 'string' || !TYPES.includes(messageType)) return { kind: 'invalid', reason: `unknown messageType ${JSON.stringify(messageType)}` };
  const offererSessionId = own('offererSessionId');
  if (!isId(offererSessionId)) return { kind: 'invalid', reason: 'offererSessionId missing or not a string' };
  const seq = own('seq');
  if (!isSeq(seq)) return { kind: 'invalid', reason: 'seq missing or not a non-negative integer' };
  const m: RoapMessage = { messageType: messageType as RoapMessageType, offererSessionId, seq };
  const answererSessionId = own('answererSessionId');
  if (answererSessionId !== undefined) {
    if (!isId(answererSessionId)) return { kind: 'invalid', reason: 'answererSessionId not a string' };
    m.answererSessionId = answererSessionId;
  } else if (messageType !== 'OFFER') {
    return { kind: 'invalid', reason: `${messageType} without answererSessionId` };
  }
  const sdp = own('sdp');
  if (messageType === 'OFFER' || messageType === 'ANSWER') {
    if (typeof sdp !== 'string' || !sdp.trim().startsWith('v=')) return { kind: 'invalid', reason: `${messageType} without an SDP` };
    m.sdp = withFinalLineEnd(sdp);
  }
  const tieBreaker = own('tieBreaker');
  if (messageType === 'OFFER') {
    if (typeof tieBreaker !== 'number' || !Number.isFinite(tieBreaker)) return { kind: 'invalid', reason: 'OFFER without a numeric tieBreaker' };
    m.tieBreaker = tieBreaker;
  }
  if (messageType === 'ANSWER' && typeof own('moreComing') === 'boolean') m.moreComing = own('moreComing') as boolean;
  if (messageType === 'ERROR') {
    const errorType = own('errorType');
    if (typeof errorType !== 'string' || !ERRORS.includes(errorType)) return { kind: 'invalid', reason: `unknown errorType ${JSON.stringify(errorType)}` };
    m.errorType = errorType as RoapErrorType;
  }
  return { kind: 'roap', message: m };
}

/** "SDP\n" + the ROAP JSON, fields in the draft's order. */
export function serialize(m: RoapMessage): string {
  const out: { [k: string]: unknown } = { messageType: m.messageType, offererSessionId: m.offererSessionId };
  if (m.answererSessionId !== undefined) out.answererSessionId = m.answererSessionId;
  out.seq = m.seq;
  if (m.sdp !== undefined) out.sdp = m.sdp;
  if (m.tieBreaker !== undefined) out.tieBreaker = m.tieBreaker;
  if (m.moreComing !== undefined) out.moreComing = m.moreComing;
  if (m.errorType !== undefined) out.errorType = m.errorType;
  return PREFIX + JSON.stringify(out);
}
