/**
 * The stats names apps of 2013–2015 read through the callback getStats (`report.stat('bytesSent')`),
 * and the member of today's promise getStats() each one comes from. Data, like sdp-transform's
 * grammar: one table, one small engine (`legacyReports`), no DOM — unit-tested on reports Chromium 156
 * and Firefox 153 really gave (test/unit/fixtures/capture-stats.js).
 *
 * The 2013-09 WD §8 left the names to a registry that never settled; what apps read are the names
 * Chromium's libjingle shipped (StatsReport::kStatsValueName*, report types "ssrc",
 * "googCandidatePair", "VideoBwe"), which the samples and libraries of the time consumed: apprtc's
 * stats panel, webrtc/samples "constraints" (bytesReceived and googFrameWidthReceived of an "ssrc"
 * report, timestamps subtracted), getStats.js (googCandidatePair's googActiveConnection /
 * googLocalAddress / googRemoteAddress, "VideoBwe"'s bandwidths), twilio's legacy reader
 * (audioInputLevel / audioOutputLevel out of 32767). Every value is the string `stat()` returned then.
 */

/** One stats object of today's RTCStatsReport, as the engine gives it. */
export interface ModernStat {
  readonly id: string;
  readonly type: string;
  readonly timestamp: number;
  readonly [member: string]: unknown;
}

export type LegacyType = 'ssrc' | 'googCandidatePair' | 'VideoBwe';

/**
 * What a legacy report is built from: the modern stat it stands for and those it links to, by modern
 * type. An "ssrc" report of a sent stream has `outbound-rtp`, `remote-inbound-rtp` (the far end's
 * RTCP), `media-source`, `codec`; of a received one `inbound-rtp`, `remote-outbound-rtp`, `codec`;
 * a "googCandidatePair" has `candidate-pair`, `local-candidate`, `remote-candidate`; "VideoBwe" has
 * the selected `candidate-pair` and the sent video `outbound-rtp`.
 */
type Sources = Map<string, ModernStat | undefined>;

/** The small formulas a row may apply to the member it reads. */
const FORMULAS = {
  /** The value as it is (counters, sizes, ssrc, kind). */
  same: (v: unknown) => v,
  /** Seconds (today) → whole milliseconds (then: googRtt, googJitterReceived). */
  ms: (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) : undefined),
  /** 0..1 linear (today's audioLevel) → 0..32767 (libjingle's audio levels). */
  level: (v: unknown) => (typeof v === 'number' ? Math.round(v * 32767) : undefined),
  /** Frames per second: whole numbers then. */
  round: (v: unknown) => (typeof v === 'number' ? Math.round(v) : undefined),
  /** A codec stat's mimeType "video/VP8" → libjingle's googCodecName "VP8". */
  codecName: (v: unknown) => (typeof v === 'string' ? v.slice(v.indexOf('/') + 1) : undefined),
  /** A candidate stat → "address:port" (googLocalAddress / googRemoteAddress). */
  address: (c: unknown) => {
    const s = c as ModernStat | undefined;
    const host = s?.address ?? s?.ip;
    return host === undefined || s?.port === undefined ? undefined : `${String(host).includes(':') ? `[${host}]` : host}:${s.port}`;
  },
  /** A candidate's candidateType → libjingle's names for it. */
  candidateType: (v: unknown) => (typeof v === 'string' ? (CANDIDATE_TYPES[v] ?? v) : undefined),
} satisfies Record<string, (v: unknown) => unknown>;

const CANDIDATE_TYPES: Record<string, string> = { host: 'local', srflx: 'stunport', prflx: 'peerreflexive', relay: 'relay' };

export type Formula = keyof typeof FORMULAS;

/** One legacy stat name and where today's getStats() has it. */
export interface LegacyStatRow {
  readonly type: LegacyType;
  /** For "ssrc" reports: of a sent (`send`) or a received (`recv`) stream; both when absent. */
  readonly dir?: 'send' | 'recv';
  readonly name: string;
  /**
   * `<modern type>.<member>`, or the modern type alone when the formula reads the whole stat; `rtp` is
   * whichever RTP stream stat ("outbound-rtp" or "inbound-rtp") the report stands for.
   */
  readonly from: string;
  readonly formula?: Formula;
  /** Where the name comes from, and where the modern member does. */
  readonly cite: string;
}

