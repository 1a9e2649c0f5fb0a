import type { InstallContext, LegacyWindow } from '../install/types';
import { markInterfaceObject } from './interface-objects';
export { brandOf } from './brand';
/**
 * A WebIDL operation as the browser's own are (WebIDL §3.7.6 "creating an operation function"):
 * a method, not a constructor; `.name` the member's; `.length` the count of required arguments;
 * a `this` that is not an instance of the interface, or too few arguments, throw TypeError before
 * anything else runs. idlharness checks exactly these, with and without the shim.
 */
export interface OperationShape {
  /** `Navigator`, `MediaStream`: the interface, named in the TypeError messages. */
  readonly iface: string;
  readonly name: string;
  /** What `.length` reports: the native function's where the shim widens one, else the IDL's count. */
  readonly length: number;
  /** Fewer arguments than this throw TypeError (the IDL's non-optional arguments). */
  readonly required: number;
  /** The interface's brand check; absent for static operations. */
  readonly brand?: (self: unknown) => boolean;
}

export function operation<This, Args extends unknown[], R>(
  win: typeof globalThis,
  shape: OperationShape,
  body: (this: This, ...args: Args) => R,
): (this: This, ...args: Args) => R {
  const { iface, name, required, brand } = shape;
  // Method syntax: no [[Construct]], no own `prototype`, like a native operation.
  const fn = {
    [name](this: This, ...args: Args): R {
      if (brand && !brand(this)) throw new win.TypeError(`'${name}' called on an object that does not implement interface ${iface}.`);
      if (args.length < required) {
        throw new win.TypeError(`${iface}.${name}: ${required} argument${required === 1 ? '' : 's'} required, but only ${args.length} present.`);
      }
      return body.apply(this, args);
    },
  }[name]!;
  Object.defineProperty(fn, 'length', { value: shape.length });
  return fn;
}

/**
 * `fn` as a WebIDL operation's function is (WebIDL §3.7.6): no [[Construct]] and no own `prototype`
 * (a method), with `fn`'s `.name` and `.length`; every call reaches `fn` with the same `this` and
 * arguments. For members written as `function name() {}`, which idlharness's isConstructor would flag.
 */
export function asOperation<F extends (this: never, ...args: never[]) => unknown>(fn: F): F {
  const name = fn.name;
  const method = {
    [name](this: unknown, ...args: unknown[]): unknown {
      return (fn as unknown as (...a: unknown[]) => unknown).apply(this, args);
    },
  }[name]!;
  Object.defineProperty(method, 'length', { value: fn.length });
  return method as unknown as F;
}

/**
 * A replacement interface object (`window.MediaStream` of an era) that idlharness cannot tell from the
 * native one: the native's [[Prototype]] (EventTarget, not the native function), the native's statics
 * as own properties (copied now, at install, so constants other surfaces defined on it are there), and
 * `prototype.constructor` pointing back to it (through `ctx.define`, restored at uninstall).
 */
export function standIn(ctx: InstallContext, replacement: Function, Native: Function, ifaceName: string): void {
  Object.setPrototypeOf(replacement, Object.getPrototypeOf(Native));
  for (const key of Reflect.ownKeys(replacement)) {
    if (key !== 'prototype' && key !== 'length' && key !== 'name' && !Object.prototype.hasOwnProperty.call(Native, key)) delete (replacement as unknown as Record<PropertyKey, unknown>)[key];
  }
  for (const key of Reflect.ownKeys(Native)) {
    if (key === 'prototype' || key === 'length' || key === 'name') continue;
    Object.defineProperty(replacement, key, Object.getOwnPropertyDescriptor(Native, key)!);
  }
  ctx.define(Native.prototype as object, `${ifaceName}.prototype`, 'constructor', { value: replacement, writable: true, enumerable: false });
}

/**
 * `window[name]` replaced by an interface object that widens the engine's constructor `Native`: every
 * `new` call reaches `construct` with its arguments and new.target, which makes the object (the native
 * constructor's, for any call that is not a draft's); a call without `new` is the native one's, so it
 * throws the engine's own TypeError. `.name`, `.length`, `prototype`, [[Prototype]], statics and
 * `prototype.constructor` are the native's (standIn), and the prefixed names follow it
 * (core/interface-objects.ts). Returns the new interface object.
 */
export function widenConstructor<T extends object>(
  ctx: InstallContext,
  name: string,
  Native: new (...args: never[]) => T,
  construct: (args: unknown[], newTarget: Function) => T,
): new (...args: unknown[]) => T {
  const Widened = {
    [name]: function (this: unknown, ...args: unknown[]): T {
      if (!new.target) return Reflect.apply(Native as unknown as Function, this, args) as T;
      return construct(args, new.target);
    },
  }[name]!;
  Object.defineProperty(Widened, 'length', { value: Native.length });
  Object.defineProperty(Widened, 'prototype', { value: Native.prototype, writable: false, enumerable: false, configurable: false });
  standIn(ctx, Widened, Native, name);
  ctx.define(ctx.win as LegacyWindow, 'window', name, { value: markInterfaceObject(Widened), writable: true, enumerable: false });
  return Widened as unknown as new (...args: unknown[]) => T;
}
