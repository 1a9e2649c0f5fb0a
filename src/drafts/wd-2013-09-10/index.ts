import type { Surface } from '../../install/types';
import { createDTMFSender } from './create-dtmf-sender';
import { getStats } from './get-stats';

/** The 2013-09-10 Working Draft's surfaces, in install order. */
export const surfaces: readonly Surface[] = [getStats, createDTMFSender];
