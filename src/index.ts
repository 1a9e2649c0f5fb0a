/**
 * webrtc-legacy as a module: importing it changes nothing; call install() to patch a window.
 */
export { install, uninstall, installed, usage } from './install/install';
export { registry } from './install/registry';
export { ERAS } from './install/types';
export type { Era, DraftDate, InstallOptions, PatchedProperty, Surface, InstallContext, LegacyMember, PrefixOption, PrefixFamilies } from './install/types';
export { version } from './version';

// Each surface module, for apps and tools that want one piece (or to inspect what it does).
export { getUserMedia, mediaStreamOptionsDefaults } from './drafts/wd-2011-10-27/get-user-media';
export { localMediaStream, localMediaStreamClass } from './drafts/wd-2011-10-27/local-media-stream';
export { mediaStream } from './drafts/wd-2011-10-27/media-stream';
export { mediaStreamRecorder, mediaStreamRecorderClass } from './drafts/wd-2011-10-27/media-stream-recorder';
export { webmDurationPatch } from './drafts/wd-2011-10-27/webm-duration';
export { objectUrl } from './drafts/wd-2011-10-27/object-url';
export { mediaStreamEvent, mediaStreamEventClass } from './drafts/wd-2011-10-27/media-stream-event';
export { peerConnection, peerConnectionClass } from './drafts/wd-2011-10-27/peer-connection/peer-connection';
export { parseConfigString, toIceServer } from './drafts/wd-2011-10-27/peer-connection/config-string';
/** "SDP\n" + ROAP: parse / serialize, for a modern RTCPeerConnection app that talks to a 2011 app. */
export * as roap from './roap/roap';
/** The SDP rewrites the 2011 PeerConnection makes (a=label, msid), for tools and tests. */
export * as legacySdp from './sdp/legacy-sdp';
export { NavigatorUserMediaError } from './drafts/wd-2011-10-27/navigator-user-media-error';
export { parseOptionsString, readOptions, toConstraints } from './drafts/wd-2011-10-27/media-stream-options';

// Media Capture 2012–2015: the constraint translation and the error names of the time (data + engine).
export { LEGACY_CONSTRAINTS, hasLegacyConstraints, translateConstraints } from './drafts/mediacapture-2012-06-28/constraints';
export { LEGACY_ERROR_NAMES, legacyErrorName } from './drafts/mediacapture-2013-05-16/error-names';
export { sourceInfos } from './drafts/mediacapture-2013-09-03/source-infos';
export * as mediacapture20120628 from './drafts/mediacapture-2012-06-28/index';
export * as mediacapture20130516 from './drafts/mediacapture-2013-05-16/index';
export * as mediacapture20130903 from './drafts/mediacapture-2013-09-03/index';
export * as mediacapture20150212 from './drafts/mediacapture-2015-02-12/index';

import './types/globals';
