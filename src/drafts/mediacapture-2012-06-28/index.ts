import type { Surface } from '../../install/types';
import { audioTrackDtmf } from './audio-track-dtmf';
import { getUserMedia, mediaDevicesGetUserMedia } from './get-user-media';
import { mediaStreamStop } from './media-stream';
import { mediaStreamConstructor2012 } from './media-stream-constructor';
import { mediaStreamTrackList } from './media-stream-track-list';
import { trackReadyState } from './track-ready-state';

/**
 * Media Capture 2012-06-28 (and what Chrome and Firefox shipped of it until 2015), in install order:
 * the promise form first, since it reads the engine's own prefixed names before any are defined.
 */
export const surfaces: readonly Surface[] = [
  mediaDevicesGetUserMedia,
  getUserMedia,
  mediaStreamStop,
  mediaStreamTrackList,
  mediaStreamConstructor2012,
  trackReadyState,
  audioTrackDtmf,
];
