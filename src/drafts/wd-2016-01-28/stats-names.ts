/**
 * Today's stats names → the 2016 drafts' names: one table, a tiny engine.
 *
 * The 2016 WDs (2016-01-28 … 2016-11-24, §8.x "RTCStatsType") define `"inboundrtp"` / `"outboundrtp"` and
 * defer the rest to [WEBRTC-STATS], whose 2016 drafts (and Firefox until 2017, Chromium's promise
 * getStats of 2017) spelled every type without a hyphen: `candidatepair`, `localcandidate`,
 * `remotecandidate`, `peerconnection`, `datachannel`, `track`, `codec`, `transport`, `certificate`.
 * The hyphens and the remote-* types came in 2017. Every value here is read from the engine's own report;
 * the engine only renames, and the 2016 `track` entry of a received track is the same figures the
 * engine reports on its inbound-rtp entry (as Chromium's own `track` stats were, 2017–2022).
 */

export type StatsEntry = Record<string, unknown> & { id: string; type: string; timestamp?: number };

interface TypeRow {
  /** Today's type. */
  readonly from: string;
  /** The 2016 type. */
  readonly to: string;
  /** Members the 2016 entry has that today's type implies. */
  readonly set?: Readonly<Record<string, unknown>>;
  readonly cite: string;
}

interface MemberRow {
  /** Today's types (before renaming) whose entries carry the member. */
  readonly types: readonly string[];
  readonly from: string;
  readonly to: string;
  /** Enum values renamed on the way. */
  readonly values?: Readonly<Record<string, string>>;
  readonly cite: string;
}

interface DeriveRow {
  /** Today's type an extra 2016 entry is made from. */
  readonly from: string;
  readonly to: string;
  /** Only entries with this member (a received track's identifier). */
  readonly when: string;
  /** The new entry's id: the source id with this prefix. */
  readonly idPrefix: string;
  /** The member of the source entry that then points at the new one. */
  readonly link: string;
  /** Members copied, today's name → 2016 name. */
  readonly copy: Readonly<Record<string, string>>;
  readonly set: Readonly<Record<string, unknown>>;
  readonly cite: string;
}

const RTP = ['inbound-rtp', 'outbound-rtp', 'remote-inbound-rtp', 'remote-outbound-rtp'];
const CANDIDATES = ['local-candidate', 'remote-candidate'];

export const TYPES: readonly TypeRow[] = [
  { from: 'inbound-rtp', to: 'inboundrtp', set: { isRemote: false }, cite: '2016-01-28 WD §8.5 RTCStatsType "inboundrtp"' },
  { from: 'outbound-rtp', to: 'outboundrtp', set: { isRemote: false }, cite: '2016-01-28 WD §8.5 RTCStatsType "outboundrtp"' },
  // 2016 stats: what the far side reports by RTCP is an inboundrtp/outboundrtp entry with isRemote true.
  { from: 'remote-inbound-rtp', to: 'inboundrtp', set: { isRemote: true }, cite: 'WEBRTC-STATS 2016 RTCRTPStreamStats.isRemote' },
  { from: 'remote-outbound-rtp', to: 'outboundrtp', set: { isRemote: true }, cite: 'WEBRTC-STATS 2016 RTCRTPStreamStats.isRemote' },
  { from: 'candidate-pair', to: 'candidatepair', cite: 'WEBRTC-STATS 2016 RTCStatsType "candidatepair"' },
  { from: 'local-candidate', to: 'localcandidate', cite: 'WEBRTC-STATS 2016 RTCStatsType "localcandidate"' },
  { from: 'remote-candidate', to: 'remotecandidate', cite: 'WEBRTC-STATS 2016 RTCStatsType "remotecandidate"' },
  { from: 'peer-connection', to: 'peerconnection', cite: 'WEBRTC-STATS 2016 RTCStatsType "peerconnection"' },
  { from: 'data-channel', to: 'datachannel', cite: 'WEBRTC-STATS 2016 RTCStatsType "datachannel"' },
  // A sent track's figures: 2016 RTCMediaStreamTrackStats with remoteSource false.
  { from: 'media-source', to: 'track', set: { remoteSource: false }, cite: 'WEBRTC-STATS 2016 RTCStatsType "track"' },
];

