import { errorEventClass } from '../../core/error-event';
import type { InstallContext, Surface } from '../../install/types';

/**
 * mediacapture-2016-05-19 `OverconstrainedErrorEvent : Event { readonly attribute OverconstrainedError? error; }`,
 * the event of `onoverconstrained` in the 2016 CR; dropped later (engines never fired it, and neither does
 * the shim: a track whose constraints can no longer be met is not signalled by today's engines).
 */
export const overconstrainedErrorEvent: Surface = {
  id: 'mediacapture-2016-05-19/overconstrained-error-event',
  drafts: ['2016-01-28', '2016-05-31'],
  collides: false,
  members: [{ name: 'OverconstrainedErrorEvent', replacement: "new ErrorEvent('overconstrained', { error })" }],
  detect: (win) => typeof win.Event === 'function' && !('OverconstrainedErrorEvent' in win),
  install(ctx: InstallContext) {
    ctx.define(ctx.win, 'window', 'OverconstrainedErrorEvent', { value: errorEventClass(ctx.win, 'OverconstrainedErrorEvent'), writable: true, enumerable: false });
  },
};
