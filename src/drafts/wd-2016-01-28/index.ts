import type { Surface } from '../../install/types';
import { contributingSource } from './contributing-source';
import { defaultIceServers } from './default-ice-servers';
import { dtmfDuration } from './dtmf-duration';
import { getStats2016 } from './get-stats';
import { iceErrorEventInit } from './ice-error-event-init';
import { renamedMembers } from './renamed-members';
import { transceiverStopped } from './transceiver-stopped';

/**
 * The 2016-01-28 Working Draft's surfaces (kept by 2016-05-31 … 2016-11-24): the colliding ones opt-in
 * through a 2016 era, the renamed attributes (whose 2016 names mean nothing today) always.
 */
export const surfaces: readonly Surface[] = [transceiverStopped, defaultIceServers, getStats2016, contributingSource, iceErrorEventInit, dtmfDuration, ...renamedMembers];
