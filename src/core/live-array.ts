/**
 * A connection's `localStreams`/`remoteStreams` (2011 WD §4.1.1, kept by webkitPeerConnection00): "a
 * live array ... read-only": the same object on every read, changed only by the connection.
 */
export function liveReadOnlyArray<T>(backing: T[]): readonly T[] {
  const refuse = () => false;
  return new Proxy(backing, { set: refuse, deleteProperty: refuse, defineProperty: refuse, setPrototypeOf: refuse, preventExtensions: refuse });
}
