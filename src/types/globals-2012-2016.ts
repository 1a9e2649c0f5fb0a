/**
 * Ambient declarations of the 2012–2016 members the shim provides (issue 15 §4), merged into lib.dom's
 * interfaces: overloads and members are only ADDED, so every call today's API allows keeps its
 * lib.dom signature and result type (test/unit/fixtures/types/modern-app.ts proves it with and
 * without these). Two kinds of members cannot be merged and are given as named types an app casts to
 * (as `LegacyURL` in globals.ts):
 * - statics and constructors: lib.dom types `RTCPeerConnection`, `MediaStream`, `MediaStreamTrack` as
 *   anonymous types on a `var`, which no declaration can widen (`LegacyRTCPeerConnectionConstructor`,
 *   `LegacyMediaStreamConstructor`, `LegacyMediaStreamTrackStatic`);
 * - members whose name has a live, different meaning today, installed only with an explicit `era`
 *   (Surfaces with `collides: true`): `MediaStreamTrackOfEra2012`, `RTCPeerConnectionIdentityOfEra2015`,
 *   `RTCRtpTransceiverOfEra2016`.
 */

declare global {
  /** An event handler attribute of a legacy interface. */
  type LegacyHandler<T, E extends Event = Event> = ((this: T, ev: E) => unknown) | null;

  /**
   * 2012-03-18 ED (JSEP-00) as Chrome 18–21 shipped it (PeerConnection00.idl): synchronous
   * createOffer/createAnswer, set*Description(action, description), startIce, processIceMessage.
   */
  /** The 2011 constants it kept (NEW, ACTIVE, CLOSED, ICE_*), OPENING for NEGOTIATING, and the description actions. */
  interface PeerConnection00Constants extends Omit<PeerConnectionConstants, 'NEGOTIATING' | 'CLOSING' | 'SDP_IDLE' | 'SDP_WAITING' | 'SDP_GLARE'> {
    readonly SDP_OFFER: 0x100;
    readonly SDP_PRANSWER: 0x200;
    readonly SDP_ANSWER: 0x300;
    readonly OPENING: 1;
  }
  /** Chrome's MediaHints: `{has_audio, has_video}`. */
  interface MediaHints {
    has_audio?: boolean;
    has_video?: boolean;
  }
  interface SessionDescription {
    toSdp(): string;
    addCandidate(candidate: IceCandidate): void;
  }
  var SessionDescription: {
    prototype: SessionDescription;
    new (sdp: string): SessionDescription;
  };
  interface IceCandidate {
    readonly label: string;
    toSdp(): string;
  }
  var IceCandidate: {
    prototype: IceCandidate;
    new (label: string, candidateLine: string): IceCandidate;
  };
  type IceCallback = (candidate: IceCandidate | null, moreToFollow: boolean) => void;
  type PeerConnection00Action = 0x100 | 0x200 | 0x300;
  interface PeerConnection00 extends EventTarget, PeerConnection00Constants {
    readonly readyState: 0 | 1 | 2 | 3;
    readonly iceState: number;
    readonly localDescription: SessionDescription | null;
    readonly remoteDescription: SessionDescription | null;
    readonly localStreams: readonly MediaStream[];
    readonly remoteStreams: readonly MediaStream[];
    createOffer(hints?: MediaHints | null): SessionDescription;
    /** The offer as a SessionDescription or its SDP text. */
    createAnswer(offer: SessionDescription | string, hints?: MediaHints | null): SessionDescription;
    setLocalDescription(action: PeerConnection00Action, description: SessionDescription | string): void;
    setRemoteDescription(action: PeerConnection00Action, description: SessionDescription | string): void;
    startIce(options?: { use_candidates?: 'all' | 'no_relay' | 'only_relay' } | null): void;
    processIceMessage(candidate: IceCandidate): void;
    addIceCandidate(candidate: IceCandidate): void;
    addStream(stream: MediaStream, hints?: unknown): void;
    removeStream(stream: MediaStream): void;
    close(): void;
    onconnecting: LegacyHandler<PeerConnection00>;
    onopen: LegacyHandler<PeerConnection00>;
    onstatechange: LegacyHandler<PeerConnection00>;
    onaddstream: LegacyHandler<PeerConnection00, MediaStreamEvent>;
    onremovestream: LegacyHandler<PeerConnection00, MediaStreamEvent>;
    onicechange: LegacyHandler<PeerConnection00>;
  }
  /** The configuration: the 2011 string ("STUN host:port"), null, or `{iceServers}`. */
  interface PeerConnection00Constructor extends PeerConnection00Constants {
    prototype: PeerConnection00;
    new (configuration: string | LegacyRTCConfiguration | null, iceCallback?: IceCallback | null): PeerConnection00;
  }
  var webkitPeerConnection00: PeerConnection00Constructor;
  /** 2012-08 WD §4.1.1 / mediacapture-2012-06-28 §5: `{mandatory: {...}, optional: [{...}, ...]}`. */
  interface MediaConstraintSet {
    [name: string]: boolean | number | string;
  }
  interface MediaConstraints {
    mandatory?: MediaConstraintSet;
    optional?: MediaConstraintSet[];
  }
  /** mediacapture-2012-06-28 §5: a track's constraints in the 2012–2015 form (Chrome's until 2019). */
  interface MediaTrackConstraints {
    mandatory?: MediaConstraintSet;
    optional?: MediaConstraintSet[];
  }

  /** 2012-08 WD §4.1.1 `RTCIceServer {DOMString url; DOMString? credential}`; 2013-09 adds `username`. */
  interface LegacyRTCIceServer {
    url?: string;
    urls?: string | string[];
    username?: string;
    credential?: string;
  }
  /** 2012-08 … 2015 `RTCConfiguration`: `iceServers` with `url`, 2014's `iceTransports`. */
  interface LegacyRTCConfiguration extends Omit<RTCConfiguration, 'iceServers'> {
    iceServers?: (RTCIceServer | LegacyRTCIceServer)[];
    iceTransports?: 'none' | 'relay' | 'all';
  }
  interface RTCConfiguration {
    /** 2014-ED / 2015 WD RTCIceTransports; today `iceTransportPolicy`. */
    iceTransports?: 'none' | 'relay' | 'all';
  }

  /** What the callback createOffer/createAnswer give (the engine's description: `sdp` always set). */
  type LegacySessionDescriptionCallback = (description: RTCSessionDescriptionInit & { type: RTCSdpType; sdp: string }) => void;
  /** 2012-08 WD §4.3.2 RTCPeerConnectionErrorCallback (optional: the shim drops a missing one with a message). */
  type LegacyPeerConnectionErrorCallback = (error: DOMException) => void;

  /**
   * 2012-08 WD §4.3.2 / 2013-09 WD §4.3.2: the callback offer/answer with an optional failure callback
   * and `{mandatory, optional}` constraints; createAnswer's 2012-08 `(offer, ok, err, constraints)`.
   * Each overload needs a callback, so a modern call (`createOffer()`, `createOffer(options)`,
   * `setLocalDescription(desc)`) still resolves to lib.dom's own signature.
   */
  interface RTCPeerConnection {
    createOffer(successCallback: LegacySessionDescriptionCallback, failureCallback?: LegacyPeerConnectionErrorCallback | null, constraints?: MediaConstraints | RTCOfferOptions | null): Promise<void>;
    createAnswer(successCallback: LegacySessionDescriptionCallback, failureCallback?: LegacyPeerConnectionErrorCallback | null, constraints?: MediaConstraints | RTCAnswerOptions | null): Promise<void>;
    createAnswer(offer: RTCSessionDescriptionInit, successCallback: LegacySessionDescriptionCallback, failureCallback?: LegacyPeerConnectionErrorCallback | null, constraints?: MediaConstraints | null): Promise<void>;
    setLocalDescription(description: RTCSessionDescriptionInit, successCallback: (() => void) | null, failureCallback?: LegacyPeerConnectionErrorCallback | null): Promise<void>;
    setRemoteDescription(description: RTCSessionDescriptionInit, successCallback: (() => void) | null, failureCallback?: LegacyPeerConnectionErrorCallback | null): Promise<void>;
    addIceCandidate(candidate: RTCIceCandidateInit | RTCIceCandidate, successCallback: (() => void) | null, failureCallback?: LegacyPeerConnectionErrorCallback | null): Promise<void>;

    /** 2016-05-31 WD §9.6 setIdentityProvider(provider, optional protocol, optional usernameHint). */
    setIdentityProvider(provider: string, protocol?: string, usernameHint?: string): void;
    /** 2016-09-13 WD §9.6 setIdentityProvider(provider, optional RTCIdentityProviderOptions). */
    setIdentityProvider(provider: string, options?: RTCIdentityProviderOptions): void;
    /** 2016 WD §9.6: the identity assertion, as a string (the IdP's JSON). */
    getIdentityAssertion(): Promise<string>;
    /** 2016 WD §9.6: the far side's verified identity (era 2015 and before: an attribute, see RTCPeerConnectionIdentityOfEra2015). */
    readonly peerIdentity: Promise<RTCIdentityAssertion>;
    /** 2016 WD §9.6: where the user logs in to the IdP, once an assertion failed for want of a login. */
    readonly idpLoginUrl: string | null;
  }
  /** 2016-09-13 WD §9.6 */
  interface RTCIdentityProviderOptions {
    protocol?: string;
    usernameHint?: string;
    peerIdentity?: string;
  }
  /** 2016 WD §9.5 `[Constructor(DOMString idp, DOMString name)] interface RTCIdentityAssertion`. */
  interface RTCIdentityAssertion {
    idp: string;
    name: string;
  }
  var RTCIdentityAssertion: {
    prototype: RTCIdentityAssertion;
    new (idp: string, name: string): RTCIdentityAssertion;
  };
  /**
   * 2014-ED / 2015 WD §9 identity events and the `peerIdentity` attribute: installed with
   * `install({era: '2015-02-10'})` and earlier eras only (a live, different `peerIdentity` today):
   * `const pc = new RTCPeerConnection() as RTCPeerConnectionIdentityOfEra2015`.
   */
  /** 2015 WD §9.7 */
  interface RTCIdentityEvent extends Event {
    readonly assertion: string;
  }
  interface RTCIdentityErrorEvent extends Event {
    readonly idp: string;
    readonly protocol: string;
    readonly loginUrl: string | null;
  }
  interface RTCPeerConnectionIdentityOfEra2015 extends Omit<RTCPeerConnection, 'peerIdentity'> {
    readonly peerIdentity: RTCIdentityAssertion | null;
    onidentityresult: LegacyHandler<RTCPeerConnection, RTCIdentityEvent>;
    onpeeridentity: LegacyHandler<RTCPeerConnection>;
    onidpassertionerror: LegacyHandler<RTCPeerConnection, RTCIdentityErrorEvent>;
    onidpvalidationerror: LegacyHandler<RTCPeerConnection, RTCIdentityErrorEvent>;
  }

  /**
   * The RTCPeerConnection interface object of 2012–2016: `new RTCPeerConnection(configuration,
   * mediaConstraints)` (2012-08 WD §4.1), `iceServers` with `url`; and 2016-01-28's
   * `RTCPeerConnection.defaultIceServers` (with `install({era, defaultIceServers})`). The prefixed
   * constructors have this type; for the unprefixed one: `RTCPeerConnection as LegacyRTCPeerConnectionConstructor`.
   */
  interface LegacyRTCPeerConnectionConstructor {
    prototype: RTCPeerConnection;
    new (configuration?: LegacyRTCConfiguration | null, constraints?: MediaConstraints | null): RTCPeerConnection;
    generateCertificate(keygenAlgorithm: AlgorithmIdentifier): Promise<RTCCertificate>;
    readonly defaultIceServers: readonly RTCIceServer[];
  }

  /** 2012-08 WD §5.1.1: `{reliable: false}` asked for an unreliable channel. */
  interface RTCDataChannelInit {
    reliable?: boolean;
  }
  var DataChannelEvent: typeof RTCDataChannelEvent | undefined;

  /** 2013-09 WD §8.2: the names of the callback getStats' result. */
  type RTCStatsResponse = LegacyStatsResponse;
  /** 2013-09 WD §7.2 */
  type RTCDTMFSender2013 = LegacyDTMFSender;

  /**
   * 2016-01-28 … 2016-11-24 WD §5.4, with an explicit 2016 era (today's meaning differs):
   * `stopped` and, since 2016-05-31, setDirection(); `direction` is kept after stop(), never "stopped".
   */
  interface RTCRtpTransceiverOfEra2016 extends RTCRtpTransceiver {
    readonly stopped: boolean;
    setDirection(direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive'): void;
  }
  /** 2016-01-28 WD §4.8.1 (renamed `address` in 2017). */
  interface RTCIceCandidate {
    readonly ip: string | null;
  }
  /** 2016-01-28 WD §4.8.2: the STUN or TURN server's URL (where the engine's candidates carry it). */
  interface RTCPeerConnectionIceEvent {
    readonly url: string | null;
  }
  /** 2016-01-28 WD §5.5 (today `iceTransport`). */
  interface RTCDtlsTransport {
    readonly transport: RTCIceTransport;
  }
  /** 2016-01-28 WD §5.6: RTCP is always multiplexed today, so every ICE transport is the RTP one. */
  interface RTCIceTransport {
    readonly component: 'rtp' | 'rtcp';
  }
  /** 2016-01-28 WD §5.2/§5.3: null under RTCP mux, which both engines require. */
  interface RTCRtpSender {
    readonly rtcpTransport: RTCDtlsTransport | null;
  }
  interface RTCRtpReceiver {
    readonly rtcpTransport: RTCDtlsTransport | null;
  }
  /** 2016-05-31 WD §4.7: the certificate's algorithm; 2016-11-24 WD §4.10 `fingerprints` (today getFingerprints()). */
  interface RTCCertificate {
    getAlgorithm(): string;
    readonly fingerprints: readonly RTCDtlsFingerprint[];
  }

  /** mediacapture-2012-06-28 … 2015: the prefixed and callback getUserMedia, {mandatory, optional} constraints. */
  type LegacyUserMediaError = NavigatorUserMediaError | DOMException;
  type LegacyGetUserMedia = (
    constraints: MediaStreamConstraints,
    successCallback: (stream: MediaStream) => void,
    errorCallback?: ((error: LegacyUserMediaError) => void) | null,
  ) => void;
  interface Navigator {
    getUserMedia(constraints: MediaStreamConstraints, successCallback: (stream: MediaStream) => void, errorCallback?: ((error: LegacyUserMediaError) => void) | null): void;
    /** Present where the engine's family is webkit (or `prefixes: 'all'`). */
    webkitGetUserMedia?: LegacyGetUserMedia;
    /** Present where the engine's family is moz (or `prefixes: 'all'`). */
    mozGetUserMedia?: LegacyGetUserMedia;
  }

  /** mediacapture-2012-06-28 §4.3 (stop, ended) and 2015-02-12 (oninactive). */
  interface MediaStream {
    stop(): void;
    readonly ended: boolean;
    oninactive: LegacyHandler<MediaStream>;
    /** webrtc-wd-2012-02-09 / mediacapture-2012-06-28 MediaStreamTrackList. */
    readonly audioTracks: MediaStreamTrackList;
    readonly videoTracks: MediaStreamTrackList;
  }
  interface MediaStreamTrackList extends EventTarget {
    readonly length: number;
    item(index: number): MediaStreamTrack | null;
    add(track: MediaStreamTrack): void;
    remove(track: MediaStreamTrack): void;
    readonly [index: number]: MediaStreamTrack | undefined;
    onaddtrack: LegacyHandler<MediaStreamTrackList, MediaStreamTrackEvent>;
    onremovetrack: LegacyHandler<MediaStreamTrackList, MediaStreamTrackEvent>;
  }
  var MediaStreamTrackList: {
    prototype: MediaStreamTrackList;
    new (): MediaStreamTrackList;
  };
  /**
   * mediacapture-2012-06-28 §4.1 `MediaStream(audioTracks, videoTracks)` (with an era of 2012, whose
   * two-argument call today's constructor does not take): `new (MediaStream as LegacyMediaStreamConstructor)(a, v)`.
   */
  interface LegacyMediaStreamConstructor {
    prototype: MediaStream;
    /** 2011 WD §3.2.1 the states' constants on the interface object (on instances: globals.ts). */
    readonly LIVE: 1;
    readonly ENDED: 2;
    new (): MediaStream;
    new (stream: MediaStream): MediaStream;
    new (tracks: MediaStreamTrack[]): MediaStream;
    new (audioTracks: MediaStreamTrack[] | MediaStreamTrackList | null, videoTracks: MediaStreamTrack[] | MediaStreamTrackList | null): MediaStream;
  }

  /** mediacapture-2013-05-16 §4.3 (onstarted, onoverconstrained, remote); webrtc-wd-2012-02-09 AudioMediaStreamTrack. */
  interface MediaStreamTrack {
    onstarted: LegacyHandler<MediaStreamTrack>;
    onoverconstrained: LegacyHandler<MediaStreamTrack>;
    readonly remote: boolean;
    /** AudioMediaStreamTrack (2012-02-09 WD §4.4): over the sender's native RTCDTMFSender; audio tracks only. */
    readonly canInsertDTMF: boolean;
    insertDTMF(tones: string, duration?: number): void;
  }
  /** mediacapture-2012-06-28 §4.2 numeric readyState and its constants: with an era of 2012–2013 only. */
  interface MediaStreamTrackOfEra2012 extends Omit<MediaStreamTrack, 'readyState'> {
    readonly LIVE: 0;
    readonly MUTED: 1;
    readonly ENDED: 2;
    readonly readyState: 0 | 1 | 2;
  }
  /** mediacapture-2013-09-03 SourceInfo, as Chrome 30–47's MediaStreamTrack.getSources gave it. */
  interface SourceInfo {
    readonly id: string;
    readonly sourceId: string;
    readonly kind: 'audio' | 'video';
    readonly label: string;
    readonly facing: string;
  }
  /** `MediaStreamTrack as LegacyMediaStreamTrackStatic` (lib.dom's interface object takes no statics). */
  interface LegacyMediaStreamTrackStatic {
    prototype: MediaStreamTrack;
    new (): MediaStreamTrack;
    readonly LIVE?: 0;
    readonly MUTED?: 1;
    readonly ENDED?: 2;
    /** Chrome 30–47 */
    getSources(callback: (sources: SourceInfo[]) => void): void;
    /** mediacapture-2013-09-03 `static sequence<SourceInfo> getSourceInfos()`: synchronous, the list last enumerated. */
    getSourceInfos(): SourceInfo[];
  }

  /** mediacapture-2013-05-16 (Firefox 18–57): where the moz family is announced. */
  interface HTMLMediaElement {
    mozSrcObject?: MediaStream | null;
  }

  /** 2013-09 WD §5.2 `maxRetransmitTime` (today's maxPacketLifeTime). */
  interface RTCDataChannel {
    readonly maxRetransmitTime: number | null;
  }
  /** mediacapture-2015-02-12 `onactive` (Firefox lacks it today). */
  interface MediaStream {
    onactive: LegacyHandler<MediaStream>;
  }
  /** `MediaDevices as LegacyMediaDevicesStatic`: mediacapture-2015-02-12's static getSupportedConstraints(kind). */
  interface LegacyMediaDevicesStatic {
    prototype: MediaDevices;
    new (): MediaDevices;
    getSupportedConstraints(kind?: 'audio' | 'video'): MediaTrackSupportedConstraints;
  }
  /** 2016 WD §5.3 RTCRtpContributingSource (with a 2016 era): audioLevel is the RFC 6464 byte, 0 loudest, 127 silence. */
  interface RTCRtpContributingSourceOfEra2016 {
    readonly timestamp: number;
    readonly source: number;
    readonly audioLevel: number | null;
    readonly voiceActivityFlag: boolean | null;
  }
  var RTCRtpContributingSource: {
    prototype: RTCRtpContributingSourceOfEra2016;
  };
  /** 2016 WD §7.2 the values insertDTMF() was given. */
  interface RTCDTMFSender {
    readonly duration: number;
    readonly interToneGap: number;
  }
  /** 2016 WD §4.8.2 `hostCandidate` ("address:port" of the local candidate). */
  interface RTCPeerConnectionIceErrorEvent {
    readonly hostCandidate: string;
  }
}

export {};
