/**
 * Ambient declarations of the legacy globals and members the shim provides, so an old app being moved
 * to TypeScript type-checks against them. Kept in step with src/install/registry.ts.
 */
declare global {
  /** 2011 WD §2.1.2 */
  interface MediaStreamOptions {
    audio?: boolean;
    video?: boolean;
  }
  /**
   * 2011 WD §2.1.4 ([NoInterfaceObject]: a type, no global), as
   * src/drafts/wd-2011-10-27/navigator-user-media-error.ts makes it. Written out rather than aliased to
   * that class: the bundled .d.ts loses the alias's import and the name would refer to itself.
   */
  interface NavigatorUserMediaError {
    readonly PERMISSION_DENIED: 1;
    readonly code: 1;
    readonly name: string;
    readonly message: string;
    readonly constraintName: string | null;
  }

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

  /** 2013-09 WD §8.2: what the callback getStats gives (Chromium's RTCStatsResponse). */
  interface LegacyStatsElement {
    readonly timestamp: Date;
    names(): string[];
    stat(name: string): string;
  }
  interface LegacyStatsReport extends LegacyStatsElement {
    readonly id: string;
    readonly type: string;
    readonly local: LegacyStatsElement;
    readonly remote: LegacyStatsElement | null;
  }
  interface LegacyStatsResponse {
    result(): LegacyStatsReport[];
    namedItem(id: string): LegacyStatsReport | null;
    readonly [id: string]: unknown;
  }
  /** 2013-09 WD §7.2 */
  interface LegacyDTMFSender extends EventTarget {
    readonly canInsertDTMF: boolean;
    insertDTMF(tones: string, duration?: number, interToneGap?: number): void;
    readonly track: MediaStreamTrack;
    ontonechange: ((this: LegacyDTMFSender, ev: RTCDTMFToneChangeEvent) => unknown) | null;
    readonly toneBuffer: string;
    readonly duration: number;
    readonly interToneGap: number;
  }
  interface RTCPeerConnection {
    /** 2013-09 WD §8.2, as Chromium shipped it: `getStats(success, failure)` or `getStats(success, selector)`. */
    getStats(successCallback: (response: LegacyStatsResponse) => void, failureCallbackOrSelector?: ((error: DOMException | TypeError) => void) | MediaStreamTrack | null): Promise<void>;
    /** 2013-09 WD §8.2 */
    getStats(selector: MediaStreamTrack | null, successCallback: (response: LegacyStatsResponse) => void, failureCallback?: (error: DOMException | TypeError) => void): Promise<void>;
    /** 2013-09 WD §7.1 */
    createDTMFSender(track: MediaStreamTrack): LegacyDTMFSender;
  }

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

  /** 2011 WD §4.1.3: the states' constants, on the interface object and on every instance. */
  interface PeerConnectionConstants {
    readonly NEW: 0;
    readonly NEGOTIATING: 1;
    readonly ACTIVE: 2;
    readonly CLOSED: 3;
    readonly CLOSING: 4;
    readonly ICE_GATHERING: 0x100;
    readonly ICE_WAITING: 0x200;
    readonly ICE_CHECKING: 0x300;
    readonly ICE_CONNECTED: 0x400;
    readonly ICE_COMPLETED: 0x500;
    readonly ICE_FAILED: 0x600;
    readonly ICE_CLOSED: 0x700;
    readonly SDP_IDLE: 0x1000;
    readonly SDP_WAITING: 0x2000;
    readonly SDP_GLARE: 0x3000;
  }
  /** 2011 WD §4.1 (and the 2012-02-09 send / onmessage): signaling through the app's channel, ROAP messages prefixed "SDP\n". */
  interface PeerConnection extends EventTarget, PeerConnectionConstants {
    readonly readyState: 0 | 1 | 2 | 3 | 4;
    readonly iceState: number;
    readonly sdpState: 0 | 0x1000 | 0x2000 | 0x3000;
    readonly localStreams: readonly MediaStream[];
    readonly remoteStreams: readonly MediaStream[];
    processSignalingMessage(message: string): void;
    /** The draft leaves the format of `hints` undefined. */
    addStream(stream: MediaStream, hints?: unknown): void;
    removeStream(stream: MediaStream): void;
    close(): void;
    /** 2012-02-09 WD: a text datagram of at most 504 UTF-8 bytes. */
    send(message: string): void;
    onconnecting: ((this: PeerConnection, ev: Event) => unknown) | null;
    onopen: ((this: PeerConnection, ev: Event) => unknown) | null;
    onstatechange: ((this: PeerConnection, ev: Event) => unknown) | null;
    onaddstream: ((this: PeerConnection, ev: MediaStreamEvent) => unknown) | null;
    onremovestream: ((this: PeerConnection, ev: MediaStreamEvent) => unknown) | null;
    /** 2012-02-09 WD */
    onmessage: ((this: PeerConnection, ev: MessageEvent<string>) => unknown) | null;
  }
  var PeerConnection: PeerConnectionConstants & {
    prototype: PeerConnection;
    /** `configuration`: "TYPE host[:port]", TYPE one of STUN, STUNS, TURN, TURNS. */
    new (configuration: string, signalingCallback: (message: string, source: PeerConnection) => void): PeerConnection;
    /** 2012-03-18 ED: the same global serves JSEP-00 apps (no callback, or an iceCallback; ed-2012-03-18/peer-connection.ts). */
    new (configuration: string | LegacyRTCConfiguration | null, iceCallback?: IceCallback | null): PeerConnection00;
  };
  /* webkitPeerConnection00, SessionDescription, IceCandidate (2012-03-18 ED): globals-2012-2016.ts. */
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
    updateIce(configuration?: LegacyRTCConfiguration | null, constraints?: MediaConstraints | null, restart?: boolean): void;
  }
  /** 2012-08 WD §5.1 */
  interface RTCDataChannel {
    readonly reliable: boolean;
  }
  /** The prefixed constructors take the 2012-08 `(configuration, mediaConstraints)` (globals-2012-2016.ts). */
  var mozRTCPeerConnection: LegacyRTCPeerConnectionConstructor | undefined;
  var mozRTCSessionDescription: typeof RTCSessionDescription | undefined;
  var mozRTCIceCandidate: typeof RTCIceCandidate | undefined;
  var webkitRTCPeerConnection: LegacyRTCPeerConnectionConstructor | undefined;
  var webkitMediaStream: typeof MediaStream | undefined;
  var DataChannel: typeof RTCDataChannel | undefined;
  /** mediacapture-2013-05-16 … -2015-04-14 (the 2013-09 IDL escapes `readonly` as `_readonly`). */
  interface MediaStreamTrack {
    readonly readonly: boolean;
    /** 2013-05/-09: {mandatory, optional} of the time, or null. */
    constraints(): { mandatory: Record<string, unknown>; optional: Record<string, unknown>[] } | null;
    /** 2013-09 MediaSourceStates. */
    states(): Record<string, unknown>;
    /** 2013-09 AllVideoCapabilities / AllAudioCapabilities. */
    capabilities(): Record<string, unknown>;
  }
  /** mediacapture-2015-02-12 / -2015-04-14 (the 2016-05-19 OverconstrainedErrorEvent has the same shape). */
  interface MediaStreamErrorEvent extends Event {
    readonly error: object | null;
  }
  var MediaStreamErrorEvent: {
    prototype: MediaStreamErrorEvent;
    new (type: string, eventInitDict: EventInit & { error?: object | null }): MediaStreamErrorEvent;
  };
  var OverconstrainedErrorEvent: {
    prototype: MediaStreamErrorEvent;
    new (type: string, eventInitDict: EventInit & { error?: object | null }): MediaStreamErrorEvent;
  };
}

export {};
