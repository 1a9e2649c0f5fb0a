import type { InstallContext } from '../install/types';

type Handler = ((this: EventTarget, ev: Event) => unknown) | null;
interface Slot {
  handler: Handler;
  listener: (ev: Event) => void;
}

const slots = new WeakMap<EventTarget, Map<string, Slot>>();

/**
 * An `on<type>` event handler attribute as HTML defines them: one listener, registered when a
 * function is first assigned (so its position among addEventListener listeners is the assignment's),
 * removed on null; a non-function reads back as null.
 */
export function eventHandlerDescriptor(type: string, onFirstUse?: (target: EventTarget) => void): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: EventTarget): Handler {
      return slots.get(this)?.get(type)?.handler ?? null;
    },
    set(this: EventTarget, value: unknown) {
      let map = slots.get(this);
      const slot = map?.get(type);
      if (typeof value !== 'function') {
        if (slot) {
          this.removeEventListener(type, slot.listener);
          map!.delete(type);
        }
        return;
      }
      onFirstUse?.(this);
      if (slot) {
        slot.handler = value as Handler;
        return;
      }
      const target = this;
      const fresh: Slot = {
        handler: value as Handler,
        listener(ev: Event) {
          const h = fresh.handler;
          if (h && h.call(target, ev) === false) ev.preventDefault();
        },
      };
      if (!map) slots.set(this, (map = new Map()));
      map.set(type, fresh);
      this.addEventListener(type, fresh.listener);
    },
  };
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
