// Loaded before dist/webrtc-legacy.js: the tests install and uninstall the shim themselves, so
// they can see the browser's own globals first.
window.WebRTCLegacyOptions = { autoInstall: false };
