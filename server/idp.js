// The demo identity provider (WebRTC 2016 WD §9 "Identity"): its own origin, https://localhost:PORT, on a
// local HTTPS listener whose self-signed certificate is made at start. Node's crypto cannot write an
// X.509 certificate (it only reads them), so the system's `openssl` makes it, into a temporary folder.
//
//   GET  /.well-known/idp-proxy/<protocol>  the IdP proxy script (RTCWEB-SECURITY-ARCH §7.5 well-known URI)
//   POST /idp/sign    { identity, contents, origin, hint } -> { assertion }   (hint: generateAssertion's third argument)   (HMAC-SHA-256 with a secret made at start)
//   POST /idp/verify  <assertion>                    -> { identity, contents } or 403
//
// Protocols: `demo` (the IdP), and the bad IdPs the tests need: `never` (never registers), `throws`
// (generateAssertion/validateAssertion throw), `garbage` (resolve with nonsense), `late` (answer after
// 60 s), `other` (validation returns the contents of another fingerprint), `login` (IdpLoginError with a
// loginUrl). A browser trusts the certificate only when told to: Chromium with --ignore-certificate-errors,
// Firefox with acceptInsecureCerts (puppeteer), which its IdP loader honours too.
//
// An app points at it with pc.setIdentityProvider('localhost:PORT', { protocol: 'demo', usernameHint: 'alice' }).
import https from 'node:https';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

/** A self-signed certificate for localhost and 127.0.0.1, made by openssl in a temporary folder. */
export function makeCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webrtc-legacy-idp-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The proxy script: registers generateAssertion/validateAssertion, which ask this server to sign/verify. */
function proxyScript(domain, protocol) {
  return `// Demo IdP proxy (${protocol}) of ${domain}: runs in the browser's IdP realm, never in the page.
(function () {
  'use strict';
  var IDP = ${JSON.stringify(domain)};
  var PROTOCOL = ${JSON.stringify(protocol)};
  var HOST = IDP.replace(/:\\d+$/, '');
  function post(path, body) {
    return fetch('https://' + IDP + path, { method: 'POST', body: body }).then(function (r) {
      if (!r.ok) throw new Error('IdP server said ' + r.status);
      return r.json();
    });
  }
  if (PROTOCOL === 'never') return;
  function later(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  rtcIdentityProvider.register({
    generateAssertion: function (contents, origin, usernameHint) {
      if (PROTOCOL === 'throws') throw new Error('this IdP throws');
      if (PROTOCOL === 'garbage') return Promise.resolve(42);
      if (PROTOCOL === 'late') return later(60000).then(function () { return {}; });
      if (PROTOCOL === 'login') {
        var e = new Error('login first');
        e.name = 'IdpLoginError';
        e.loginUrl = 'https://' + IDP + '/idp/login';
        return Promise.reject(e);
      }
      // Firefox 153 passes an options object ({ usernameHint, peerIdentity }) where the 2016 drafts pass the hint.
      var hint = usernameHint && typeof usernameHint === 'object' ? usernameHint.usernameHint : usernameHint;
      var user = String(hint || 'alice').split('@')[0];
      // What the browser passed as the third argument is signed too, so a test can read it from a=identity.
      return post('/idp/sign', JSON.stringify({ identity: user + '@' + HOST, contents: contents, origin: origin, hint: usernameHint === undefined ? null : usernameHint })).then(function (r) {
        return { idp: { domain: IDP, protocol: PROTOCOL }, assertion: r.assertion };
      });
    },
    validateAssertion: function (assertion, origin) {
      if (PROTOCOL === 'throws') throw new Error('this IdP throws');
      if (PROTOCOL === 'garbage') return Promise.resolve('nonsense');
      if (PROTOCOL === 'late') return later(60000).then(function () { return {}; });
      return post('/idp/verify', assertion).then(function (r) {
        if (PROTOCOL === 'other') return { identity: r.identity, contents: JSON.stringify({ fingerprint: [{ algorithm: 'sha-256', digest: '00:11:22:33' }] }) };
        return { identity: r.identity, contents: r.contents };
      });
    },
  });
})();
`;
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 65536) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * Start the demo IdP.
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, domain: string, port: number, close(): Promise<void> }>}
 */
export async function startIdp({ port = 0, host = '127.0.0.1' } = {}) {
  const secret = crypto.randomBytes(32);
  const mac = (payload) => crypto.createHmac('sha256', secret).update(payload).digest('base64url');
  let domain = '';
  const server = https.createServer(makeCertificate(), async (req, res) => {
    const reply = (status, body, type = 'application/json') => {
      // CORP: a cross-origin-isolated page (COEP require-corp) may load the proxy too (Firefox's IdP loader
      // failed with NS_ERROR_DOM_CORP_FAILED from one without it, measured on Firefox 153).
      res.writeHead(status, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Cache-Control': 'no-store' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    try {
      const url = new URL(req.url, 'https://localhost');
      if (req.method === 'OPTIONS') return reply(204, '');
      const proxy = url.pathname.match(/^\/\.well-known\/idp-proxy\/([a-z]+)$/);
      if (proxy && req.method === 'GET') {
        if (proxy[1] === 'missing') return reply(404, 'no such protocol', 'text/plain');
        return reply(200, proxyScript(domain, proxy[1]), 'application/javascript');
      }
      if (url.pathname === '/idp/sign' && req.method === 'POST') {
        const { identity, contents, origin, hint = null } = JSON.parse(await readBody(req));
        const payload = Buffer.from(JSON.stringify({ identity: String(identity), contents: String(contents), origin: String(origin), hint })).toString('base64url');
        return reply(200, { assertion: `${payload}.${mac(payload)}` });
      }
      if (url.pathname === '/idp/verify' && req.method === 'POST') {
        const [payload, tag] = (await readBody(req)).split('.');
        const good = payload && tag && crypto.timingSafeEqual(Buffer.from(mac(payload)), Buffer.from(tag.padEnd(mac(payload).length).slice(0, mac(payload).length)));
        if (!good) return reply(403, { error: 'bad signature' });
        const { identity, contents } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return reply(200, { identity, contents });
      }
      if (url.pathname === '/idp/login') return reply(200, '<p>Demo IdP: nobody needs to log in here.</p>', 'text/html');
      return reply(404, { error: 'not found' });
    } catch (err) {
      return reply(400, { error: String(err.message) });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  domain = `localhost:${actual}`;
  return {
    url: `https://${domain}/`,
    domain,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
