// webrtc-adapter's factory (its package's own ESM source), for the footprint measurement: a page
// calls adapterFactory({ window }) when it chooses to.
export { adapterFactory } from 'webrtc-adapter/src/js/adapter_factory.js';
