import { complain } from '../../install/warnings';
import type { InstallContext, Surface } from '../../install/types';

type Generate = (this: unknown, keygenAlgorithm: AlgorithmIdentifier) => Promise<RTCCertificate>;

/**
 * The keygenAlgorithm each certificate was made with, by its fingerprint: Chromium 156 hands out a new
 * RTCCertificate object for the same certificate from getConfiguration() (measured), so the object is
 * no key. Certificates are few (the app's own, made one by one).
 */
const algorithms = new Map<string, AlgorithmIdentifier>();
const key = (c: RTCCertificate) => c.getFingerprints().map((f) => `${f.algorithm} ${f.value}`).join(',');

/**
 * 2016-05-31 … 2016-09-13 WD §4.10 `AlgorithmIdentifier getAlgorithm()`: "the algorithm used to generate
 * the certificate". Engines dropped it (Chromium 156, Firefox 153 measured); the certificate does not say,
 * so the static `generateCertificate` is widened to remember what the app asked for (every call goes
 * through with its arguments and its result; the certificate is the engine's). A certificate made
 * before install() has no recorded algorithm: getAlgorithm() says so and returns undefined.
 */
export const certificateAlgorithm: Surface = {
  id: 'wd-2016-05-31/certificate-algorithm',
  drafts: ['2016-05-31'],
  collides: false,
  members: [{ name: 'RTCCertificate.prototype.getAlgorithm', replacement: 'keep the keygenAlgorithm you gave generateCertificate()' }],
  detect: (win) =>
    typeof win.RTCCertificate === 'function' &&
    !('getAlgorithm' in (win.RTCCertificate.prototype as object)) &&
    typeof win.RTCCertificate.prototype.getFingerprints === 'function' &&
    typeof win.RTCPeerConnection?.generateCertificate === 'function',
  install(ctx: InstallContext) {
    const { win } = ctx;
    const expires = Object.getOwnPropertyDescriptor(win.RTCCertificate.prototype, 'expires')!.get!;
    const current = win.RTCPeerConnection.generateCertificate as unknown as Generate;
    const copy = (a: AlgorithmIdentifier): AlgorithmIdentifier => (typeof a === 'object' && a !== null ? { ...a } : a);
    const statics = {
      generateCertificate(this: unknown, keygenAlgorithm: AlgorithmIdentifier): Promise<RTCCertificate> {
        const result = current.apply(this, arguments as unknown as [AlgorithmIdentifier]);
        const asked = copy(keygenAlgorithm);
        return result.then((certificate) => (algorithms.set(key(certificate), asked), certificate));
      },
    };
    Object.defineProperty(statics.generateCertificate, 'length', { value: current.length });
    const methods = {
      getAlgorithm(this: RTCCertificate): AlgorithmIdentifier | undefined {
        expires.call(this); // brand check
        ctx.deprecated('RTCCertificate.prototype.getAlgorithm', 'the keygenAlgorithm given to generateCertificate()');
        const a = algorithms.get(key(this));
        if (a === undefined) complain('RTCCertificate.getAlgorithm(): this certificate was made before install(); its algorithm is unknown');
        return a === undefined ? undefined : copy(a);
      },
    };
    ctx.define(win.RTCPeerConnection, 'RTCPeerConnection', 'generateCertificate', { value: statics.generateCertificate, writable: true, enumerable: true });
    ctx.define(win.RTCCertificate.prototype, 'RTCCertificate.prototype', 'getAlgorithm', { value: methods.getAlgorithm, writable: true, enumerable: true });
  },
};
