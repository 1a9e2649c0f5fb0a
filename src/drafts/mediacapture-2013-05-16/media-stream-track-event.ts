import { widenConstructor } from '../../core/webidl';
import type { InstallContext, LegacyWindow, Surface } from '../../install/types';

/** Today's engines require `track` (mediacapture-main: `required MediaStreamTrack track`) and throw without it. */
function rejectsNoTrack(win: LegacyWindow): boolean {
  try {
    new win.MediaStreamTrackEvent('addtrack', {} as MediaStreamTrackEventInit);
    return false;
  } catch {
    return true;
  }
}

/**
 * mediacapture-2013-05-16 … -2015-04-14 `dictionary MediaStreamTrackEventInit { MediaStreamTrack? track = null; }`:
 * an event without a track was valid then, and today's engines only reject it, so the old meaning applies
 * (principle 1). The interface object is widened: with a track (or too few arguments, or a track of the
 * wrong type) the native constructor runs with the same arguments; without one, the event is an Event
 * made with the native Event constructor and MediaStreamTrackEvent.prototype, and the widened `track`
 * getter gives null for it. The prototype object, and so instanceof, stay the engine's.
 */
export const trackEventWithoutTrack: Surface = {
  id: 'mediacapture-2013-05-16/media-stream-track-event-without-track',
  // webrtc-wd-2012-02-09 and the 2012-03 ED had the same init (`MediaStreamTrack? track`): their eras too.
  drafts: ['2012-02-09', '2012-03-18', '2012-08-21', '2013-09-10', '2015-02-10'],
  // wpt mediacapture-streams (MediaStreamTrackEvent-constructor) checks today's TypeError, and a page with
  // `auto` must see the same (issue 12's rule for wpt): the drafts' null track comes with their era.
  collides: true,
  members: [{ name: 'new MediaStreamTrackEvent(type, {}) (track null)', replacement: 'new Event(type)' }],
  detect: (win) => typeof win.MediaStreamTrackEvent === 'function' && rejectsNoTrack(win),
  install(ctx: InstallContext) {
    const { win } = ctx;
    const Native = win.MediaStreamTrackEvent;
    const proto = Native.prototype;
    const own = Object.getOwnPropertyDescriptor(proto, 'track')!;
    const nativeTrack = own.get!;
    const trackless = new WeakSet<object>();
    widenConstructor(ctx, 'MediaStreamTrackEvent', Native, (args, newTarget) => {
      const dict = args[1] as { track?: unknown } | null | undefined;
      const noTrack = args.length >= 2 && (dict == null || (typeof dict === 'object' && dict.track == null));
      if (!noTrack) return Reflect.construct(Native, args, newTarget) as Event;
      const event = Reflect.construct(win.Event, [args[0], dict ?? {}], newTarget) as Event;
      trackless.add(event);
      return event;
    });
    ctx.define(proto, 'MediaStreamTrackEvent.prototype', 'track', {
      enumerable: own.enumerable,
      get(this: Event): MediaStreamTrack | null {
        return trackless.has(this) ? null : (nativeTrack.call(this) as MediaStreamTrack);
      },
    });
  },
};
