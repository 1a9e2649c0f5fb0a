#!/usr/bin/env node
// CLI entry for `npm start` / `npm run serve`:
//   node server/main.js [--port N] [--host H]     (env PORT; defaults 8080, 127.0.0.1)

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, REPO_ROOT } from './app.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string', short: 'H' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('usage: node server/main.js [--port N] [--host H]   (env PORT; default 8080, host 127.0.0.1)');
  process.exit(0);
}

const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
const host = values.host ?? '127.0.0.1';

if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'webrtc-legacy.js'))) {
  console.warn('warning: dist/webrtc-legacy.js not found; run `npm run build` first.');
}

let srv;
try {
  srv = await startServer({ port, host });
} catch (err) {
  console.error(`cannot listen on ${host}:${port}: ${err.message}`);
  process.exit(1);
}
console.log(`webrtc-legacy demos: ${srv.url}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await srv.close();
    process.exit(0);
  });
}
