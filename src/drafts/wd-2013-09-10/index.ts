import type { Surface } from '../../install/types';
import { createDTMFSender } from './create-dtmf-sender';
import { getStats } from './get-stats';
import { iceConnectionCompleted } from './ice-connection-completed';

/** The 2013-09-10 Working Draft's RTCPeerConnection surfaces beyond the 2012-08 ones, in install order. */
export const surfaces: readonly Surface[] = [iceConnectionCompleted, getStats, createDTMFSender];
