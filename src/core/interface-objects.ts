/**
 * The interface objects the shim made (widened constructors standing in for the engine's, e.g.
 * `window.MediaStream` under the 2011 era). A name that stands for an interface (the prefixed
 * `mozRTCPeerConnection` &c.) follows these, and never a value the page assigned: the adapter.js of
 * 2013 first sets `RTCPeerConnection = null` and then reads `mozRTCPeerConnection`; that of 2015 puts
 * its own function there, which calls `new mozRTCPeerConnection(…)`.
 */
const made = new WeakSet<object>();

/** Marks `ctor` as an interface object of the shim's; returns it. */
export function markInterfaceObject<T extends object>(ctor: T): T {
  made.add(ctor);
  return ctor;
}

/** True for an interface object the shim made. */
export function isInterfaceObject(value: unknown): boolean {
  return typeof value === 'function' && made.has(value);
}
