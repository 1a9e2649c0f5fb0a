import type { InstallContext, Surface } from '../../install/types';

/** MediaStream.record() and MediaStreamRecorder (2011 WD §3.2.4) — not written yet: detect() reports nothing missing, so nothing is installed. */
export const mediaStreamRecorder: Surface = {
  id: 'wd-2011-10-27/media-stream-recorder',
  drafts: ['2011-10-27'],
  collides: false,
  detect: () => false,
  install(_ctx: InstallContext) {},
};
