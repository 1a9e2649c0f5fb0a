import type { InstallContext } from '../install/types';
import { brandOf } from './brand';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyMethod = (this: any, ...args: any[]) => any;

/**
 * Design.md "widening the native object": replaces `target[name]` by a method that keeps the
 * native one's `.name` and `.length`, is no constructor (as a WebIDL operation is not), and is built
 * from the value the property has NOW (install time), so wrappers of several surfaces chain and
 * uninstall restores the original exactly. `make` receives that current value and returns the body,
 * which must hand every call it does not recognise to it unchanged.
 */
export function widenMethod<F extends AnyMethod>(
  ctx: InstallContext,
  target: object,
  targetName: string,
  name: string,
  make: (current: F) => AnyMethod,
): void {
  const current = (target as Record<string, F>)[name]!;
  const body = make(current);
  // A method definition: named, not constructible, like the native operation.
  const wrapper = {
    [name](this: unknown) {
      return body.apply(this, arguments as unknown as unknown[]);
    },
  }[name]!;
  Object.defineProperty(wrapper, 'length', { value: current.length });
  const own = Object.getOwnPropertyDescriptor(target, name);
  ctx.define(target, targetName, name, { value: wrapper, writable: own?.writable ?? true, enumerable: own?.enumerable ?? true });
}

/**
 * The brand check a WebIDL member makes on `this`, through a native getter of the interface (which
 * throws on anything else): a member the shim adds throws the same TypeError for a wrong `this`.
 */
export function brandCheck(win: typeof globalThis, proto: object, getter: string, iface: string): (x: unknown, member: string) => void {
  const is = brandOf(proto, getter);
  return (x, member) => {
    if (!is(x)) throw new win.TypeError(`${iface}.${member}: 'this' is not an ${iface}`);
  };
}
