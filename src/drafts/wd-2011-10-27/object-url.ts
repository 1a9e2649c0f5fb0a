import type { InstallContext, Surface } from '../../install/types';

/** URL.createObjectURL(stream), URL.getObjectURL, webkitURL (2011 WD §3.2.6) — not written yet: detect() reports nothing missing, so nothing is installed. */
export const objectUrl: Surface = {
  id: 'wd-2011-10-27/object-url',
  drafts: ['2011-10-27'],
  collides: false,
  detect: () => false,
  install(_ctx: InstallContext) {},
};