export const MEMBERS: readonly MemberRow[] = [
  { types: RTP, from: 'kind', to: 'mediaType', cite: 'WEBRTC-STATS 2016 RTCRTPStreamStats.mediaType' },
  { types: ['outbound-rtp'], from: 'mediaSourceId', to: 'mediaTrackId', cite: 'WEBRTC-STATS 2016 RTCRTPStreamStats.mediaTrackId' },
  // 2016-01-28 WD §8.5: remoteId links a local RTP entry and the far side's one, both ways.
  { types: ['remote-inbound-rtp', 'remote-outbound-rtp'], from: 'localId', to: 'remoteId', cite: '2016-01-28 WD §8.5 RTCRTPStreamStats.remoteId' },
  { types: CANDIDATES, from: 'address', to: 'ipAddress', cite: 'WEBRTC-STATS 2016 RTCIceCandidateStats.ipAddress' },
  { types: CANDIDATES, from: 'port', to: 'portNumber', cite: 'WEBRTC-STATS 2016 RTCIceCandidateStats.portNumber' },
  { types: CANDIDATES, from: 'protocol', to: 'transport', cite: 'WEBRTC-STATS 2016 RTCIceCandidateStats.transport' },
  { types: CANDIDATES, from: 'url', to: 'addressSourceUrl', cite: 'WEBRTC-STATS 2016 RTCIceCandidateStats.addressSourceUrl' },
  {
    types: CANDIDATES,
    from: 'candidateType',
    to: 'candidateType',
    values: { srflx: 'serverreflexive', prflx: 'peerreflexive', relay: 'relayed' },
    cite: 'WEBRTC-STATS 2016 RTCStatsIceCandidateType',
  },
  { types: ['candidate-pair'], from: 'totalRoundTripTime', to: 'totalRtt', cite: 'WEBRTC-STATS 2016 RTCIceCandidatePairStats.totalRtt' },
  { types: ['candidate-pair'], from: 'currentRoundTripTime', to: 'currentRtt', cite: 'WEBRTC-STATS 2016 RTCIceCandidatePairStats.currentRtt' },
  { types: ['candidate-pair'], from: 'state', to: 'state', values: { 'in-progress': 'inprogress' }, cite: 'WEBRTC-STATS 2016 RTCStatsIceCandidatePairState' },
  { types: ['codec'], from: 'mimeType', to: 'codec', cite: 'WEBRTC-STATS 2016 RTCCodecStats.codec' },
  { types: ['codec'], from: 'sdpFmtpLine', to: 'parameters', cite: 'WEBRTC-STATS 2016 RTCCodecStats.parameters' },
  { types: ['data-channel'], from: 'dataChannelIdentifier', to: 'datachannelid', cite: 'WEBRTC-STATS 2016 RTCDataChannelStats.datachannelid' },
  { types: ['media-source'], from: 'width', to: 'frameWidth', cite: 'WEBRTC-STATS 2016 RTCMediaStreamTrackStats.frameWidth' },
  { types: ['media-source'], from: 'height', to: 'frameHeight', cite: 'WEBRTC-STATS 2016 RTCMediaStreamTrackStats.frameHeight' },
  { types: ['media-source'], from: 'frames', to: 'framesSent', cite: 'WEBRTC-STATS 2016 RTCMediaStreamTrackStats.framesSent' },
];

export const DERIVED: readonly DeriveRow[] = [
  {
    from: 'inbound-rtp',
    to: 'track',
    when: 'trackIdentifier',
    idPrefix: 'track-',
    link: 'mediaTrackId',
    copy: {
      trackIdentifier: 'trackIdentifier',
      frameWidth: 'frameWidth',
      frameHeight: 'frameHeight',
      framesPerSecond: 'framesPerSecond',
      framesReceived: 'framesReceived',
      framesDecoded: 'framesDecoded',
      framesDropped: 'framesDropped',
      audioLevel: 'audioLevel',
    },
    set: { remoteSource: true },
    cite: 'WEBRTC-STATS 2016 RTCMediaStreamTrackStats (remoteSource true): a received track',
  },
];

const typeRows = new Map(TYPES.map((r) => [r.from, r]));
const memberRows = new Map<string, MemberRow[]>();
for (const r of MEMBERS) for (const t of r.types) memberRows.set(t, [...(memberRows.get(t) ?? []), r]);

/** One entry in the 2016 shape: members renamed in place (same order), the type's implied members added. */
export function legacyEntry(entry: StatsEntry): StatsEntry {
  const rows = memberRows.get(entry.type) ?? [];
  const type = typeRows.get(entry.type);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    const row = rows.find((r) => r.from === key);
    if (!row) {
      // Today's entry may already carry the 2016 name (both engines still report `mediaType`).
      if (!(key in out)) out[key] = value;
      continue;
    }
    out[row.to] = typeof value === 'string' && row.values?.[value] !== undefined ? row.values[value] : value;
  }
  if (type) {
    out.type = type.to;
    for (const [k, v] of Object.entries(type.set ?? {})) if (!(k in out)) out[k] = v;
  }
  return out as StatsEntry;
}

/** Every entry of a report in the 2016 shape, in the report's order, derived entries after their source. */
export function legacyEntries(entries: Iterable<StatsEntry>): StatsEntry[] {
  const out: StatsEntry[] = [];
  for (const entry of entries) {
    const renamed = legacyEntry(entry);
    const extra: StatsEntry[] = [];
    for (const d of DERIVED) {
      if (entry.type !== d.from || entry[d.when] === undefined) continue;
      const made: Record<string, unknown> = { id: d.idPrefix + entry.id, timestamp: entry.timestamp, type: d.to };
      for (const [from, to] of Object.entries(d.copy)) if (entry[from] !== undefined) made[to] = entry[from];
      Object.assign(made, d.set);
      if (!(d.link in renamed)) renamed[d.link] = made.id;
      extra.push(made as StatsEntry);
    }
    out.push(renamed, ...extra);
  }
  return out;
}
