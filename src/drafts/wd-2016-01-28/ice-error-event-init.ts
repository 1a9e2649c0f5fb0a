import { widenConstructor } from '../../core/webidl';
import type { Surface } from '../../install/types';

type Init = Record<string, unknown>;

/** The 2016 init as today's: errorCode 0 where absent, statusText as errorText, hostCandidate "address:port" split. */
function translate(init: Init): Init {
  const out: Init = {};
  for (const key of ['bubbles', 'cancelable', 'composed', 'url', 'address', 'port', 'hostCandidate', 'errorText']) if (init[key] !== undefined) out[key] = init[key];
  // 2016: `unsigned short errorCode` without a default or `required` (today's is required): a missing one is 0.
  out.errorCode = init.errorCode === undefined ? 0 : init.errorCode;
  if (out.errorText === undefined && init.statusText !== undefined) out.errorText = init.statusText;
  const host = init.hostCandidate;
  if (typeof host === 'string' && out.address === undefined) {
    const m = /^\[?(.*?)\]?:(\d+)$/.exec(host);
    if (m) {
      out.address = m[1];
      if (out.port === undefined) out.port = Number(m[2]);
    }
  }
  return out;
}

/**
 * 2016-01-28 … 2016-11-24 WD §4.8.3 `new RTCPeerConnectionIceErrorEvent(type, {hostCandidate, url, errorCode,
 * statusText})`: today's init requires errorCode and names the text errorText (and the host address/port
 * apart), so the 2016 init only throws. Where it would, or where it names `statusText`/`hostCandidate`
 * (names that mean nothing to today's init), the 2016 init is translated; every other call is the engine's.
 * The interface object is a new function whose prototype, statics, name and length are the native ones.
 */
export const iceErrorEventInit: Surface = {
  id: 'wd-2016-01-28/ice-error-event-init',
  drafts: ['2016-01-28', '2016-05-31', '2016-11-24'],
  collides: false,
  members: [
    {
      name: 'new RTCPeerConnectionIceErrorEvent(type, {hostCandidate, statusText})',
      replacement: 'new RTCPeerConnectionIceErrorEvent(type, { address, port, url, errorCode, errorText })',
    },
  ],
  detect: (win) => typeof (win as unknown as Record<string, unknown>).RTCPeerConnectionIceErrorEvent === 'function',
  install(ctx) {
    const win = ctx.win as unknown as Record<string, unknown>;
    const Native = win.RTCPeerConnectionIceErrorEvent as new (type: string, init?: Init) => Event;
    widenConstructor(ctx, 'RTCPeerConnectionIceErrorEvent', Native, (args, newTarget) => {
      const [type, init] = args as [string, Init | null | undefined];
      const legacy = args.length >= 2 && init !== null && typeof init === 'object' && (init.errorCode === undefined || init.statusText !== undefined || init.hostCandidate !== undefined);
      if (!legacy) return Reflect.construct(Native, args, newTarget) as Event;
      ctx.used('new RTCPeerConnectionIceErrorEvent(type, {hostCandidate, statusText})');
      return Reflect.construct(Native, [type, translate(init!)], newTarget) as Event;
    });
  },
};
