import type { Surface } from '../../install/types';
import { dataChannel } from './data-channel';
import { descriptionConstructors, descriptionStringifiers } from './description-constructors';
import { offerAnswer } from './offer-answer';
import { peerConnectionConstructor } from './peer-connection-constructor';
import { prefixedNames } from './prefixed-names';
import { states } from './states';
import { streams } from './streams';

/**
 * The 2012-08-21 Working Draft's RTCPeerConnection surfaces (widening the native object), in install
 * order: the constructors first, so that the prefixed names and the connection hooks see them.
 */
export const surfaces: readonly Surface[] = [peerConnectionConstructor, descriptionConstructors, descriptionStringifiers, offerAnswer, prefixedNames, streams, states, dataChannel];
