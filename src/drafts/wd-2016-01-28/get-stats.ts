import type { InstallContext, LegacyWindow, Surface } from '../../install/types';
import { brandCheck } from '../../core/brand';
import { InternalSlots } from '../../core/internal-slots';
import { legacyEntries, type StatsEntry } from './stats-names';

/** The table's name for this member: what report() and warnings count its uses under. */
const MEMBER = 'RTCPeerConnection.prototype.getStats (2016 names: inboundrtp, outboundrtp, candidatepair, localcandidate, remotecandidate, track, …)';

type GetStats = (this: RTCPeerConnection, ...args: unknown[]) => unknown;

/**
 * A read-only maplike of 2016 entries (2016-01-28 WD §8.4 `interface RTCStatsReport { readonly
 * maplike<DOMString, object>; }`), inheriting from the window's RTCStatsReport.prototype so that
 * `instanceof RTCStatsReport` and its string tag hold; its own members shadow the native ones, which
 * would throw on it.
 */
function reportClass(win: LegacyWindow) {
  const maps = new InternalSlots<object, Map<string, StatsEntry>>();
  const map = (self: unknown) => maps.of(win, self);
  const methods = {
    get size(): number {
      return map(this).size;
    },
    get(id: string) {
      return map(this).get(String(id));
    },
    has(id: string) {
      return map(this).has(String(id));
    },
    forEach(callback: (value: StatsEntry, key: string, report: unknown) => void, thisArg?: unknown) {
      for (const [k, v] of map(this)) callback.call(thisArg, v, k, this);
    },
    entries() {
      return map(this).entries();
    },
    keys() {
      return map(this).keys();
    },
    values() {
      return map(this).values();
    },
  };
  const proto = Object.create(win.RTCStatsReport.prototype) as object;
  for (const key of Object.keys(methods)) {
    Object.defineProperty(proto, key, { ...Object.getOwnPropertyDescriptor(methods, key)!, enumerable: true });
  }
  Object.defineProperty(proto, win.Symbol.iterator, { value: methods.entries, writable: true, configurable: true });
  return (entries: StatsEntry[]): RTCStatsReport => {
    const report = Object.create(proto) as RTCStatsReport;
    maps.set(report, new Map(entries.map((e) => [e.id, e])));
    return report;
  };
}

/**
 * 2016-01-28 … 2016-11-24 WD §8: promise `getStats()` with the 2016 stats names (stats-names.ts) under a
 * 2016 era; `auto` leaves the report untouched (today's names have a live, different meaning).
 *
 * Wraps the property's current value (issue 12's callback getStats may have widened it already, or may
 * wrap this one): every call goes through with its arguments, and only a promise that resolves with the
 * engine's own report is mapped; callbacks, rejections and anything else pass through as they came.
 */
export const getStats2016: Surface = {
  id: 'wd-2016-01-28/get-stats',
  drafts: ['2016-01-28', '2016-05-31', '2016-11-24'],
  collides: true,
  members: [
    {
      name: MEMBER,
      replacement: "(await pc.getStats()).forEach((s) => s.type === 'inbound-rtp' && use(s))",
      note: 'today: hyphenated types, remote-inbound-rtp/remote-outbound-rtp instead of isRemote, media-source instead of track',
    },
  ],
  detect: (win) => typeof win.RTCPeerConnection?.prototype.getStats === 'function' && typeof win.RTCStatsReport === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const proto = win.RTCPeerConnection.prototype;
    const current = proto.getStats as unknown as GetStats;
    // The engine's own report: its native `size` getter is the brand check.
    const isReport = brandCheck<RTCStatsReport>(Object.getOwnPropertyDescriptor(win.RTCStatsReport.prototype, 'size')?.get);
    const make = reportClass(win);
    const map = (report: unknown) => (isReport(report) ? make(legacyEntries(report.values() as Iterable<StatsEntry>)) : report);
    const getStats = {
      getStats(this: RTCPeerConnection): unknown {
      const result = current.apply(this, arguments as unknown as unknown[]);
      if (!(result instanceof win.Promise)) return result;
      ctx.deprecated(MEMBER, "the hyphenated types: 'inbound-rtp', 'candidate-pair', …");
      return result.then(map);
    },
    }.getStats;
    Object.defineProperty(getStats, 'length', { value: current.length });
    const own = Object.getOwnPropertyDescriptor(proto, 'getStats');
    ctx.define(proto, 'RTCPeerConnection.prototype', 'getStats', { value: getStats, writable: own?.writable ?? true, enumerable: own?.enumerable ?? true });
  },
};
