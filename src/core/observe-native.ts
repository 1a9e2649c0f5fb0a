import type { InstallContext } from '../install/types';

/** Widens a native method: same arguments and result, then `after(result, args)`. */
export function observe<T extends object>(ctx: InstallContext, proto: T, protoName: string, name: keyof T & string, after: (self: unknown, result: unknown, args: unknown[]) => void): void {
  const current = proto[name] as unknown as (...a: unknown[]) => unknown;
  if (typeof current !== 'function') return;
  const fn = {
    [name](this: unknown, ...args: unknown[]): unknown {
      const result = Reflect.apply(current, this, args);
      after(this, result, args);
      return result;
    },
  }[name]!;
  Object.defineProperty(fn, 'length', { value: current.length });
  ctx.define(proto, protoName, name, { value: fn, writable: true, enumerable: true });
}
