/**
 * The drafts name exceptions by their old constant (NOT_SUPPORTED_ERR, INVALID_STATE_ERR, ...).
 * Today those are DOMExceptions whose `code` still carries the legacy number, so an app that tests
 * `e.code === e.NOT_SUPPORTED_ERR` or `e.name` works either way.
 */
export type LegacyErrorName =
  | 'NotSupportedError' // NOT_SUPPORTED_ERR = 9
  | 'InvalidStateError' // INVALID_STATE_ERR = 11
  | 'InvalidAccessError' // INVALID_ACCESS_ERR = 15
  | 'SyntaxError'; // SYNTAX_ERR = 12

export function legacyError(win: typeof globalThis, name: LegacyErrorName, message: string): DOMException {
  return new win.DOMException(message, name);
}
