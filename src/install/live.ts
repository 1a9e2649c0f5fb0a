/**
 * Windows the shim is installed on. Listeners the shim left on native objects (streams, tracks)
 * check it, so that after uninstall() nothing legacy fires any more.
 */
export const liveWindows = new WeakSet<object>();
