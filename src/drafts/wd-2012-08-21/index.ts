import type { Surface } from '../../install/types';
import { dataChannel } from './data-channel';
import { offerAnswer } from './offer-answer';
import { peerConnectionConstructor } from './peer-connection-constructor';
import { prefixedNames } from './prefixed-names';
import { states } from './states';
import { streams } from './streams';

/**
 * The 2012-08-21 Working Draft's RTCPeerConnection surfaces (widening the native object), in install
 * order: the constructor first, so that the prefixed names and the connection hooks see it.
 */
export const surfaces: readonly Surface[] = [peerConnectionConstructor, offerAnswer, prefixedNames, streams, states, dataChannel];
