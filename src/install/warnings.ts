/** Bad input from an app or a peer: always said, since the draft's outcome ("ignore") is silent. */
export function complain(message: string): void {
  console.warn(`webrtc-legacy: ${message}`);
}
