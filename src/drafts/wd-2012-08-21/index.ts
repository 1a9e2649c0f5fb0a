import type { Surface } from '../../install/types';
import { offerAnswer } from './offer-answer';

/** The 2012-08-21 Working Draft's RTCPeerConnection surfaces (widening the native object), in install order. */
export const surfaces: readonly Surface[] = [offerAnswer];
