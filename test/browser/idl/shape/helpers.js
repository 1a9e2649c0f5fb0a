// The observations web-platform-tests' idlharness.js makes of an interface (test_interface_object,
// test_member_attribute, do_member_operation_asserts, test_interface_of, "with too few arguments"),
// recorded as one flat table { "<path>#<fact>": "<observation>" } so a page without the shim and the
// same page with install() can be compared fact by fact. Written from reading idlharness (no code of it).
/* global WebRTCLegacy */
window.Shape = (() => {
  // What wpt's webrtc/idlharness.https.window.js and mediacapture-streams/idlharness cover, and the
  // objects around them the shim widens (URL, MediaRecorder, the media elements, Event).
  const INTERFACES = [
    'RTCPeerConnection', 'RTCSessionDescription', 'RTCIceCandidate', 'RTCPeerConnectionIceEvent',
    'RTCPeerConnectionIceErrorEvent', 'RTCCertificate', 'RTCRtpSender', 'RTCRtpReceiver', 'RTCRtpTransceiver',
    'RTCDtlsTransport', 'RTCIceTransport', 'RTCTrackEvent', 'RTCSctpTransport', 'RTCDataChannel',
    'RTCDataChannelEvent', 'RTCDTMFSender', 'RTCDTMFToneChangeEvent', 'RTCStatsReport', 'RTCError', 'RTCErrorEvent',
    'MediaStream', 'MediaStreamTrack', 'MediaStreamTrackEvent', 'MediaDevices', 'MediaDeviceInfo', 'InputDeviceInfo',
    'OverconstrainedError', 'Navigator', 'HTMLMediaElement', 'HTMLVideoElement', 'HTMLAudioElement',
    'HTMLSourceElement', 'URL', 'MediaRecorder', 'BlobEvent', 'Event', 'EventTarget',
  ];
  // Window properties an app may feature-detect by name (prefixed and legacy ones included).
  const GLOBAL_NAME = /RTC|PeerConnection|Media|Stream|URL|IceCandidate|SessionDescription|DataChannel|DTMF|Audio$/;

  const errName = (e) => {
    if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return `non-error ${String(e)}`;
    const local = e instanceof window.TypeError || e instanceof window.DOMException || e instanceof window.Error;
    return `${local ? '' : 'other-realm '}${e.name}`;
  };
  /** Throws / rejects / returns: what a call does, promises awaited (they settle in microtasks here). */
  async function outcome(thunk) {
    let v;
    try {
      v = thunk();
    } catch (e) {
      return `throws ${errName(e)}`;
    }
    if (v instanceof Promise) {
      try {
        const r = await Promise.race([v, new Promise((res) => setTimeout(() => res(PENDING), 10000))]);
        return r === PENDING ? 'pending' : `resolves ${typeof r}`;
      } catch (e) {
        return `rejects ${errName(e)}`;
      }
    }
    return `returns ${v === null ? 'null' : typeof v}`;
  }
  const PENDING = Symbol('pending');
  // The Proxy test for [[Construct]] idlharness uses (isConstructor), without running the function.
  const isConstructor = (f) => {
    try {
      // eslint-disable-next-line no-new
      new new Proxy(f, { construct: () => ({}) })();
      return true;
    } catch {
      return false;
    }
  };
  const flags = (d) => `${'value' in d ? `data w${+d.writable}` : `accessor get:${typeof d.get} set:${typeof d.set}`} e${+d.enumerable} c${+d.configurable}`;
  const keyName = (k) => (typeof k === 'symbol' ? `[${k.description}]` : k);

  /** Names the well-known objects a [[Prototype]] may be, from the globals as they are now. */
  function identities() {
    const m = new Map([[Function.prototype, 'Function.prototype'], [Object.prototype, 'Object.prototype'], [null, 'null']]);
    for (const n of [...INTERFACES, 'Node', 'Element', 'HTMLElement', 'Error']) {
      const F = window[n];
      if (typeof F !== 'function') continue;
      if (!m.has(F)) m.set(F, n);
      if (F.prototype && !m.has(F.prototype)) m.set(F.prototype, `${n}.prototype`);
    }
    return (o) => m.get(o) ?? (typeof o === 'function' ? `an unnamed function ${o.name}` : 'an unnamed object');
  }

  /** The objects idlharness tests instances with (add_objects), made fresh on each call. */
  async function instances(track) {
    const out = {};
    const tryMake = async (name, make) => {
      try {
        out[name] = await make();
      } catch (e) {
        out[name] = undefined;
      }
    };
    const pc = track(new RTCPeerConnection());
    const stream = track(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    const [audio] = stream.getAudioTracks();
    await tryMake('RTCPeerConnection', () => pc);
    await tryMake('RTCSessionDescription', () => new RTCSessionDescription({ type: 'offer', sdp: '' }));
    await tryMake('RTCIceCandidate', () => new RTCIceCandidate({ sdpMid: '1' }));
    await tryMake('RTCDataChannel', () => pc.createDataChannel(''));
    const transceiver = pc.addTransceiver('audio');
    await tryMake('RTCRtpTransceiver', () => transceiver);
    await tryMake('RTCRtpSender', () => pc.addTrack(audio, stream));
    await tryMake('RTCRtpReceiver', () => transceiver.receiver);
    await tryMake('RTCDTMFSender', () => out.RTCRtpSender.dtmf);
    await tryMake('RTCPeerConnectionIceEvent', () => new RTCPeerConnectionIceEvent('ice'));
    await tryMake('RTCPeerConnectionIceErrorEvent', () => new RTCPeerConnectionIceErrorEvent('icecandidateerror', { errorCode: 701 }));
    await tryMake('RTCTrackEvent', () => new RTCTrackEvent('track', { receiver: transceiver.receiver, track: transceiver.receiver.track, transceiver }));
    await tryMake('RTCError', () => new RTCError({ errorDetail: 'data-channel-failure' }));
    await tryMake('RTCErrorEvent', () => new RTCErrorEvent('error', { error: out.RTCError }));
    await tryMake('RTCDataChannelEvent', () => new RTCDataChannelEvent('datachannel', { channel: out.RTCDataChannel }));
    await tryMake('RTCDTMFToneChangeEvent', () => new RTCDTMFToneChangeEvent('tonechange', { tone: '1' }));
    await tryMake('RTCCertificate', () => RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' }));
    await tryMake('RTCStatsReport', () => pc.getStats());
    // pc.sctp and its transports exist once an answer that carries the data channel is applied.
    const a = track(new RTCPeerConnection());
    const b = track(new RTCPeerConnection());
    a.createDataChannel('x');
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription);
    await tryMake('RTCSctpTransport', () => a.sctp);
    await tryMake('RTCDtlsTransport', () => a.sctp.transport);
    await tryMake('RTCIceTransport', () => a.sctp.transport.iceTransport);
    await tryMake('MediaStream', () => stream);
    await tryMake('MediaStreamTrack', () => audio);
    await tryMake('MediaStreamTrackEvent', () => new MediaStreamTrackEvent('addtrack', { track: audio }));
    await tryMake('MediaDevices', () => navigator.mediaDevices);
    const devices = await navigator.mediaDevices.enumerateDevices();
    await tryMake('InputDeviceInfo', () => devices.find((d) => d instanceof window.InputDeviceInfo));
    await tryMake('MediaDeviceInfo', () => devices.find((d) => Object.getPrototypeOf(d) === MediaDeviceInfo.prototype) ?? devices[0]);
    await tryMake('OverconstrainedError', () => new OverconstrainedError('width'));
    await tryMake('Navigator', () => navigator);
    await tryMake('HTMLMediaElement', () => document.createElement('video'));
    await tryMake('HTMLVideoElement', () => document.createElement('video'));
    await tryMake('HTMLAudioElement', () => document.createElement('audio'));
    await tryMake('HTMLSourceElement', () => document.createElement('source'));
    await tryMake('URL', () => new URL('http://example.test/'));
    await tryMake('MediaRecorder', () => new MediaRecorder(stream));
    await tryMake('BlobEvent', () => new BlobEvent('dataavailable', { data: new Blob([]) }));
    await tryMake('Event', () => new Event('x'));
    await tryMake('EventTarget', () => new EventTarget());
    return out;
  }

  /**
   * The table. `calls(path)` says whether the instance's function at `path` may be called with too few
   * arguments (the shim run passes only the natively present ones: an added member is never run blind
   * on a live object; its wrong-`this` calls are, as they must throw before doing anything).
   */
  async function probe({ calls = () => true } = {}) {
    const rec = {};
    const put = (k, v) => {
      rec[k] = v;
    };
    const nameOf = identities();
    const disposers = [];
    const track = (x) => {
      disposers.push(x);
      return x;
    };
    const dispose = (x) => {
      try {
        if (x instanceof MediaStream) x.getTracks().forEach((t) => t.stop());
        else if (typeof x.close === 'function') x.close();
      } catch { /* already closed */ }
    };
    try {
      for (const key of Object.getOwnPropertyNames(window).filter((k) => GLOBAL_NAME.test(k)).sort()) {
        put(`window.${key}#descriptor`, flags(Object.getOwnPropertyDescriptor(window, key)));
      }
      const objs = await instances(track);
      for (const I of INTERFACES) {
        const F = window[I];
        if (typeof F !== 'function') {
          put(`${I}#interface object`, typeof F);
          continue;
        }
        put(`${I}#typeof`, typeof F);
        put(`${I}#[[Prototype]]`, nameOf(Object.getPrototypeOf(F)));
        put(`${I}#isConstructor`, String(isConstructor(F)));
        put(`${I}#call without new`, await outcome(() => F()));
        put(`${I}#new with no arguments`, await outcome(() => dispose(track(new F())) ?? 'constructed'));
        const P = F.prototype;
        put(`${I}.prototype#is an object`, String(typeof P === 'object' && P !== null));
        if (typeof P !== 'object' || P === null) continue;
        put(`${I}.prototype#[[Prototype]]`, nameOf(Object.getPrototypeOf(P)));
        put(`${I}.prototype.constructor#is the interface object`, String(P.constructor === F));
        for (const [holder, path, isStatic] of [[F, I, true], [P, `${I}.prototype`, false]]) {
          for (const k of Reflect.ownKeys(holder)) await member(put, holder, `${path}.${keyName(k)}`, k, isStatic, nameOf);
        }
        const obj = objs[I];
        put(`${I} instance#made`, String(obj !== undefined && obj !== null));
        if (obj === undefined || obj === null) continue;
        put(`${I} instance#[[Prototype]]`, nameOf(Object.getPrototypeOf(obj)));
        put(`${I} instance#class string`, Object.prototype.toString.call(obj));
        for (const k of Reflect.ownKeys(obj)) put(`${I} instance.${keyName(k)}#own`, flags(Object.getOwnPropertyDescriptor(obj, k)));
        for (const k of Reflect.ownKeys(P)) {
          if (k === 'constructor') continue;
          const path = `${I} instance.${keyName(k)}`;
          const read = await outcome(() => obj[k]);
          put(`${path}#read`, read);
          const d = Object.getOwnPropertyDescriptor(P, k);
          const fn = d.value;
          // "calling m on obj with too few arguments must throw TypeError" (rejects, for a promise).
          if (typeof fn === 'function' && fn.length > 0 && calls(`${I}.prototype.${keyName(k)}`)) {
            for (let i = 0; i < fn.length; i++) put(`${path}#called with ${i} arguments`, await outcome(() => fn.apply(obj, Array(i).fill(null))));
          }
        }
      }
    } finally {
      for (const x of disposers.reverse()) dispose(x);
    }
    return rec;
  }

  async function member(put, holder, path, k, isStatic, nameOf) {
    const d = Object.getOwnPropertyDescriptor(holder, k);
    put(`${path}#descriptor`, flags(d));
    const fnFacts = async (fn, p, args) => {
      put(`${p}#length`, String(fn.length));
      put(`${p}#name`, String(fn.name));
      put(`${p}#isConstructor`, String(isConstructor(fn)));
      put(`${p}#own prototype`, String(Object.prototype.hasOwnProperty.call(fn, 'prototype')));
      put(`${p}#[[Prototype]]`, nameOf(Object.getPrototypeOf(fn)));
      if (isStatic) return;
      put(`${p}#this = null`, await outcome(() => fn.apply(null, args)));
      put(`${p}#this = {}`, await outcome(() => fn.apply({}, args)));
    };
    if ('value' in d) {
      const v = d.value;
      if (typeof v === 'function') {
        if (k === 'constructor') put(`${path}#value`, nameOf(v));
        else await fnFacts(v, path, []);
      } else {
        put(`${path}#value`, v === null || typeof v !== 'object' ? `${typeof v} ${String(v)}` : nameOf(v));
      }
    } else {
      if (d.get) await fnFacts(d.get, `${path}.get`, []);
      if (d.set) await fnFacts(d.set, `${path}.set`, [undefined]);
    }
  }

  /**
   * Every fact native observed must be observed identically with the shim; facts only the shim has
   * are additions. `expected` maps a fact to the reason it may differ (an explicit era's meaning).
   */
  function diff(native, shim, expected = {}) {
    const changed = [];
    const removed = [];
    const explained = [];
    for (const [k, v] of Object.entries(native)) {
      if (!(k in shim)) removed.push(k);
      else if (shim[k] !== v) {
        const why = Object.entries(expected).find(([pattern]) => k.includes(pattern));
        (why ? explained : changed).push(`${k}: native «${v}» shim «${shim[k]}»${why ? ` (${why[1]})` : ''}`);
      }
    }
    const added = Object.keys(shim).filter((k) => !(k in native));
    return { changed, removed, explained, added };
  }

  return { probe, diff, outcome, isConstructor, INTERFACES };
})();
