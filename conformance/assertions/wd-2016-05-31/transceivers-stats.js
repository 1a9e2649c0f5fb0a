/* global conformance */
// The wd-2016-05-31 draft's transceiver, defaultIceServers and stats-name MUSTs: the set the 2016 drafts share
// (conformance/page/transceivers-2016.js), with setDirection() and the readonly direction (2016-05-31 on).
conformance.wd2016('wd-2016-05-31', { setDirection: true });
