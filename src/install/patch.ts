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