const LJ = 'libjingle StatsReport (Chromium M26–M116 legacy getStats)';
const STATS = 'webrtc-stats';

/** Every legacy name the shim gives a value, one row each. Reported in this order by `names()`. */
export const LEGACY_STATS: readonly LegacyStatRow[] = [
  // "ssrc": one report per RTP stream, id ssrc_<ssrc>_send / ssrc_<ssrc>_recv.
  { type: 'ssrc', name: 'ssrc', from: 'rtp.ssrc', cite: `${LJ} kStatsValueNameSsrc; ${STATS} §RTCRtpStreamStats.ssrc` },
  { type: 'ssrc', name: 'mediaType', from: 'rtp.kind', cite: `${LJ} kStatsValueNameMediaType (M45+); ${STATS} §RTCRtpStreamStats.kind` },
  { type: 'ssrc', name: 'googCodecName', from: 'codec.mimeType', formula: 'codecName', cite: `${LJ} kStatsValueNameCodecName; ${STATS} §RTCCodecStats.mimeType` },
  { type: 'ssrc', dir: 'send', name: 'googTrackId', from: 'media-source.trackIdentifier', cite: `${LJ} kStatsValueNameTrackId; ${STATS} §RTCMediaSourceStats.trackIdentifier` },
  { type: 'ssrc', dir: 'recv', name: 'googTrackId', from: 'inbound-rtp.trackIdentifier', cite: `${LJ} kStatsValueNameTrackId; ${STATS} §RTCInboundRtpStreamStats.trackIdentifier` },
  { type: 'ssrc', dir: 'send', name: 'bytesSent', from: 'outbound-rtp.bytesSent', cite: `${LJ} kStatsValueNameBytesSent; ${STATS} §RTCSentRtpStreamStats.bytesSent` },
  { type: 'ssrc', dir: 'send', name: 'packetsSent', from: 'outbound-rtp.packetsSent', cite: `${LJ} kStatsValueNamePacketsSent; ${STATS} §RTCSentRtpStreamStats.packetsSent` },
  { type: 'ssrc', dir: 'send', name: 'packetsLost', from: 'remote-inbound-rtp.packetsLost', cite: `${LJ} kStatsValueNamePacketsLost (from RTCP receiver reports); ${STATS} §RTCReceivedRtpStreamStats.packetsLost` },
  { type: 'ssrc', dir: 'send', name: 'googRtt', from: 'remote-inbound-rtp.roundTripTime', formula: 'ms', cite: `${LJ} kStatsValueNameRtt (ms); ${STATS} §RTCRemoteInboundRtpStreamStats.roundTripTime (s)` },
  { type: 'ssrc', dir: 'send', name: 'googJitterReceived', from: 'remote-inbound-rtp.jitter', formula: 'ms', cite: `${LJ} kStatsValueNameJitterReceived (ms); ${STATS} §RTCReceivedRtpStreamStats.jitter (s)` },
  { type: 'ssrc', dir: 'send', name: 'audioInputLevel', from: 'media-source.audioLevel', formula: 'level', cite: `${LJ} kStatsValueNameAudioInputLevel (0..32767); ${STATS} §RTCAudioSourceStats.audioLevel (0..1)` },
  { type: 'ssrc', dir: 'send', name: 'googFrameWidthSent', from: 'outbound-rtp.frameWidth', cite: `${LJ} kStatsValueNameFrameWidthSent; ${STATS} §RTCOutboundRtpStreamStats.frameWidth` },
  { type: 'ssrc', dir: 'send', name: 'googFrameHeightSent', from: 'outbound-rtp.frameHeight', cite: `${LJ} kStatsValueNameFrameHeightSent; ${STATS} §RTCOutboundRtpStreamStats.frameHeight` },
  { type: 'ssrc', dir: 'send', name: 'googFrameRateSent', from: 'outbound-rtp.framesPerSecond', formula: 'round', cite: `${LJ} kStatsValueNameFrameRateSent; ${STATS} §RTCOutboundRtpStreamStats.framesPerSecond` },
  { type: 'ssrc', dir: 'send', name: 'googFrameRateInput', from: 'media-source.framesPerSecond', formula: 'round', cite: `${LJ} kStatsValueNameFrameRateInput; ${STATS} §RTCVideoSourceStats.framesPerSecond` },
  { type: 'ssrc', dir: 'send', name: 'googFramesEncoded', from: 'outbound-rtp.framesEncoded', cite: `${LJ} kStatsValueNameFramesEncoded; ${STATS} §RTCOutboundRtpStreamStats.framesEncoded` },
  { type: 'ssrc', dir: 'send', name: 'googNacksReceived', from: 'outbound-rtp.nackCount', cite: `${LJ} kStatsValueNameNacksReceived; ${STATS} §RTCOutboundRtpStreamStats.nackCount` },
  { type: 'ssrc', dir: 'send', name: 'googPlisReceived', from: 'outbound-rtp.pliCount', cite: `${LJ} kStatsValueNamePlisReceived; ${STATS} §RTCOutboundRtpStreamStats.pliCount` },
  { type: 'ssrc', dir: 'send', name: 'googFirsReceived', from: 'outbound-rtp.firCount', cite: `${LJ} kStatsValueNameFirsReceived; ${STATS} §RTCOutboundRtpStreamStats.firCount` },
  { type: 'ssrc', dir: 'recv', name: 'bytesReceived', from: 'inbound-rtp.bytesReceived', cite: `${LJ} kStatsValueNameBytesReceived; ${STATS} §RTCInboundRtpStreamStats.bytesReceived` },
  { type: 'ssrc', dir: 'recv', name: 'packetsReceived', from: 'inbound-rtp.packetsReceived', cite: `${LJ} kStatsValueNamePacketsReceived; ${STATS} §RTCReceivedRtpStreamStats.packetsReceived` },
  { type: 'ssrc', dir: 'recv', name: 'packetsLost', from: 'inbound-rtp.packetsLost', cite: `${LJ} kStatsValueNamePacketsLost; ${STATS} §RTCReceivedRtpStreamStats.packetsLost` },
  { type: 'ssrc', dir: 'recv', name: 'googJitterReceived', from: 'inbound-rtp.jitter', formula: 'ms', cite: `${LJ} kStatsValueNameJitterReceived (ms); ${STATS} §RTCReceivedRtpStreamStats.jitter (s)` },
  { type: 'ssrc', dir: 'recv', name: 'audioOutputLevel', from: 'inbound-rtp.audioLevel', formula: 'level', cite: `${LJ} kStatsValueNameAudioOutputLevel (0..32767); ${STATS} §RTCInboundRtpStreamStats.audioLevel (0..1)` },
  { type: 'ssrc', dir: 'recv', name: 'googFrameWidthReceived', from: 'inbound-rtp.frameWidth', cite: `${LJ} kStatsValueNameFrameWidthReceived; ${STATS} §RTCInboundRtpStreamStats.frameWidth` },
  { type: 'ssrc', dir: 'recv', name: 'googFrameHeightReceived', from: 'inbound-rtp.frameHeight', cite: `${LJ} kStatsValueNameFrameHeightReceived; ${STATS} §RTCInboundRtpStreamStats.frameHeight` },
  { type: 'ssrc', dir: 'recv', name: 'googFrameRateReceived', from: 'inbound-rtp.framesPerSecond', formula: 'round', cite: `${LJ} kStatsValueNameFrameRateReceived; ${STATS} §RTCInboundRtpStreamStats.framesPerSecond` },
  { type: 'ssrc', dir: 'recv', name: 'googFramesDecoded', from: 'inbound-rtp.framesDecoded', cite: `${LJ} kStatsValueNameFramesDecoded; ${STATS} §RTCInboundRtpStreamStats.framesDecoded` },
  { type: 'ssrc', dir: 'recv', name: 'googNacksSent', from: 'inbound-rtp.nackCount', cite: `${LJ} kStatsValueNameNacksSent; ${STATS} §RTCInboundRtpStreamStats.nackCount` },
  { type: 'ssrc', dir: 'recv', name: 'googPlisSent', from: 'inbound-rtp.pliCount', cite: `${LJ} kStatsValueNamePlisSent; ${STATS} §RTCInboundRtpStreamStats.pliCount` },
  { type: 'ssrc', dir: 'recv', name: 'googFirsSent', from: 'inbound-rtp.firCount', cite: `${LJ} kStatsValueNameFirsSent; ${STATS} §RTCInboundRtpStreamStats.firCount` },
  // "googCandidatePair": one per ICE candidate pair, id Conn-<modern id>.
  { type: 'googCandidatePair', name: 'googActiveConnection', from: 'candidate-pair.selected', cite: `${LJ} kStatsValueNameActiveConnection; ${STATS} §RTCIceTransportStats.selectedCandidatePairId (Firefox also candidate-pair.selected)` },
  { type: 'googCandidatePair', name: 'googLocalAddress', from: 'local-candidate', formula: 'address', cite: `${LJ} kStatsValueNameLocalAddress; ${STATS} §RTCIceCandidateStats.address + port` },
  { type: 'googCandidatePair', name: 'googRemoteAddress', from: 'remote-candidate', formula: 'address', cite: `${LJ} kStatsValueNameRemoteAddress; ${STATS} §RTCIceCandidateStats.address + port` },
  { type: 'googCandidatePair', name: 'googLocalCandidateType', from: 'local-candidate.candidateType', formula: 'candidateType', cite: `${LJ} kStatsValueNameLocalCandidateType; ${STATS} §RTCIceCandidateStats.candidateType` },
  { type: 'googCandidatePair', name: 'googRemoteCandidateType', from: 'remote-candidate.candidateType', formula: 'candidateType', cite: `${LJ} kStatsValueNameRemoteCandidateType; ${STATS} §RTCIceCandidateStats.candidateType` },
  { type: 'googCandidatePair', name: 'googTransportType', from: 'local-candidate.protocol', cite: `${LJ} kStatsValueNameTransportType; ${STATS} §RTCIceCandidateStats.protocol` },
  { type: 'googCandidatePair', name: 'googRtt', from: 'candidate-pair.currentRoundTripTime', formula: 'ms', cite: `${LJ} kStatsValueNameRtt (ms); ${STATS} §RTCIceCandidatePairStats.currentRoundTripTime (s)` },
  { type: 'googCandidatePair', name: 'googWritable', from: 'candidate-pair.writable', cite: `${LJ} kStatsValueNameWritable; Chromium and Firefox candidate-pair.writable` },
  { type: 'googCandidatePair', name: 'bytesSent', from: 'candidate-pair.bytesSent', cite: `${LJ} kStatsValueNameBytesSent; ${STATS} §RTCIceCandidatePairStats.bytesSent` },
  { type: 'googCandidatePair', name: 'bytesReceived', from: 'candidate-pair.bytesReceived', cite: `${LJ} kStatsValueNameBytesReceived; ${STATS} §RTCIceCandidatePairStats.bytesReceived` },
  { type: 'googCandidatePair', name: 'packetsSent', from: 'candidate-pair.packetsSent', cite: `${LJ} kStatsValueNamePacketsSent; ${STATS} §RTCIceCandidatePairStats.packetsSent` },
  // "VideoBwe": one per connection, id bweforvideo.
  { type: 'VideoBwe', name: 'googAvailableSendBandwidth', from: 'candidate-pair.availableOutgoingBitrate', formula: 'round', cite: `${LJ} kStatsValueNameAvailableSendBandwidth (bps); ${STATS} §RTCIceCandidatePairStats.availableOutgoingBitrate (bps)` },
  { type: 'VideoBwe', name: 'googAvailableReceiveBandwidth', from: 'candidate-pair.availableIncomingBitrate', formula: 'round', cite: `${LJ} kStatsValueNameAvailableReceiveBandwidth (bps); ${STATS} §RTCIceCandidatePairStats.availableIncomingBitrate (bps)` },
  { type: 'VideoBwe', name: 'googTargetEncBitrate', from: 'outbound-rtp.targetBitrate', formula: 'round', cite: `${LJ} kStatsValueNameTargetEncBitrate (bps); ${STATS} §RTCOutboundRtpStreamStats.targetBitrate (bps)` },
];

