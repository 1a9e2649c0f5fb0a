import type { LegacyWindow } from '../../../install/types';

/** 2016 WD §9.3 "The browser SHOULD limit the time": loading + registering, and each call, alike. */
export const IDP_TIMEOUT_MS = 10000;

export interface IdpFailure {
  readonly name: string;
  readonly message: string;
  readonly loginUrl?: string;
}

/** A loaded IdP proxy: its two callbacks, answered through a MessagePort. */
export interface IdpProxy {
  /** `hint`: the usernameHint string (2016-05 → 2016-09) or the 2016-11 RTCIdentityProviderOptions. */
  generate(contents: string, origin: string, hint: string | Record<string, string> | undefined): Promise<unknown>;
  validate(assertion: string, origin: string): Promise<unknown>;
  dispose(): void;
}

/**
 * What runs in the proxy's frame before the IdP's script: the `rtcIdentityProvider` registrar
 * (2016 WD §9.2) and the port the page talks through. Results cross as JSON: an IdP's answer is data.
 */
const BOOT = `(function () {
  'use strict';
  var idp = null;
  var port = null;
  var registrar = { register: function (p) {
    if (idp) throw new Error('rtcIdentityProvider.register() may be called once');
    if (!p || typeof p.generateAssertion !== 'function' || typeof p.validateAssertion !== 'function') throw new TypeError('register() needs generateAssertion and validateAssertion');
    idp = p;
  } };
  Object.defineProperty(self, 'rtcIdentityProvider', { value: Object.freeze(registrar), enumerable: true });
  function failure(e) {
    return { ok: false, name: String((e && e.name) || 'Error'), message: String((e && e.message) || e), loginUrl: e && typeof e.loginUrl === 'string' ? e.loginUrl : undefined };
  }
  function call(m) {
    try {
      return Promise.resolve(m.op === 'generate' ? idp.generateAssertion(m.contents, m.origin, m.usernameHint) : idp.validateAssertion(m.assertion, m.origin));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  self.addEventListener('message', function (e) {
    if (port || e.source !== parent || !e.ports[0]) return;
    port = e.ports[0];
    port.onmessage = function (ev) {
      var m = ev.data;
      call(m).then(function (r) {
        var json;
        try { json = JSON.stringify(r); } catch (x) { json = undefined; }
        port.postMessage({ id: m.id, ok: true, result: json === undefined ? null : JSON.parse(json) });
      }, function (err) { var f = failure(err); f.id = m.id; port.postMessage(f); });
    };
    var s = document.createElement('script');
    s.src = e.data.url;
    s.onload = function () { port.postMessage({ id: 0, ok: !!idp, name: 'OperationError', message: idp ? 'registered' : 'the IdP proxy did not call rtcIdentityProvider.register()' }); };
    s.onerror = function () { port.postMessage({ id: 0, ok: false, name: 'OperationError', message: 'the IdP proxy ' + e.data.url + ' did not load' }); };
    document.head.appendChild(s);
  });
})();`;

/**
 * 2016 WD §9.2: the script at https://<domain>/.well-known/idp-proxy/<protocol> in "an isolated
 * interpreted context". A Worker cannot be made from another origin's script, and one made from a
 * blob: URL shares the page's origin (its storage); a frame sandboxed without allow-same-origin has an
 * opaque origin of its own, so the proxy reaches neither the page nor its storage, and the page reaches
 * it only through one MessagePort. Its fetches go out with `Origin: null` (the demo IdP allows it).
 * Differences from the draft, said plainly: the realm is a Window, not a WorkerGlobalScope, and runs in
 * an opaque origin rather than the IdP's own (an IdP that needs its cookies must ask its server).
 */
export function loadIdp(win: LegacyWindow, domain: string, protocol: string): Promise<IdpProxy> {
  const url = `https://${domain}/.well-known/idp-proxy/${encodeURIComponent(protocol)}`;
  const frame = win.document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.style.display = 'none';
  frame.srcdoc = `<!doctype html><meta charset="utf-8"><script>${BOOT}</script>`;
  const channel = new win.MessageChannel();
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: IdpFailure): void; timer: number }>();
  let next = 1;
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    channel.port1.close();
    frame.remove();
    for (const [, w] of waiting) {
      win.clearTimeout(w.timer);
      w.reject({ name: 'OperationError', message: 'the IdP proxy was unloaded' });
    }
    waiting.clear();
  };
  const ask = (id: number, send: () => void): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const timer = win.setTimeout(() => {
        waiting.delete(id);
        reject({ name: 'OperationError', message: `the IdP proxy ${url} did not answer within ${IDP_TIMEOUT_MS} ms` });
      }, IDP_TIMEOUT_MS);
      waiting.set(id, { resolve, reject, timer });
      send();
    });
  channel.port1.onmessage = (e: MessageEvent) => {
    const m = e.data as { id: number; ok: boolean; result?: unknown } & IdpFailure;
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    win.clearTimeout(w.timer);
    if (m.ok) w.resolve(m.result);
    else w.reject({ name: m.name, message: m.message, loginUrl: m.loginUrl });
  };
  const loaded = ask(0, () => {
    frame.addEventListener('load', () => frame.contentWindow?.postMessage({ url }, '*', [channel.port2]), { once: true });
    (win.document.body ?? win.document.documentElement).appendChild(frame);
  });
  const call = (message: Record<string, unknown>) => {
    if (disposed) return Promise.reject({ name: 'OperationError', message: 'the IdP proxy was unloaded' });
    const id = next++;
    return ask(id, () => channel.port1.postMessage({ ...message, id }));
  };
  return loaded.then(
    () => ({
      generate: (contents, origin, hint) => call({ op: 'generate', contents, origin, usernameHint: hint }),
      validate: (assertion, origin) => call({ op: 'validate', assertion, origin }),
      dispose,
    }),
    (failure: IdpFailure) => {
      dispose();
      throw failure;
    },
  );
}
