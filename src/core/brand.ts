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

/** The same, from the interface's prototype and the name of one of its native getters. */
export function brandOf(proto: object, getterName: string): (self: unknown) => boolean {
  const get = Object.getOwnPropertyDescriptor(proto, getterName)?.get;
  if (!get) throw new TypeError(`no native getter ${getterName} to brand-check with`);
  return brandCheck(get);
}
