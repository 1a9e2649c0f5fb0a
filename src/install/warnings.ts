/** One deprecation message per legacy member and window, and how often each was used. */
export class Warnings {
  private readonly said = new Set<string>();
  readonly counts = new Map<string, number>();

  constructor(readonly enabled: boolean) {}

  deprecated(member: string, modern: string): void {
    this.counts.set(member, (this.counts.get(member) ?? 0) + 1);
    if (!this.enabled || this.said.has(member)) return;
    this.said.add(member);
    console.warn(`webrtc-legacy: ${member} is a legacy WebRTC draft API, run by the shim. Today's API: ${modern}.`);
  }
}

/** Bad input from an app or a peer: always said, since the draft's outcome ("ignore") is silent. */
export function complain(message: string): void {
  console.warn(`webrtc-legacy: ${message}`);
}
