/**
 * webrtc-legacy as a module: importing it changes nothing; call install() to patch a window.
 */
export { install, uninstall, installed, usage, report } from './install/install';
export type { UsageRow } from './install/usage';
/** window.WebRTCLegacy of the classic scripts (declared on Window, optional: ESM users have no such global). */
export type { ClassicApi } from './install/classic-entry';
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
/** 2013-09 WD §8 callback getStats: the legacy stats names table and its engine, for tools and tests. */
export * as legacyStats from './drafts/wd-2013-09-10/legacy-stats-names';
export { getStats, legacyStatsResponse } from './drafts/wd-2013-09-10/get-stats';
export { createDTMFSender } from './drafts/wd-2013-09-10/create-dtmf-sender';
export { defaultIceServers } from './drafts/wd-2016-01-28/default-ice-servers';
export { getStats2016 } from './drafts/wd-2016-01-28/get-stats';
export { transceiverStopped } from './drafts/wd-2016-01-28/transceiver-stopped';
export { setDirection } from './drafts/wd-2016-05-31/set-direction';
/** Today's stats names → the 2016 drafts' (one table, a tiny engine), for tools and tests. */
export * as stats2016 from './drafts/wd-2016-01-28/stats-names';

// Media Capture 2012–2015: the constraint translation and the error names of the time (data + engine).
export { LEGACY_CONSTRAINTS, hasLegacyConstraints, legacyTrackConstraints, translateConstraints } from './drafts/mediacapture-2012-06-28/constraints';
export { LEGACY_ERROR_NAMES, legacyErrorName } from './core/get-user-media-error-names';
export { sourceInfos } from './drafts/mediacapture-2013-09-03/source-infos';
export * as mediacapture20120628 from './drafts/mediacapture-2012-06-28/index';
export * as mediacapture20130516 from './drafts/mediacapture-2013-05-16/index';
export * as mediacapture20130903 from './drafts/mediacapture-2013-09-03/index';
export * as mediacapture20150212 from './drafts/mediacapture-2015-02-12/index';

import './types/globals';
import './types/globals-2012-2016';
export { OFFER_CONSTRAINTS, IGNORED_CONSTRAINTS, translateOfferConstraints, isLegacyConstraints } from './drafts/wd-2012-08-21/offer-constraints';
export { translateConfiguration, ICE_TRANSPORTS } from './drafts/wd-2012-08-21/configuration';
export { peerState, iceState, iceConnectionStateOfTheTime } from './drafts/wd-2012-08-21/peer-states';
export { translateDataChannelInit } from './drafts/wd-2012-08-21/data-channel';

// ed-2012-03-18: Chrome's webkitPeerConnection00 (synchronous JSEP) and the window.PeerConnection that serves 2011 and 2012 apps.
export { peerConnection00Class } from './drafts/ed-2012-03-18/peer-connection-00';
export { eitherPeerConnectionClass } from './drafts/ed-2012-03-18/peer-connection';
/** The synchronous offer/answer text from the engine's template (pure), for tools and tests. */
export * as syncSdp from './drafts/ed-2012-03-18/sdp-template';
