/**
 * The 2011 draft "queues a task" for nearly every callback and event, so none of them may run inside
 * the call that caused it. A timer task (not a microtask) is what keeps an app's code after the call
 * running first, as it did in the browsers of the time.
 */
export function queueTask(win: typeof globalThis, fn: () => void): void {
  win.setTimeout(fn, 0);
}