/**
 * Legacy names apps read that today's stats have no source for: the shim leaves them out of
 * `names()` and `stat()` returns "" for them, as it did for any name a report lacked.
 */
export const NO_SOURCE: readonly { readonly type: LegacyType; readonly name: string; readonly why: string }[] = [
  { type: 'VideoBwe', name: 'googActualEncBitrate', why: 'an encoder rate over an interval: no modern member; an app gets it from two reads of bytesSent' },
  { type: 'VideoBwe', name: 'googTransmitBitrate', why: 'a rate over an interval: no modern member; two reads of bytesSent give it' },
  { type: 'VideoBwe', name: 'googRetransmitBitrate', why: 'a rate over an interval: outbound-rtp.retransmittedBytesSent over two reads gives it' },
  { type: 'VideoBwe', name: 'googBucketDelay', why: 'the pacer queue of libjingle: not exposed today' },
  { type: 'googCandidatePair', name: 'googReadable', why: 'ICE "readable" left the model (RFC 8445); Firefox keeps a non-standard candidate-pair.readable only' },
  { type: 'googCandidatePair', name: 'googChannelId', why: 'names a libjingle transport channel ("Channel-audio-1"); no modern counterpart' },
  { type: 'ssrc', name: 'googEchoCancellationReturnLoss', why: 'media-source.echoReturnLoss exists in Chromium only, in dB of another definition' },
  { type: 'ssrc', name: 'googCurrentDelayMs', why: 'jitter buffer + playout delay now: no single modern member' },
  { type: 'ssrc', name: 'googDecodeMs', why: 'inbound-rtp.totalDecodeTime is cumulative; a per-frame figure needs two reads' },
  { type: 'ssrc', name: 'transportId', why: 'pointed at a "googComponent" report the shim does not build' },
];

