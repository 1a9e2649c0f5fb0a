// The signaling fuzzer's message generator: pure and deterministic. Message N of seed S is made from
// its own PRNG stream (mulberry32 seeded by S and N), so `--only-index N` rebuilds it without the N-1
// before it. Inputs are messages captured from real 2011 calls (the corpus); outputs are payload
// descriptors the page turns into the value passed to processSignalingMessage:
//   { t: 's', s }   a string          { t: 'v', v }   a JSON value (number, null, array, object)
//   { t: 'u' }      undefined         { t: 'o', s }   an object whose toString() gives s
// Placeholders the page resolves against the live PeerConnection under test, so that mutated
// messages reach the deep paths (an ANSWER to the victim's own outstanding OFFER, a SHUTDOWN naming
// its session) and not only "another session": @@V@@ its session id, @@P@@ its peer's, and the
// JSON strings "@@S@@", "@@S+1@@", "@@S-1@@" its last seq (replaced, quotes included, by a number).

export const PREFIX = 'SDP\n';
/** src/roap/roap.ts MAX_MESSAGE_LENGTH: remote input longer than this is refused before parsing. */
export const MAX_MESSAGE_LENGTH = 256 * 1024;
export const ROAP_TYPES = ['OFFER', 'ANSWER', 'OK', 'SHUTDOWN', 'ERROR'];
export const ERROR_TYPES = ['NOMATCH', 'TIMEOUT', 'REFUSED', 'CONFLICT', 'DOUBLECONFLICT', 'FAILED'];

