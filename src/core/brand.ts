/**
 * A brand check from a native getter of the interface: an object of that interface from any realm
 * (an iframe's) passes, an object merely inheriting from its prototype does not (the getter throws on it).
 */
export function brandCheck<T>(getter: ((this: T) => unknown) | undefined): (x: unknown) => x is T {
  return (x): x is T => {
    if (!getter || typeof x !== 'object' || x === null) return false;
    try {
      getter.call(x as T);
      return true;
    } catch {
      return false;
    }
  };
}
