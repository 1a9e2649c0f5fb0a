/**
 * Ambient declarations of the legacy globals and members the shim provides, so an old app being moved
 * to TypeScript type-checks against them. Kept in step with src/install/registry.ts.
 */
import type { NavigatorUserMediaError as NavigatorUserMediaErrorClass } from '../drafts/wd-2011-10-27/navigator-user-media-error';

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
  /** 2012-08 WD §4 / 2013-09 WD §4: the members the shim adds to the native RTCPeerConnection. */
  interface RTCPeerConnection {
    readonly readyState: 'new' | 'opening' | 'active' | 'closing' | 'closed';
    readonly iceState: 'new' | 'gathering' | 'waiting' | 'checking' | 'connected' | 'completed' | 'failed' | 'closed';
    readonly localStreams: MediaStream[];
    readonly remoteStreams: MediaStream[];
    onstatechange: ((this: RTCPeerConnection, ev: Event) => unknown) | null;
    onicechange: ((this: RTCPeerConnection, ev: Event) => unknown) | null;
    onopen: ((this: RTCPeerConnection, ev: Event) => unknown) | null;
    onnegotationneeded: ((this: RTCPeerConnection, ev: Event) => unknown) | null;
    onaddstream: ((this: RTCPeerConnection, ev: MediaStreamEvent) => unknown) | null;
    onremovestream: ((this: RTCPeerConnection, ev: MediaStreamEvent) => unknown) | null;
    addStream(stream: MediaStream, constraints?: object): void;
    removeStream(stream: MediaStream): void;
    getLocalStreams(): MediaStream[];
    getRemoteStreams(): MediaStream[];
    getStreamById(streamId: string): MediaStream | null;
    updateIce(configuration?: RTCConfiguration | null, constraints?: object | null, restart?: boolean): void;
  }
  /** 2012-08 WD §5.1 */
  interface RTCDataChannel {
    readonly reliable: boolean;
  }
  var mozRTCPeerConnection: typeof RTCPeerConnection | undefined;
  var mozRTCSessionDescription: typeof RTCSessionDescription | undefined;
  var mozRTCIceCandidate: typeof RTCIceCandidate | undefined;
  var webkitRTCPeerConnection: typeof RTCPeerConnection | undefined;
  var webkitMediaStream: typeof MediaStream | undefined;
  var DataChannel: typeof RTCDataChannel | undefined;
}

export {};