/** mulberry32: 32-bit state, good enough spread for choosing mutations, and tiny. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rand {
  constructor(next) {
    this.next = next;
  }
  /** 0 <= n < max */
  int(max) {
    return Math.floor(this.next() * max);
  }
  pick(list) {
    return list[this.int(list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** Picks a key of { key: weight }. */
  weighted(table) {
    const entries = Object.entries(table);
    let x = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((x -= w) < 0) return k;
    return entries[entries.length - 1][0];
  }
}

/** The PRNG of message `index` under `seed`. */
export function randFor(seed, index) {
  const mixed = Math.imul((seed >>> 0) ^ 0x85ebca6b, 0x9e3779b1) ^ Math.imul(index + 1, 0xc2b2ae35);
  const next = mulberry32(mixed >>> 0);
  next();
  return new Rand(next);
}

// ---------------------------------------------------------------------------------------------------
// A ROAP message under mutation: ordered [key, value] entries, so duplicate and `__proto__` keys
// survive to the text (JSON.stringify would drop or refuse them). A value may be { raw: 'json text' }
// for what JSON.stringify cannot write (1e999, -0, nested `__proto__` keys).

const raw = (text) => ({ raw: text });

function encode(v) {
  if (v && typeof v === 'object' && typeof v.raw === 'string') return v.raw;
  return JSON.stringify(v);
}

export function entriesToJson(entries) {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${encode(v)}`).join(',')}}`;
}

/** A captured message as entries, or null when it is bare SDP or not ROAP JSON. */
export function toEntries(text) {
  if (!text.startsWith(PREFIX)) return null;
  const body = text.slice(PREFIX.length).trim();
  if (!body.startsWith('{')) return null;
  try {
    const o = JSON.parse(body);
    return o && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o) : null;
  } catch {
    return null;
  }
}

const get = (entries, k) => entries.find((e) => e[0] === k)?.[1];
function set(entries, k, v) {
  const e = entries.find((x) => x[0] === k);
  if (e) e[1] = v;
  else entries.push([k, v]);
}

// ---------------------------------------------------------------------------------------------------
// SDP mutators: each takes (rand, sdp) and returns the new SDP. Lines keep the SDP's own line ending.

function splitSdp(sdp) {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  const trailing = lines.length && lines[lines.length - 1] === '' ? lines.pop() : undefined;
  return { lines, join: (ls) => ls.join(eol) + (trailing === undefined ? '' : eol) };
}

const JUNK_CHARS = ['\u0000', '\u0001', '\r', '\n', ' ', ':', '=', '\\', '"', '\u00e9', '\u2028', '\ufffd', '\ud83d\ude00', '%', '{', '}', 'a=', 'm='];

function junk(rand, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += rand.chance(0.5) ? rand.pick(JUNK_CHARS) : String.fromCharCode(32 + rand.int(95));
  return s;
}

function mapLines(rand, sdp, test, fn) {
  const { lines, join } = splitSdp(sdp);
  const idx = lines.map((l, i) => (test(l) ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return sdp;
  const i = rand.pick(idx);
  const out = fn(lines[i], lines, i);
  if (out === null) lines.splice(i, 1);
  else lines[i] = out;
  return join(lines);
}

const BAD_M_LINES = [
  'm=',
  'm=audio',
  'm=audio x UDP/TLS/RTP/SAVPF 111',
  'm=audio -1 UDP/TLS/RTP/SAVPF 111',
  'm=audio 99999999999 UDP/TLS/RTP/SAVPF 111',
  'm=video 9 UDP/TLS/RTP/SAVPF',
  'm=bogus 9 UDP/TLS/RTP/SAVPF 0',
  'm=audio 9 RTP/AVP 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 300',
  'm=audio 0 UDP/TLS/RTP/SAVPF 111',
  'm=video 0 UDP/TLS/RTP/SAVPF 96',
  'm=application 9 UDP/DTLS/SCTP',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel webrtc-datachannel',
  'm=audio 9/2 UDP/TLS/RTP/SAVPF 111',
];

const LABELS = ['__proto__', 'constructor', 'prototype', 'toString', '', ' ', 'x'.repeat(5000), '<script>alert(1)</script>', '\u0000', 'a b', '{', 'default'];

export const SDP_MUTATORS = {
  garbleAttribute: (rand, sdp) => mapLines(rand, sdp, (l) => l.startsWith('a='), (l) => {
    const at = 2 + rand.int(Math.max(1, l.length - 1));
    return l.slice(0, at) + junk(rand, 1 + rand.int(12)) + l.slice(at + rand.int(6));
  }),
  hugeLine: (rand, sdp) => {
    const { lines, join } = splitSdp(sdp);
    const line = rand.pick(['a=x-fuzz:', 'a=candidate:', 'a=fingerprint:sha-256 ', 'a=label:', 's=']) + 'A'.repeat(100 * 1024 + rand.int(1024));
    lines.splice(1 + rand.int(lines.length), 0, line);
    return join(lines);
  },
  badMLine: (rand, sdp) => mapLines(rand, sdp, (l) => l.startsWith('m='), () => rand.pick(BAD_M_LINES)),
  wrongFingerprint: (rand, sdp) => mapLines(rand, sdp, (l) => l.startsWith('a=fingerprint:'), (l) => {
    switch (rand.int(4)) {
      case 0:
        return null;
      case 1:
        return l.replace(/[0-9A-F]/g, (c) => (rand.chance(0.3) ? '0123456789ABCDEF'[rand.int(16)] : c));
      case 2:
        return l.replace(/^a=fingerprint:\S+/, `a=fingerprint:${rand.pick(['sha-999', 'md5', '', 'SHA-256'])}`);
      default:
        return l.slice(0, Math.max(14, l.length - 1 - rand.int(40)));
    }
  }),
  missingIce: (rand, sdp) => {
    const which = rand.pick(['a=ice-ufrag:', 'a=ice-pwd:', 'a=ice-']);
    const all = rand.chance(0.5);
    const { lines, join } = splitSdp(sdp);
    let dropped = false;
    return join(lines.filter((l) => !(l.startsWith(which) && (all || !dropped) && (dropped = true))));
  },
  iceJunk: (rand, sdp) => mapLines(rand, sdp, (l) => l.startsWith('a=ice-ufrag:') || l.startsWith('a=ice-pwd:'), (l) => l.slice(0, l.indexOf(':') + 1) + rand.pick(['', 'a', 'x'.repeat(300), junk(rand, 8)])),
  badCandidate: (rand, sdp) => {
    const { lines, join } = splitSdp(sdp);
    const bad = rand.pick([
      'a=candidate:1 1 udp 2122260223 999.999.999.999 9 typ host',
      'a=candidate:1 1 udp 2122260223 127.0.0.1 99999999 typ host',
      'a=candidate:1 1 udp -5 127.0.0.1 9 typ host',
      'a=candidate:1 1 tcp 1 127.0.0.1 9 typ bogus',
      'a=candidate:',
      'a=candidate:x y z',
      'a=candidate:1 1 udp 1 fuzz.local 9 typ host',
      'a=end-of-candidates:junk',
    ]);
    const at = lines.findIndex((l) => l.startsWith('a=candidate:') || l.startsWith('a=mid:'));
    lines.splice(at >= 0 ? at : lines.length, 0, bad);
    return join(lines);
  },
  dropLines: (rand, sdp) => {
    const { lines, join } = splitSdp(sdp);
    const n = 1 + rand.int(Math.min(8, lines.length));
    for (let i = 0; i < n && lines.length; i++) lines.splice(rand.int(lines.length), 1);
    return join(lines);
  },
  duplicateLines: (rand, sdp) => {
    const { lines, join } = splitSdp(sdp);
    const i = rand.int(lines.length);
    const copies = rand.pick([1, 2, 50]);
    lines.splice(i, 0, ...Array(copies).fill(lines[i]));
    return join(lines);
  },
  shuffleLines: (rand, sdp) => {
    const { lines, join } = splitSdp(sdp);
    for (let k = 0; k < 1 + rand.int(6); k++) {
      const i = rand.int(lines.length);
      const j = rand.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return join(lines);
  },
  lineEndings: (rand, sdp) => {
    const to = rand.pick(['\n', '\r', '\r\r\n', '\n\r', '']);
    return sdp.replace(/\r\n/g, to);
  },
  setupRole: (rand, sdp) => sdp.replace(/a=setup:\w+/g, () => `a=setup:${rand.pick(['actpass', 'active', 'passive', 'holdconn', 'junk', ''])}`),
  labels: (rand, sdp) => {
    const label = rand.pick(LABELS);
    if (rand.chance(0.5)) return sdp.replace(/a=label:[^\r\n]*/g, `a=label:${label}`).replace(/a=msid:\S+/g, `a=msid:${label}`);
    return mapLines(rand, sdp, (l) => l.startsWith('a=mid:'), (l) => `${l}\r\na=label:${label}`);
  },
  mids: (rand, sdp) => {
    const mid = rand.pick(['0', '', '__proto__', 'x'.repeat(300), ' ']);
    return rand.chance(0.5) ? sdp.replace(/a=mid:[^\r\n]*/g, `a=mid:${mid}`) : sdp.replace(/a=group:BUNDLE[^\r\n]*/g, `a=group:BUNDLE ${mid} 99`);
  },
  manySections: (rand, sdp) => {
    const at = sdp.indexOf('m=');
    if (at < 0) return sdp;
    const next = sdp.indexOf('m=', at + 2);
    const section = sdp.slice(at, next < 0 ? undefined : next);
    const n = rand.pick([5, 30]);
    let extra = '';
    for (let i = 0; i < n; i++) extra += section.replace(/a=mid:[^\r\n]*/, `a=mid:fz${i}`);
    return sdp + (sdp.endsWith('\n') ? '' : '\r\n') + extra;
  },
  noVersion: (rand, sdp) => sdp.replace(/^v=0/, rand.pick(['', 'v=1', 'v=', ' v=0', 'x=0'])),
  truncateSdp: (rand, sdp) => sdp.slice(0, rand.int(sdp.length + 1)),
};

// ---------------------------------------------------------------------------------------------------
// ROAP mutators: each takes (rand, entries) and changes the entries in place.

const WRONG_VALUES = [null, true, false, [], {}, '', 'x', 0, -1, 1.5, '1', ['OFFER'], { messageType: 'OFFER' }, raw('1e999'), raw('-0'), raw('{"__proto__":{"polluted":1}}')];
const HUGE_NUMBERS = [
  2 ** 53,
  2 ** 53 - 1,
  2 ** 53 + 2,
  2 ** 64,
  -1,
  -(2 ** 53),
  1e308,
  raw('1e999'),
  raw('-1e999'),
  0.5,
  1.5,
  raw('-0'),
  'NaN',
  'Infinity',
  '2',
  2 ** 31,
  2 ** 31 - 1,
  2 ** 32,
  0,
];
const IDS = ['', 'x'.repeat(256), 'x'.repeat(257), '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '\u0000', '@@V@@', '@@P@@', '\ud800'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const PROTO_VALUES = [
  '{"polluted":1}',
  '{"prototype":{"polluted":1}}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '[{"__proto__":{"polluted":1}}]',
  '"polluted"',
  'null',
  '1',
];

function protoObject(rand, depth) {
  const key = rand.pick(PROTO_KEYS);
  const inner = depth > 1 ? protoObject(rand, depth - 1) : rand.pick(PROTO_VALUES);
  return `{${JSON.stringify(key)}:${inner}}`;
}

/** The "seq" a replayed or out-of-order message carries: relative to the victim's own, or absolute. */
const SEQ_SHIFTS = ['"@@S@@"', '"@@S+1@@"', '"@@S-1@@"', '0', '1', '2', '1000'];

export const ROAP_MUTATORS = {
  dropField: (rand, e) => e.length && e.splice(rand.int(e.length), 1),
  swapValues: (rand, e) => {
    if (e.length < 2) return;
    const i = rand.int(e.length);
    const j = rand.int(e.length);
    [e[i][1], e[j][1]] = [e[j][1], e[i][1]];
  },
  swapKeys: (rand, e) => {
    if (e.length < 2) return;
    const i = rand.int(e.length);
    const j = rand.int(e.length);
    [e[i][0], e[j][0]] = [e[j][0], e[i][0]];
  },
  duplicateField: (rand, e) => {
    if (!e.length) return;
    const [k] = rand.pick(e);
    e.splice(rand.int(e.length + 1), 0, [k, rand.pick(WRONG_VALUES)]);
  },
  wrongType: (rand, e) => {
    if (!e.length) return;
    rand.pick(e)[1] = rand.pick(WRONG_VALUES);
  },
  hugeNumber: (rand, e) => set(e, rand.pick(['seq', 'seq', 'tieBreaker']), rand.pick(HUGE_NUMBERS)),
  tieBreaker: (rand, e) => set(e, 'tieBreaker', rand.pick([2 ** 53, 2 ** 64, 1.5, 0.1, -1, 0, 2 ** 31, 2 ** 31 - 1, 2 ** 32 - 1, raw('1e999'), '5', null])),
  replaySeq: (rand, e) => set(e, 'seq', raw(rand.pick(SEQ_SHIFTS))),
  messageType: (rand, e) => set(e, 'messageType', rand.pick([...ROAP_TYPES, 'offer', 'Answer', '', 'HELLO', 'OFFER ', 'constructor', '__proto__'])),
  errorType: (rand, e) => set(e, 'errorType', rand.pick([...ERROR_TYPES, 'nomatch', '', 'OOPS', 'toString'])),
  sessionIds: (rand, e) => {
    const k = rand.pick(['offererSessionId', 'answererSessionId']);
    if (rand.chance(0.3)) {
      const a = get(e, 'offererSessionId');
      set(e, 'offererSessionId', get(e, 'answererSessionId'));
      set(e, 'answererSessionId', a);
    } else set(e, k, rand.pick(IDS));
  },
  moreComing: (rand, e) => set(e, 'moreComing', rand.pick([true, false, 'true', 1, null])),
  extraFields: (rand, e) => e.splice(rand.int(e.length + 1), 0, [rand.pick(['foo', 'sdp2', 'MessageType', 'seq ', '']), rand.pick(WRONG_VALUES)]),
  /** `__proto__` / `constructor` / `prototype` at the top level, as a field's value, and nested. */
  protoKeys: (rand, e) => {
    const depth = 1 + rand.int(3);
    const where = rand.int(3);
    if (where === 0) e.splice(rand.int(e.length + 1), 0, [rand.pick(PROTO_KEYS), raw(rand.chance(0.5) ? protoObject(rand, depth) : rand.pick(PROTO_VALUES))]);
    else if (where === 1 && e.length) rand.pick(e)[1] = raw(protoObject(rand, depth));
    else e.splice(rand.int(e.length + 1), 0, ['payload', raw(`[${protoObject(rand, depth)},${protoObject(rand, 1)}]`)]);
  },
  sdpMutation: (rand, e) => {
    const sdp = get(e, 'sdp');
    if (typeof sdp !== 'string') return set(e, 'sdp', rand.pick(['', 'v=0', 'v=0\r\n', 'not sdp', 42, null]));
    set(e, 'sdp', applySdpMutator(rand, sdp).sdp);
  },
  sdpOnWrongType: (rand, e) => set(e, 'sdp', rand.pick(['v=0\r\n', 'v=0\r\nm=audio 9 RTP/AVP 0\r\n', 'v=0 junk', ' \n v=0'])),
};

export function applySdpMutator(rand, sdp) {
  const name = rand.pick(Object.keys(SDP_MUTATORS));
  return { name, sdp: SDP_MUTATORS[name](rand, sdp) };
}

/**
 * Points a message at the live PeerConnection: its session ids and seq become placeholders, in a
 * random combination (right ids, swapped, the victim's own id twice, ...).
 */
export function retarget(rand, e) {
  const pairs = [['@@P@@', '@@V@@'], ['@@V@@', '@@P@@'], ['@@V@@', '@@V@@'], ['@@P@@', '@@P@@'], ['@@V@@', undefined], ['@@P@@', undefined]];
  const [offerer, answerer] = rand.pick(pairs);
  set(e, 'offererSessionId', offerer);
  if (answerer !== undefined) set(e, 'answererSessionId', answerer);
  else if (get(e, 'messageType') !== 'OFFER' || rand.chance(0.5)) set(e, 'answererSessionId', rand.chance(0.5) ? '@@P@@' : '@@V@@');
  else {
    const i = e.findIndex((x) => x[0] === 'answererSessionId');
    if (i >= 0) e.splice(i, 1);
  }
  set(e, 'seq', raw(rand.pick(['"@@S@@"', '"@@S@@"', '"@@S+1@@"', '"@@S+1@@"', '"@@S-1@@"'])));
}

// ---------------------------------------------------------------------------------------------------
// Non-ROAP payloads: build the whole payload (the base message may be used as material).

const JSON_NON_OBJECTS = ['[]', '[1,2,3]', '0', '-1', '1e999', 'null', 'true', '"OFFER"', '[{"messageType":"OFFER"}]', '{}', '""', '{"messageType":null}'];
const BAD_PREFIXES = ['', 'sdp\n', 'SDP\r\n', 'SDP', ' SDP\n', '\ufeffSDP\n', 'SDP \n', 'ROAP\n', 'SDP\n\n\n', 'SDP\nSDP\n'];

function binary(rand, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(rand.chance(0.1) ? 0xd800 + rand.int(0x800) : rand.int(0x10000));
  return s;
}

/** Pads a captured message's SDP so the whole message is `length` characters. */
function padTo(text, length) {
  const e = toEntries(text);
  const pad = (n) => 'a=x-pad:' + 'P'.repeat(Math.max(0, n - 10)) + '\r\n';
  if (e && typeof get(e, 'sdp') === 'string') {
    const base = PREFIX + entriesToJson(e);
    set(e, 'sdp', get(e, 'sdp') + pad(length - base.length));
    const out = PREFIX + entriesToJson(e);
    return out.length > length ? out.slice(0, length) : out + ' '.repeat(length - out.length);
  }
  return (text + '\r\n' + pad(length)).slice(0, length);
}

export const PAYLOAD_MUTATORS = {
  noPrefix: (rand, text) => ({ t: 's', s: rand.pick(BAD_PREFIXES) + text.slice(text.startsWith(PREFIX) ? PREFIX.length : 0) }),
  binaryJunk: (rand) => ({ t: 's', s: (rand.chance(0.7) ? PREFIX : '') + binary(rand, 1 + rand.int(rand.chance(0.1) ? 20000 : 300)) }),
  jsonNonObject: (rand) => ({ t: 's', s: PREFIX + rand.pick(JSON_NON_OBJECTS) }),
  /** Just over the cap (refused unread), or exactly at it (parsed, then the browser judges the SDP). */
  oversize: (rand, text) => ({ t: 's', s: padTo(text, MAX_MESSAGE_LENGTH + rand.pick([0, 1, 1, 100, 40000])) }),
  hugeString: (rand) => ({ t: 's', s: PREFIX + rand.pick(['{', 'v=0\r\n', '[', '"']).repeat(rand.pick([300 * 1024, 1024 * 1024])) }),
  jsValue: (rand, text) =>
    rand.pick([{ t: 'v', v: null }, { t: 'v', v: 0 }, { t: 'v', v: 12345 }, { t: 'v', v: true }, { t: 'v', v: [] }, { t: 'v', v: {} }, { t: 'v', v: [text] }, { t: 'u' }, { t: 'o', s: text }]),
  truncate: (rand, text) => ({ t: 's', s: text.slice(0, rand.int(text.length + 1)) }),
};

// ---------------------------------------------------------------------------------------------------

const BASES = { OFFER: 25, ANSWER: 25, OK: 8, SHUTDOWN: 8, ERROR: 10, SDP: 24 };
const FAMILIES = { replay: 8, roap: 40, sdp: 22, payload: 22, truncate: 8 };

/**
 * Message `index` of `seed`, made from `corpus` ([{ type, text }], type one of ROAP_TYPES or 'SDP').
 * Returns { index, base, mutators: [names], payload }.
 */
export function generate(seed, index, corpus) {
  const rand = randFor(seed, index);
  const wanted = rand.weighted(BASES);
  const candidates = corpus.filter((c) => c.type === wanted);
  const base = candidates.length ? rand.pick(candidates) : rand.pick(corpus);
  const family = rand.weighted(FAMILIES);
  const mutators = [];
  const entries = toEntries(base.text);
  let text = base.text;

  if (family === 'payload') {
    const name = rand.pick(Object.keys(PAYLOAD_MUTATORS));
    return { index, base: base.type, mutators: [name], payload: PAYLOAD_MUTATORS[name](rand, text) };
  }
  if (entries) {
    if (rand.chance(0.6)) {
      retarget(rand, entries);
      mutators.push('retarget');
    }
    if (family === 'roap') {
      for (let n = 1 + rand.int(3); n > 0; n--) {
        const name = rand.pick(Object.keys(ROAP_MUTATORS));
        ROAP_MUTATORS[name](rand, entries);
        mutators.push(name);
      }
    } else if (family === 'sdp' || (family === 'truncate' && rand.chance(0.3))) {
      const sdp = get(entries, 'sdp');
      if (typeof sdp === 'string') {
        const m = applySdpMutator(rand, sdp);
        set(entries, 'sdp', m.sdp);
        mutators.push(`sdp.${m.name}`);
      } else {
        ROAP_MUTATORS.sdpMutation(rand, entries);
        mutators.push('sdpMutation');
      }
    }
    text = PREFIX + entriesToJson(entries);
  } else if (family !== 'replay') {
    // Bare SDP (or whatever the base is): SDP mutations only.
    for (let n = 1 + rand.int(2); n > 0; n--) {
      const m = applySdpMutator(rand, text.slice(PREFIX.length));
      text = PREFIX + m.sdp;
      mutators.push(`sdp.${m.name}`);
    }
  }
  if (family === 'truncate') {
    text = text.slice(0, PREFIX.length + rand.int(text.length - PREFIX.length + 1));
    mutators.push('truncate');
  }
  if (!mutators.length) mutators.push('replay');
  return { index, base: base.type, mutators, payload: { t: 's', s: text } };
}

/** Batches of the run, in order: each runs in one state of the PeerConnection under test. */
export const STATES = ['NEW', 'SDP_WAITING', 'SDP_IDLE', 'ACTIVE', 'CLOSING'];

/** The state message `index` is fed in, given the batch size: batches cycle through STATES. */
export function stateOf(index, batchSize) {
  return STATES[Math.floor(index / batchSize) % STATES.length];
}
