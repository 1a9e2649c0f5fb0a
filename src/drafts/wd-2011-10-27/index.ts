import type { Surface } from '../../install/types';
import { getUserMedia, mediaStreamOptionsDefaults } from './get-user-media';
import { localMediaStream } from './local-media-stream';
import { mediaStream } from './media-stream';
import { mediaStreamConstructor } from './media-stream-constructor';
import { mediaStreamEvent } from './media-stream-event';
import { mediaStreamRecorder } from './media-stream-recorder';
import { objectUrl } from './object-url';
import { peerConnection } from './peer-connection/peer-connection';

/** The 2011-10-27 First Public Working Draft's surfaces (and the 2012-02-09 send()), in install order. */
export const surfaces: readonly Surface[] = [
  mediaStream,
  localMediaStream,
  getUserMedia,
  mediaStreamOptionsDefaults,
  mediaStreamRecorder,
  objectUrl,
  mediaStreamEvent,
  peerConnection,
];

/** Installed after every draft's surfaces: it captures the native MediaStream the others may have widened. */
export const last: readonly Surface[] = [mediaStreamConstructor];
