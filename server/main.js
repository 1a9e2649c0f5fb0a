#!/usr/bin/env node
// CLI entry for `npm start` / `npm run serve`; `--help` lists the options.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, REPO_ROOT, DEFAULT_DATA_DIR, DEFAULT_MAX_UPLOAD_BYTES } from './app.js';
import { startIdp } from './idp.js';

const USAGE = `usage: node server/main.js [options]

Serves the legacy demo apps (legacy/), dist/ and test/ on http://HOST:PORT/, stores the
messages the voice message demo uploads (POST /uploadMessage) and lists them at /messages/.

  -p, --port N            port to listen on (env PORT; default 8080; 0 picks a free one)
  -H, --host H            address to listen on (default 127.0.0.1)
  -d, --data DIR          where uploaded messages are stored, created if missing
                          (env DATA_DIR; default <repo>/${path.relative(REPO_ROOT, DEFAULT_DATA_DIR)})
  -m, --max-upload BYTES  largest message accepted, larger ones get 413
                          (env MAX_UPLOAD_BYTES; default ${DEFAULT_MAX_UPLOAD_BYTES} = 50 MB)
  -i, --idp-port N        port of the demo identity provider, https://localhost:N, with a
                          self-signed certificate made at start by openssl (env IDP_PORT;
                          default 8443; 0 picks a free one; "off" starts none)
  -h, --help              this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'H' },
      data: { type: 'string', short: 'd' },
      'max-upload': { type: 'string', short: 'm' },
      'idp-port': { type: 'string', short: 'i' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  console.error(`${err.message}\n\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? '8080';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`invalid port: ${portText}`);
const host = values.host ?? '127.0.0.1';
const dataDir = path.resolve(values.data ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
const maxText = values['max-upload'] ?? process.env.MAX_UPLOAD_BYTES ?? String(DEFAULT_MAX_UPLOAD_BYTES);
const maxUploadBytes = Number(maxText);
if (!/^\d+$/.test(maxText) || !Number.isSafeInteger(maxUploadBytes) || maxUploadBytes < 1) {
  fail(`invalid --max-upload / MAX_UPLOAD_BYTES: ${maxText} (a number of bytes, at least 1)`);
}

if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'webrtc-legacy.js'))) {
  console.warn('warning: dist/webrtc-legacy.js not found; run `npm run build` first.');
}

let srv;
try {
  srv = await startServer({ port, host, dataDir, maxUploadBytes, log: (line) => console.log(line) });
} catch (err) {
  const what = err.syscall === 'listen' ? `cannot listen on ${host}:${port}` : `cannot use data dir ${dataDir}`;
  fail(`${what}: ${err.message}`, 1);
}
console.log(`webrtc-legacy demos: ${srv.url}`);

// The demo IdP (server/idp.js): its own origin, so an app points at it with
// pc.setIdentityProvider('localhost:PORT', { protocol: 'demo', usernameHint: 'alice' }).
const idpText = values['idp-port'] ?? process.env.IDP_PORT ?? '8443';
let idp = null;
if (idpText !== 'off') {
  if (!/^\d+$/.test(idpText) || Number(idpText) > 65535) fail(`invalid --idp-port: ${idpText}`);
  try {
    idp = await startIdp({ port: Number(idpText), host });
    console.log(`demo identity provider: ${idp.url} (self-signed: open it once and accept the certificate)`);
    console.log(`  setIdentityProvider('${idp.domain}', { protocol: 'demo', usernameHint: 'alice' }); demo page: ${srv.url}identity-2016.html?idp=${idp.domain}`);
  } catch (err) {
    console.warn(`demo identity provider not started: ${err.message} (needs openssl; --idp-port off to skip)`);
  }
}
console.log(`messages stored in:  ${srv.dataDir} (at most ${maxUploadBytes} bytes each; listed at ${srv.url}messages/)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await idp?.close();
    await srv.close();
    process.exit(0);
  });
}

function fail(message, code = 2) {
  console.error(message);
  process.exit(code);
}
