/**
 * Ambient declarations of the legacy globals and members the shim provides, so an old app being moved
 * to TypeScript type-checks against them. Kept in step with src/install/registry.ts.
 */
import type { NavigatorUserMediaError as NavigatorUserMediaErrorClass } from '../drafts/wd-2011-10-27/navigator-user-media-error';
import type { IceCandidateConstructor } from '../drafts/ed-2012-03-18/ice-candidate';
import type { PeerConnection00Constructor } from '../drafts/ed-2012-03-18/peer-connection-00';
import type { SessionDescriptionConstructor } from '../drafts/ed-2012-03-18/session-description';

declare global {
  /** 2011 WD §2.1.2 */
  interface MediaStreamOptions {
    audio?: boolean;
    video?: boolean;
  }
  /** 2011 WD §2.1.4 */
  type NavigatorUserMediaError = NavigatorUserMediaErrorClass;

  interface Navigator {
    /** 2011 WD §2.1.1: options as an object or the draft's strings (`'audio,video user'`). */
    getUserMedia(
      options: string | MediaStreamOptions | null | undefined,
      successCallback: ((stream: LocalMediaStream) => void) | null,
      errorCallback?: ((error: NavigatorUserMediaError) => void) | null,
    ): void;
  }

  /** 2011 WD §3.2.1 */
  interface MediaStream {
    readonly label: string;
    readonly tracks: readonly MediaStreamTrack[];
    readonly LIVE: 1;
    readonly ENDED: 2;
    readonly readyState: 1 | 2;
    onended: ((this: MediaStream, ev: Event) => unknown) | null;
  }

  /** 2011 WD §3.2.2 */
  interface LocalMediaStream extends MediaStream {
    stop(): void;
  }
  var LocalMediaStream: {
    prototype: LocalMediaStream;
    new (tracks?: MediaStreamTrack[]): LocalMediaStream;
  };

  /** 2011 WD §3.2.1.2 */
  interface MediaStream {
    record(): MediaStreamRecorder;
  }
  /** 2011 WD §3.2.4: a Blob of everything recorded since record(), in a queued task; recording goes on. */
  interface MediaStreamRecorder {
    getRecordedData(callback: ((blob: Blob) => void) | null): void;
  }
  /** Not constructible: `stream.record()` makes them (the constructor throws, as lib.dom's do). */
  var MediaStreamRecorder: {
    prototype: MediaStreamRecorder;
    new (): MediaStreamRecorder;
  };

  /** 2011 WD §7.1 (addstream, removestream); the constructor is today's. */
  interface MediaStreamEventInit extends EventInit {
    stream?: MediaStream | null;
  }
  interface MediaStreamEvent extends Event {
    readonly stream: MediaStream | null;
    initMediaStreamEvent(typeArg: string, canBubbleArg: boolean, cancelableArg: boolean, streamArg: MediaStream | null): void;
  }
  var MediaStreamEvent: {
    prototype: MediaStreamEvent;
    new (type: string, eventInitDict?: MediaStreamEventInit): MediaStreamEvent;
  };

  /**
   * 2011 WD §3.2.6 `URL.createObjectURL(stream)` and the §3.3/§4.3 examples' `URL.getObjectURL`.
   * lib.dom types URL's static side as an anonymous type on a `var`, which no declaration can widen,
   * so an app reaches them through this type: `(URL as LegacyURL).getObjectURL(stream)`.
   * (`webkitURL` is already declared by lib.dom, as `typeof URL`.)
   */
  type LegacyURL = typeof URL & {
    createObjectURL(obj: MediaStream | Blob | MediaSource): string;
    getObjectURL(obj: MediaStream | Blob | MediaSource): string;
  };

  /** 2012-03-18 ED as Chrome 18–21 shipped it: synchronous createOffer/createAnswer (ed-2012-03-18/). */
  var webkitPeerConnection00: PeerConnection00Constructor;
  var SessionDescription: SessionDescriptionConstructor;
  var IceCandidate: IceCandidateConstructor;
}

export {};
