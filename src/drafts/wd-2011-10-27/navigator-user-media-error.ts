/**
 * 2011 WD §2.1.4: the error an errorCallback receives. `code` is always 1 (PERMISSION_DENIED) in that
 * draft, whatever went wrong; the native error's `name` and `message` (and the constraint, for an
 * OverconstrainedError) ride along so an app, or its developer, can tell what really happened.
 * [NoInterfaceObject] in the draft, so it is not a global.
 */
export class NavigatorUserMediaError {
  static readonly PERMISSION_DENIED = 1;
  declare readonly PERMISSION_DENIED: 1;
  readonly code = 1 as const;
  readonly name: string;
  readonly message: string;
  readonly constraintName: string | null;

  /** `name`: the name of another era for the same failure (core/get-user-media-error-names.ts). */
  constructor(cause: unknown, name?: string) {
    const e = (cause ?? {}) as { name?: unknown; message?: unknown; constraint?: unknown; constraintName?: unknown };
    this.name = name ?? (typeof e.name === 'string' ? e.name : 'NotAllowedError');
    this.message = typeof e.message === 'string' ? e.message : String(cause);
    const constraint = e.constraint ?? e.constraintName;
    this.constraintName = typeof constraint === 'string' ? constraint : null;
  }

  toString(): string {
    return `NavigatorUserMediaError: ${this.name}: ${this.message}`;
  }
}
Object.defineProperty(NavigatorUserMediaError.prototype, 'PERMISSION_DENIED', { value: 1, enumerable: true });
