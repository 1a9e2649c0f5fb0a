import type { InstallContext } from '../install/types';

type Handler = ((this: EventTarget, ev: Event) => unknown) | null;
interface Slot {
  handler: Handler;
  listener: (ev: Event) => void;
}

const slots = new WeakMap<EventTarget, Map<string, Slot>>();

/** Where the handler attribute is not `on<type>`, and the brand check of its interface. */
export interface EventHandlerOptions {
  /** The attribute's name (the 2012 `onnegotationneeded` listens for `negotiationneeded`). */
  readonly name?: string;
  /** True for an object of the interface; default: any EventTarget-like object. */
  readonly brand?: (self: unknown) => boolean;
}

/**
 * An `on<type>` event handler attribute as HTML defines them: one listener, registered when a
 * function is first assigned (so its position among addEventListener listeners is the assignment's),
 * removed on null; a non-function reads back as null. As WebIDL attributes are (idlharness checks it):
 * the getter and setter are named `get on<type>` / `set on<type>` and throw TypeError for a wrong `this`.
 */
export function eventHandlerDescriptor(type: string, onFirstUse?: (target: EventTarget) => void, options: EventHandlerOptions = {}): PropertyDescriptor {
  const name = options.name ?? `on${type}`;
  const brand = options.brand ?? ((x: unknown) => typeof x === 'object' && x !== null && typeof (x as EventTarget).addEventListener === 'function');
  const check = (self: unknown) => {
    if (!brand(self)) throw new TypeError(`'${name}' called on an object that does not implement the interface.`);
  };
  const accessors = {
    get [name](): Handler {
      check(this);
      return slots.get(this as unknown as EventTarget)?.get(type)?.handler ?? null;
    },
    set [name](value: unknown) {
      check(this);
      const self = this as unknown as EventTarget;
      let map = slots.get(self);
      const slot = map?.get(type);
      if (typeof value !== 'function') {
        if (slot) {
          self.removeEventListener(type, slot.listener);
          map!.delete(type);
        }
        return;
      }
      onFirstUse?.(self);
      if (slot) {
        slot.handler = value as Handler;
        return;
      }
      const fresh: Slot = {
        handler: value as Handler,
        listener(ev: Event) {
          const h = fresh.handler;
          if (h && h.call(self, ev) === false) ev.preventDefault();
        },
      };
      if (!map) slots.set(self, (map = new Map()));
      map.set(type, fresh);
      self.addEventListener(type, fresh.listener);
    },
  };
  const { get, set } = Object.getOwnPropertyDescriptor(accessors, name)!;
  return { enumerable: true, configurable: true, get, set };
}

/** The same attribute on a native prototype, through the install context (so uninstall removes it). */
export function defineEventHandler(
  ctx: InstallContext,
  proto: object,
  protoName: string,
  type: string,
  onFirstUse?: (target: EventTarget) => void,
): void {
  ctx.define(proto, protoName, `on${type}`, eventHandlerDescriptor(type, onFirstUse));
}
