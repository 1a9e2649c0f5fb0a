declare const __WEBRTC_LEGACY_VERSION__: string;
/** The package version, written in by the build. */
export const version: string = __WEBRTC_LEGACY_VERSION__;
