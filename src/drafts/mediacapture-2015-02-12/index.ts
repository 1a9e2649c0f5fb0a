import type { Surface } from '../../install/types';
import { mediaStreamErrorEvent } from './media-stream-error-event';
import { mediaStreamActive, mediaStreamInactive } from './media-stream';
import { staticSupportedConstraints } from './supported-constraints';

/** Media Capture 2015-02-12: what is missing of it today. */
export const surfaces: readonly Surface[] = [mediaStreamInactive, mediaStreamActive, mediaStreamErrorEvent, staticSupportedConstraints];
