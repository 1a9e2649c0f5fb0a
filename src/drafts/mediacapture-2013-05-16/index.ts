import type { Surface } from '../../install/types';
import { mozSrcObject, trackHandlers, trackRemote } from './media-stream-track';
import { trackEventWithoutTrack } from './media-stream-track-event';
import { trackConstrainable, trackReadonly } from './track-constrainable';
import { trackEndedOnStop, trackStop } from './track-stop';

/** Media Capture 2013-05-16: what is missing or different of it today. */
export const surfaces: readonly Surface[] = [trackEndedOnStop, trackStop, trackHandlers, trackRemote, trackReadonly, trackConstrainable, trackEventWithoutTrack, mozSrcObject];
