import type { InstallContext, Surface } from '../../install/types';

/** MediaStreamEvent and initMediaStreamEvent (2011 WD §7.1) — not written yet: detect() reports nothing missing, so nothing is installed. */
export const mediaStreamEvent: Surface = {
  id: 'wd-2011-10-27/media-stream-event',
  drafts: ['2011-10-27'],
  collides: false,
  detect: () => false,
  install(_ctx: InstallContext) {},
};
