import type { InstallContext } from '../install/types';
import { widenMethod } from './widen';

/** Widens a native method: same arguments and result, then `after(result, args)`. */
export function observe<T extends object>(ctx: InstallContext, proto: T, protoName: string, name: keyof T & string, after: (self: unknown, result: unknown, args: unknown[]) => void): void {
  if (typeof proto[name] !== 'function') return;
  widenMethod(ctx, proto, protoName, name, (current) =>
    function (this: unknown, ...args: unknown[]): unknown {
      const result = Reflect.apply(current, this, args);
      after(this, result, args);
      return result;
    },
  );
}
