import type { PatchedProperty } from './types';

interface Record {
  target: object;
  name: PropertyKey;
  /** The original own descriptor, or undefined when the property was absent. */
  original: PropertyDescriptor | undefined;
  listed: PatchedProperty;
}

/**
 * Defines properties and restores them exactly: a property that existed gets its original
 * descriptor object back (same functions, same flags, same key position); one that did not is deleted.
 */
export class Patcher {
  private readonly records: Record[] = [];

  define(surface: string, target: object, targetName: string, name: PropertyKey, descriptor: PropertyDescriptor): void {
    if (!this.records.some((r) => r.target === target && r.name === name)) {
      this.records.push({
        target,
        name,
        original: Object.getOwnPropertyDescriptor(target, name),
        listed: { surface, target: targetName, property: String(name), added: !(name in target) },
      });
    }
    // configurable so that uninstall (and a later install with another era) can undo it.
    Object.defineProperty(target, name, { configurable: true, ...descriptor });
    if (typeof name === 'string') {
      accessorName(descriptor.get, `get ${name}`);
      accessorName(descriptor.set, `set ${name}`);
    }
  }

  restoreAll(): void {
    for (const r of this.records.splice(0).reverse()) {
      if (r.original) Object.defineProperty(r.target, r.name, r.original);
      else delete (r.target as { [k: PropertyKey]: unknown })[r.name];
    }
  }

  list(): PatchedProperty[] {
    return this.records.map((r) => ({ ...r.listed }));
  }
}

/**
 * WebIDL names an attribute's getter `get x` and setter `set x`; an accessor written `get() {}` in a
 * descriptor is named plain `get`, which an app (or idlharness) comparing with the browser's own sees.
 */
function accessorName(fn: unknown, name: string): void {
  if (typeof fn !== 'function' || (fn.name !== 'get' && fn.name !== 'set' && fn.name !== '')) return;
  Object.defineProperty(fn, 'name', { value: name, configurable: true });
}
