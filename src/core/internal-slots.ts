/**
 * The internal slots of the platform objects the shim makes (a RTCStatsReport of 2016 names, a
 * MediaStreamTrackList, an RTCIdentityAssertion, …): the values an object was made with, kept where the
 * page cannot reach them, and read with the check every attribute getter and operation of the
 * interface performs first — WebIDL §3.7.6/§3.7.7: "If O is not a platform object that implements the
 * interface, throw a TypeError". One instance per interface; an object inheriting from the prototype
 * has no slots, so its getters throw as the browser's own do.
 */
export class InternalSlots<K extends object, V> extends WeakMap<K, V> {
  /** The object's slots, or a TypeError of `win`'s realm (as that window's own getters throw). */
  of(win: typeof globalThis, object: unknown): V {
    if (!this.has(object as K)) throw new win.TypeError('Illegal invocation');
    return this.get(object as K) as V;
  }
}