/** What a legacy report carries: plain data, turned into RTCStatsReport objects by get-stats.ts. */
export interface LegacyReportData {
  readonly id: string;
  readonly type: LegacyType;
  /** ms since the epoch: today's timestamps and the legacy Date share the time origin. */
  readonly timestamp: number;
  readonly stats: ReadonlyArray<readonly [name: string, value: string]>;
  /**
   * The far end's view of the same stream, from its RTCP (`remote-inbound-rtp` for a sent stream,
   * `remote-outbound-rtp` for a received one): the 2013 RTCStatsReport's `remote` element.
   */
  readonly remote: { readonly timestamp: number; readonly stats: ReadonlyArray<readonly [string, string]> } | null;
}

/** The remote element's names: what the far end's RTCP says about the stream. */
const REMOTE_ROWS: Record<'send' | 'recv', readonly LegacyStatRow[]> = {
  send: [
    { type: 'ssrc', name: 'packetsLost', from: 'remote-inbound-rtp.packetsLost', cite: `${STATS} §RTCReceivedRtpStreamStats.packetsLost` },
    { type: 'ssrc', name: 'packetsReceived', from: 'remote-inbound-rtp.packetsReceived', cite: `Firefox remote-inbound-rtp.packetsReceived` },
    { type: 'ssrc', name: 'googJitterReceived', from: 'remote-inbound-rtp.jitter', formula: 'ms', cite: `${STATS} §RTCReceivedRtpStreamStats.jitter` },
    { type: 'ssrc', name: 'googRtt', from: 'remote-inbound-rtp.roundTripTime', formula: 'ms', cite: `${STATS} §RTCRemoteInboundRtpStreamStats.roundTripTime` },
  ],
  recv: [
    { type: 'ssrc', name: 'bytesSent', from: 'remote-outbound-rtp.bytesSent', cite: `${STATS} §RTCSentRtpStreamStats.bytesSent` },
    { type: 'ssrc', name: 'packetsSent', from: 'remote-outbound-rtp.packetsSent', cite: `${STATS} §RTCSentRtpStreamStats.packetsSent` },
  ],
};

