/**
 * 2011 WD §4: the PeerConnection configuration string, "TYPE host[:port]". Pure: unit-tested alone.
 * Anything invalid means "no STUN or TURN server is configured"; it never throws.
 */
export type ServerType = 'STUN' | 'TURN';

export interface ServerConfiguration {
  type: ServerType;
  /** STUNS / TURNS: contacted over TLS. */
  secure: boolean;
  host: string;
  /** Empty when only a domain was given (the draft's DNS SRV case). */
  port: string;
}

const TYPES: Record<string, { type: ServerType; secure: boolean }> = {
  STUN: { type: 'STUN', secure: false },
  STUNS: { type: 'STUN', secure: true },
  TURN: { type: 'TURN', secure: false },
  TURNS: { type: 'TURN', secure: true },
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function validHost(host: string): boolean {
  if (IPV4.test(host)) return true;
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.replace(/\.$/, '').split('.');
  // A name made only of digits and dots would be a malformed IPv4 address, not a host name.
  return labels.every((l) => LABEL.test(l)) && !labels.every((l) => /^\d+$/.test(l));
}

function validPort(port: string): boolean {
  return /^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535;
}

export function parseConfigString(configuration: unknown): ServerConfiguration | null {
  if (typeof configuration !== 'string') return null;
  // "remove all characters from serverConfiguration after the first [LF or CR]"
  const line = configuration.split(/[\r\n]/, 1)[0] ?? '';
  // "Split serverConfiguration on spaces"
  const components = line.split(' ');
  if (components.length < 2) return null;
  const kind = TYPES[components[0]!]; // case-sensitive, as the draft says
  if (!kind) return null;
  const second = components[1]!;
  const colon = second.indexOf(':');
  const host = colon === -1 ? second : second.slice(0, colon);
  const port = colon === -1 ? '' : second.slice(colon + 1);
  if (!validHost(host) || (colon !== -1 && !validPort(port))) return null;
  return { ...kind, host, port };
}

/** Browsers cannot make the DNS SRV look-up the draft expects for a bare domain: the IANA ports stand in. */
export const DEFAULT_PORTS = { plain: '3478', secure: '5349' } as const;

/**
 * The server as an RTCIceServer. TURN's long-term username is the page's origin and its password
 * the empty string (§4).
 */
export function toIceServer(server: ServerConfiguration, origin: string): RTCIceServer {
  const port = server.port || (server.secure ? DEFAULT_PORTS.secure : DEFAULT_PORTS.plain);
  if (server.type === 'STUN') return { urls: `${server.secure ? 'stuns' : 'stun'}:${server.host}:${port}` };
  const url = server.secure ? `turns:${server.host}:${port}?transport=tcp` : `turn:${server.host}:${port}`;
  return { urls: url, username: origin, credential: '' };
}
