import { brandCheck, widenMethod } from '../../core/widen';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

type CreateDataChannel = (this: RTCPeerConnection, label: string, init?: RTCDataChannelInit) => RTCDataChannel;

/** Today's members a DataChannelInit may carry; any of them makes the dictionary a modern one. */
const MODERN = ['ordered', 'maxRetransmits', 'maxPacketLifeTime'] as const;

/**
 * 2012-08 WD §5.1 `DataChannelInit {reliable}` and the 2013-09 `maxRetransmitTime`, as today's
 * members: `reliable: false` was the unreliable, unordered channel of the time (Chrome's RTP data
 * channels), today `{ordered: false, maxRetransmits: 0}`. Only a dictionary naming none of today's
 * members is translated.
 */
export function translateDataChannelInit(init: unknown): RTCDataChannelInit | undefined {
  if (typeof init !== 'object' || init === null) return undefined;
  const legacy = init as Record<string, unknown>;
  const time = 'maxRetransmitTime' in legacy && !('maxPacketLifeTime' in legacy);
  const unreliable = 'reliable' in legacy && !MODERN.some((m) => m in legacy);
  if (!time && !unreliable) return undefined;
  const { reliable, maxRetransmitTime, ...rest } = legacy;
  const out: RTCDataChannelInit = { ...(rest as RTCDataChannelInit) };
  // 2013-09 WD §5.1 `boolean ordered = true; unsigned short? maxRetransmitTime`: a time limit alone
  // leaves the channel ordered; today's name for it is maxPacketLifeTime.
  if (time && typeof maxRetransmitTime === 'number') out.maxPacketLifeTime = maxRetransmitTime;
  else if (unreliable && reliable !== undefined && !reliable) {
    out.ordered = false;
    out.maxRetransmits = 0;
  }
  return out;
}

const has = (win: LegacyWindow) => typeof win.RTCPeerConnection === 'function' && typeof win.RTCDataChannel === 'function';

/**
 * `createDataChannel(label, {reliable: false})`, `RTCDataChannel.reliable` where the engine has none
 * (Firefox; Chromium's own reads false for an unreliable channel: measured, Chromium 156), and the
 * 2012 interface name `DataChannel`.
 */
export const dataChannel: Surface = {
  id: 'wd-2012-08-21/data-channel',
  drafts: ['2012-08-21', '2013-09-10'],
  collides: false,
  members: [
    { name: 'RTCPeerConnection.prototype.createDataChannel(label, {reliable})', replacement: 'pc.createDataChannel(label, {ordered: false, maxRetransmits: 0})' },
    { name: 'RTCDataChannel.prototype.reliable', replacement: 'channel.maxRetransmits === null && channel.maxPacketLifeTime === null' },
    { name: 'RTCDataChannel.prototype.maxRetransmitTime', replacement: 'channel.maxPacketLifeTime', drafts: ['2013-09-10'] },
    { name: 'window.DataChannel', replacement: 'RTCDataChannel' },
    { name: 'window.DataChannelEvent', replacement: 'RTCDataChannelEvent' },
  ],
  detect: has,
  install(ctx: InstallContext) {
    const { win } = ctx;
    widenMethod<CreateDataChannel>(ctx, win.RTCPeerConnection.prototype, 'RTCPeerConnection.prototype', 'createDataChannel', (native) =>
      function (this: RTCPeerConnection, ...args: unknown[]) {
        const init = translateDataChannelInit(args[1]);
        if (!init) return native.apply(this, args as [string, RTCDataChannelInit]);
        ctx.deprecated('RTCPeerConnection.prototype.createDataChannel(label, {reliable})', 'pc.createDataChannel(label, {ordered: false, maxRetransmits: 0})');
        return native.call(this, args[0] as string, init);
      },
    );
    const proto = win.RTCDataChannel.prototype;
    if (!('reliable' in proto)) {
      const check = brandCheck(win, proto, 'ordered', 'RTCDataChannel');
      ctx.define(proto, 'RTCDataChannel.prototype', 'reliable', {
        enumerable: true,
        // 2012-08 WD §5.1: "true if the channel is reliable" — every message arrives, in order.
        get(this: RTCDataChannel) {
          check(this, 'reliable');
          return this.ordered && this.maxRetransmits === null && this.maxPacketLifeTime === null;
        },
      });
    }
    if (!('maxRetransmitTime' in proto) && 'maxPacketLifeTime' in proto) {
      const check = brandCheck(win, proto, 'ordered', 'RTCDataChannel');
      ctx.define(proto, 'RTCDataChannel.prototype', 'maxRetransmitTime', {
        enumerable: true,
        // 2013-09 WD §5.2.1 maxRetransmitTime: "the length of the time window (in milliseconds)
        // during which retransmissions may occur" — today's maxPacketLifeTime (renamed 2014).
        get(this: RTCDataChannel) {
          check(this, 'maxRetransmitTime');
          return this.maxPacketLifeTime;
        },
      });
    }
    const w = win as unknown as Record<string, unknown>;
    if (!('DataChannel' in w)) ctx.define(win, 'window', 'DataChannel', { value: win.RTCDataChannel, writable: true, enumerable: false });
    if (!('DataChannelEvent' in win) && typeof w['RTCDataChannelEvent'] === 'function') ctx.define(win, 'window', 'DataChannelEvent', { value: w['RTCDataChannelEvent'], writable: true, enumerable: false });
  },
};
