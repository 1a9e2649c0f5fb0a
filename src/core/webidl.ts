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
