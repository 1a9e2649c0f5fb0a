import type { LegacyWindow } from '../install/types';
import { InternalSlots } from './internal-slots';

/**
 * An Event interface of the drafts with one attribute `error` of a `[NoInterfaceObject]` or engine error
 * type, nullable, from a required init dictionary (`error = null`):
 * mediacapture-2015-02-12 MediaStreamErrorEvent, mediacapture-2016-05-19 OverconstrainedErrorEvent.
 * A subclass of the window's Event, so dispatching, instanceof Event and the event's own flags are the
 * engine's. `error` takes any object: what engines hand to error callbacks today (a DOMException, an
 * OverconstrainedError) is what those drafts named.
 */
export function errorEventClass(win: LegacyWindow, name: string): typeof Event {
  const errors = new InternalSlots<Event, object | null>();
  const fail = (why: string) => new win.TypeError(`Failed to construct '${name}': ${why}`);
  const cls = class extends win.Event {
    constructor(type: string, eventInitDict: EventInit & { error?: object | null }) {
      if (arguments.length < 2) throw fail('2 arguments required.');
      if (eventInitDict !== undefined && eventInitDict !== null && typeof eventInitDict !== 'object') throw fail('not a dictionary');
      const error = eventInitDict?.error ?? null;
      if (error !== null && typeof error !== 'object') throw fail('error is not an object');
      super(type, eventInitDict ?? {});
      errors.set(this, error);
    }

    get error(): object | null {
      return errors.of(win, this);
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  Object.defineProperty(cls.prototype, 'error', { enumerable: true });
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
  return cls as unknown as typeof Event;
}