/** libjingle wrote every value as a string: numbers in decimal, booleans as "true"/"false". */
function asString(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A row made ready to read: its `from` split once, its formula looked up once. */
interface Compiled {
  readonly name: string;
  readonly source: string;
  readonly member: string | null;
  readonly formula: (v: unknown) => unknown;
}

function compile(rows: readonly LegacyStatRow[]): Compiled[] {
  return rows.map((row) => {
    const dot = row.from.indexOf('.');
    return {
      name: row.name,
      source: dot < 0 ? row.from : row.from.slice(0, dot),
      member: dot < 0 ? null : row.from.slice(dot + 1),
      formula: FORMULAS[row.formula ?? 'same'],
    };
  });
}

/** The rows of each legacy report kind, split and compiled once. */
const ROWS = {
  send: compile(LEGACY_STATS.filter((r) => r.type === 'ssrc' && r.dir !== 'recv')),
  recv: compile(LEGACY_STATS.filter((r) => r.type === 'ssrc' && r.dir !== 'send')),
  pair: compile(LEGACY_STATS.filter((r) => r.type === 'googCandidatePair')),
  bwe: compile(LEGACY_STATS.filter((r) => r.type === 'VideoBwe')),
  remoteOfSend: compile(REMOTE_ROWS.send),
  remoteOfRecv: compile(REMOTE_ROWS.recv),
};

/** The values of `rows` the sources have, each as libjingle's string. */
function values(rows: readonly Compiled[], sources: Sources): [string, string][] {
  const out: [string, string][] = [];
  for (const row of rows) {
    const stat = sources.get(row.source);
    if (!stat) continue;
    const v = asString(row.formula(row.member === null ? stat : stat[row.member]));
    if (v !== undefined) out.push([row.name, v]);
  }
  return out;
}

/**
 * Today's report (its stats in the engine's order) → the legacy reports, in the order libjingle
 * listed them: streams, candidate pairs, then the bandwidth estimate. Pure and linear in the report.
 */
export function legacyReports(report: Iterable<ModernStat>): LegacyReportData[] {
  const byId = new Map<string, ModernStat>();
  const all: ModernStat[] = [];
  for (const s of report) {
    byId.set(s.id, s);
    all.push(s);
  }
  const link = (id: unknown) => (typeof id === 'string' ? byId.get(id) : undefined);
  /** The remote-* stat that names this local stat (Chromium and Firefox both fill remoteId and localId). */
  const remoteOf = (s: ModernStat) => link(s.remoteId) ?? all.find((r) => r.localId === s.id);

  const selected = new Set<string>();
  for (const s of all) {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') selected.add(s.selectedCandidatePairId);
    if (s.type === 'candidate-pair' && s.selected === true) selected.add(s.id);
  }

  const streams: LegacyReportData[] = [];
  const pairs: LegacyReportData[] = [];
  let activePair: ModernStat | undefined;
  let targetBitrate: number | undefined;
  let newest = 0;
  for (const s of all) {
    if (s.timestamp > newest) newest = s.timestamp;
    if (s.type === 'outbound-rtp' || s.type === 'inbound-rtp') {
      const dir = s.type === 'outbound-rtp' ? 'send' : 'recv';
      const remote = remoteOf(s);
      const sources: Sources = new Map([
        ['rtp', s],
        [s.type, s],
        ['codec', link(s.codecId)],
        ['media-source', link(s.mediaSourceId)],
      ]);
      if (remote) sources.set(remote.type, remote);
      const remoteStats = remote ? values(dir === 'send' ? ROWS.remoteOfSend : ROWS.remoteOfRecv, sources) : [];
      streams.push({
        id: `ssrc_${String(s.ssrc)}_${dir}`,
        type: 'ssrc',
        timestamp: s.timestamp,
        stats: values(ROWS[dir], sources),
        remote: remote ? { timestamp: remote.timestamp, stats: remoteStats } : null,
      });
      if (dir === 'send' && s.kind === 'video' && typeof s.targetBitrate === 'number') targetBitrate = (targetBitrate ?? 0) + s.targetBitrate;
    } else if (s.type === 'candidate-pair') {
      const active = selected.has(s.id);
      if (active) activePair = s;
      const sources: Sources = new Map([
        // Chromium says which pair is selected on the transport only.
        ['candidate-pair', s.selected === active ? s : { ...s, selected: active }],
        ['local-candidate', link(s.localCandidateId)],
        ['remote-candidate', link(s.remoteCandidateId)],
      ]);
      pairs.push({ id: `Conn-${s.id}`, type: 'googCandidatePair', timestamp: s.timestamp, stats: values(ROWS.pair, sources), remote: null });
    }
  }
  const out = [...streams, ...pairs];
  const bweSources: Sources = new Map([
    ['candidate-pair', activePair],
    ['outbound-rtp', targetBitrate === undefined ? undefined : { id: '', type: 'outbound-rtp', timestamp: newest, targetBitrate }],
  ]);
  const bwe = values(ROWS.bwe, bweSources);
  if (bwe.length) out.push({ id: 'bweforvideo', type: 'VideoBwe', timestamp: activePair?.timestamp ?? newest, stats: bwe, remote: null });
  return out;
}
