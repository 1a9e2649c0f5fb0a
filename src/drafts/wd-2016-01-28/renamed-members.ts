import type { DraftDate, InstallContext, LegacyWindow, Surface } from '../../install/types';

type Native = (name: string) => (self: object) => unknown;

/**
 * One attribute a 2016 draft had that today's engines renamed or dropped, read from what they have now.
 * `brand` is a native getter of the same prototype: it runs first, so a wrong `this` throws the native
 * TypeError. Measured on Chromium 156 and Firefox 153 (conformance member tables, 2016 IDLs).
 */
interface Renamed {
  readonly iface: string;
  readonly name: string;
  readonly drafts: readonly DraftDate[];
  readonly brand: string;
  /** What else the engine must have for the value to be the engine's own. */
  readonly needs?: (win: LegacyWindow) => boolean;
  readonly value: (self: object, native: Native) => unknown;
  readonly replacement: string;
  readonly cite: string;
}

const ALL_2016: readonly DraftDate[] = ['2016-01-28', '2016-05-31', '2016-11-24'];
const frozenFingerprints = new WeakMap<object, readonly RTCDtlsFingerprint[]>();

export const RENAMED: readonly Renamed[] = [
  {
    iface: 'RTCIceCandidate',
    name: 'ip',
    drafts: ALL_2016,
    brand: 'address',
    value: (self, native) => native('address')(self),
    replacement: 'candidate.address',
    cite: '2016-01-28 WD §4.8.1 RTCIceCandidate.ip (renamed address in 2017)',
  },
  {
    iface: 'RTCPeerConnectionIceEvent',
    name: 'url',
    drafts: ALL_2016,
    brand: 'candidate',
    // Only where the engine's candidates carry the server's URL (Chromium 156; Firefox 153 has none).
    needs: (win) => 'url' in win.RTCIceCandidate.prototype,
    value: (self, native) => {
      const candidate = native('candidate')(self) as RTCIceCandidate | null;
      return (candidate as { url?: string | null } | null)?.url ?? null;
    },
    replacement: 'event.candidate.url',
    cite: '2016-01-28 WD §4.8.2 RTCPeerConnectionIceEvent.url',
  },
  {
    iface: 'RTCPeerConnectionIceErrorEvent',
    name: 'hostCandidate',
    drafts: ALL_2016,
    brand: 'errorCode',
    // Firefox 153 has address and port only (Chromium 156 still has hostCandidate).
    needs: (win) => 'address' in ((win as unknown as Record<string, { prototype: object } | undefined>).RTCPeerConnectionIceErrorEvent?.prototype ?? {}),
    value: (self, native) => {
      const address = native('address')(self) as string | null;
      const port = native('port')(self) as number | null;
      if (!address || port === null) return '';
      return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
    },
    replacement: '`${event.address}:${event.port}`',
    cite: '2016-01-28 WD §4.8.3 RTCPeerConnectionIceErrorEvent.hostCandidate ("the local IP address and port")',
  },
  {
    iface: 'RTCDtlsTransport',
    name: 'transport',
    drafts: ALL_2016,
    brand: 'iceTransport',
    value: (self, native) => native('iceTransport')(self),
    replacement: 'dtlsTransport.iceTransport',
    cite: '2016-01-28 WD §5.5 RTCDtlsTransport.transport',
  },
  {
    iface: 'RTCIceTransport',
    name: 'component',
    drafts: ALL_2016,
    brand: 'role',
    // Both engines take only rtcpMuxPolicy "require" (measured): every ICE transport carries RTP.
    value: () => 'rtp',
    replacement: "'rtp' (RTCP is always multiplexed)",
    cite: '2016-01-28 WD §5.6 RTCIceTransport.component',
  },
  ...(['RTCRtpSender', 'RTCRtpReceiver'] as const).map(
    (iface): Renamed => ({
      iface,
      name: 'rtcpTransport',
      drafts: ALL_2016,
      brand: 'transport',
      // 2016: "If RTCP mux is used … rtcpTransport will be null"; both engines require mux (Chromium
      // 156 has the member and reads null; Firefox 153 lacks it).
      value: () => null,
      replacement: 'null (RTCP goes over sender.transport)',
      cite: '2016-01-28 WD §5.2 RTCRtpSender.rtcpTransport',
    }),
  ),
  {
    iface: 'RTCCertificate',
    name: 'fingerprints',
    drafts: ['2016-11-24'],
    brand: 'expires',
    needs: (win) => typeof win.RTCCertificate?.prototype.getFingerprints === 'function',
    value: (self) => {
      let list = frozenFingerprints.get(self);
      if (!list) {
        const own = (self as RTCCertificate).getFingerprints().map((f) => Object.freeze({ ...f }));
        frozenFingerprints.set(self, (list = Object.freeze(own)));
      }
      return list;
    },
    replacement: 'certificate.getFingerprints()',
    cite: '2016-11-24 WD §4.10 RTCCertificate.fingerprints (a FrozenArray, same object each read)',
  },
];

/** One Surface per renamed attribute: each detected and installed on its own. */
export const renamedMembers: readonly Surface[] = RENAMED.map((r) => {
  const proto = (win: LegacyWindow) => (win as unknown as Record<string, { prototype?: object } | undefined>)[r.iface]?.prototype;
  return {
    id: `wd-2016-01-28/${r.iface}.${r.name}`,
    drafts: r.drafts,
    collides: false,
    members: [{ name: `${r.iface}.prototype.${r.name}`, replacement: r.replacement, note: r.cite }],
    detect: (win: LegacyWindow) => {
      const p = proto(win);
      return !!p && !(r.name in p) && !!Object.getOwnPropertyDescriptor(p, r.brand)?.get && (r.needs?.(win) ?? true);
    },
    install(ctx: InstallContext) {
      const p = proto(ctx.win)!;
      const native: Native = (name) => {
        const get = Object.getOwnPropertyDescriptor(p, name)!.get!;
        return (self) => get.call(self);
      };
      const brand = native(r.brand);
      const holder = {
        get [r.name](): unknown {
          brand(this);
          ctx.deprecated(`${r.iface}.prototype.${r.name}`, r.replacement);
          return r.value(this, native);
        },
      };
      ctx.define(p, `${r.iface}.prototype`, r.name, { get: Object.getOwnPropertyDescriptor(holder, r.name)!.get, enumerable: true });
    },
  };
});
