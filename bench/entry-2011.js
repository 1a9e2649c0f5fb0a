// The smallest app import that installs the 2011 surfaces: install() walks the registry, which today
// holds only 2011-10-27 surfaces (the 2012-02-09 send() lives in the PeerConnection module).
// The roap/legacySdp helpers, the surface objects and the option readers are left out.
export { install, uninstall } from '../dist/webrtc-legacy.mjs';
