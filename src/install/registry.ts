import { getUserMedia, mediaStreamOptionsDefaults } from '../drafts/wd-2011-10-27/get-user-media';
import { localMediaStream } from '../drafts/wd-2011-10-27/local-media-stream';
import { mediaStream } from '../drafts/wd-2011-10-27/media-stream';
import { mediaStreamConstructor } from '../drafts/wd-2011-10-27/media-stream-constructor';
import { mediaStreamEvent } from '../drafts/wd-2011-10-27/media-stream-event';
import { mediaStreamRecorder } from '../drafts/wd-2011-10-27/media-stream-recorder';
import { objectUrl } from '../drafts/wd-2011-10-27/object-url';
import { peerConnection } from '../drafts/wd-2011-10-27/peer-connection/peer-connection';
import type { Surface } from './types';

/**
 * Every legacy surface, by the draft that introduced it, in install order. The only list of them:
 * install() walks it, the docs' coverage table and the conformance suite read it.
 */
export const registry: readonly Surface[] = [
  // 2011-10-27 First Public Working Draft
  mediaStream,
  localMediaStream,
  getUserMedia,
  mediaStreamOptionsDefaults,
  mediaStreamRecorder,
  objectUrl,
  mediaStreamEvent,
  peerConnection,
  // Last of its draft: the others capture the native MediaStream when they install.
  mediaStreamConstructor,
];
