import { queueTask } from '../../core/task';
import { operation } from '../../core/webidl';
import { liveWindows } from '../../install/live';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

/** A capture device as Chrome 30–47's MediaStreamTrack.getSources described it. */
export interface SourceInfo {
  readonly id: string;
  /** mediacapture-2013-09-03 SourceInfo.sourceId: the same identifier. */
  readonly sourceId: string;
  readonly kind: 'audio' | 'video';
  readonly label: string;
  /** "user" | "environment" | "" (unknown: enumerateDevices does not say). */
  readonly facing: string;
}

const KINDS: Partial<Record<MediaDeviceKind, SourceInfo['kind']>> = { audioinput: 'audio', videoinput: 'video' };

/** enumerateDevices' inputs as SourceInfo objects: `id` is the deviceId, so `sourceId` opens that device. */
export function sourceInfos(devices: readonly MediaDeviceInfo[]): SourceInfo[] {
  const out: SourceInfo[] = [];
  for (const d of devices) {
    const kind = KINDS[d.kind];
    if (kind) out.push(Object.freeze({ id: d.deviceId, sourceId: d.deviceId, kind, label: d.label, facing: '' }));
  }
  return out;
}

function enumerate(win: LegacyWindow): Promise<SourceInfo[]> {
  return win.navigator.mediaDevices.enumerateDevices().then(sourceInfos);
}

/** Chrome 30–47 `MediaStreamTrack.getSources(callback)`: the callback runs in a task with the list. */
export const getSources: Surface = {
  id: 'mediacapture-2013-09-03/get-sources',
  drafts: ['2012-08-21', '2013-09-10', '2015-02-10'],
  collides: false,
  members: [{ name: 'MediaStreamTrack.getSources', replacement: "navigator.mediaDevices.enumerateDevices().then((ds) => ds.filter((d) => d.kind.endsWith('input')))" }],
  detect: (win) => !!win.MediaStreamTrack && !('getSources' in win.MediaStreamTrack) && typeof win.navigator.mediaDevices?.enumerateDevices === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const fn = operation(win, { iface: 'MediaStreamTrack', name: 'getSources', length: 1, required: 1 }, (callback: unknown) => {
      if (typeof callback !== 'function') throw new win.TypeError('MediaStreamTrack.getSources: callback is not a function');
      ctx.deprecated('MediaStreamTrack.getSources', 'navigator.mediaDevices.enumerateDevices()');
      enumerate(win).then(
        (list) => queueTask(win, () => (callback as (l: SourceInfo[]) => void)(list)),
        // Chrome called back with an empty list when it could not enumerate.
        () => queueTask(win, () => (callback as (l: SourceInfo[]) => void)([])),
      );
    });
    ctx.define(win.MediaStreamTrack, 'MediaStreamTrack', 'getSources', { value: fn, writable: true, enumerable: true });
  },
};

interface Cache {
  list: SourceInfo[];
}
const caches = new WeakMap<LegacyWindow, Cache>();

/**
 * mediacapture-2013-09-03 `static sequence<SourceInfo> getSourceInfos()` is synchronous: it returns the
 * list enumerateDevices last gave, read at install, on every `devicechange` and after each call (ids
 * and labels change once the page has captured, with no event). Right after install, until the first
 * enumeration settles, the list may be empty; a call reads what the previous one asked for.
 */
export const getSourceInfos: Surface = {
  id: 'mediacapture-2013-09-03/get-source-infos',
  drafts: ['2012-08-21', '2013-09-10'],
  collides: false,
  members: [{ name: 'MediaStreamTrack.getSourceInfos', replacement: 'await navigator.mediaDevices.enumerateDevices()' }],
  detect: (win) => !!win.MediaStreamTrack && !('getSourceInfos' in win.MediaStreamTrack) && typeof win.navigator.mediaDevices?.enumerateDevices === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    let cache = caches.get(win);
    const c: Cache = cache ?? { list: [] };
    const refresh = () => {
      if (liveWindows.has(win)) enumerate(win).then((l) => (c.list = l), () => {});
    };
    if (!cache) {
      caches.set(win, (cache = c));
      win.navigator.mediaDevices.addEventListener('devicechange', refresh);
    }
    refresh();
    const fn = operation(win, { iface: 'MediaStreamTrack', name: 'getSourceInfos', length: 0, required: 0 }, () => {
      ctx.deprecated('MediaStreamTrack.getSourceInfos', 'navigator.mediaDevices.enumerateDevices()');
      const list = c.list.slice();
      refresh();
      return list;
    });
    ctx.define(win.MediaStreamTrack, 'MediaStreamTrack', 'getSourceInfos', { value: fn, writable: true, enumerable: true });
  },
};
