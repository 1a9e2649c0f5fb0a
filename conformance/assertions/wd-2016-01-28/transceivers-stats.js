/* global conformance */
// The wd-2016-01-28 draft's transceiver, defaultIceServers and stats-name MUSTs: the set the 2016 drafts share
// (conformance/page/transceivers-2016.js) (no setDirection yet: it came with 2016-05-31).
conformance.wd2016('wd-2016-01-28', { setDirection: false });
