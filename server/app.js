// Local HTTP server for the demos (`npm start`) and the e2e tests.
//
// Plain node:http. Routing is a small ordered table of { path | prefix, handler }: the first
// route whose exact path or prefix matches the request wins. The WebSocket signaling relay
// (server/relay.js, /relay/<room>) sits on the server's 'upgrade' event, beside the table.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic, send } from './static.js';
import { uploadHandler } from './upload.js';
import { messagesHandler } from './messages.js';
import { attachRelay } from './relay.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, 'data', 'messages');
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Start the server.
 * @param {{ port?: number, host?: string, root?: string, dataDir?: string, maxUploadBytes?: number,
 *   log?: (line: string) => void }} [options]
 *   port 0 picks a free port; root is the repository root (default: this repo); dataDir is where
 *   uploaded messages are stored (created if missing); log receives one line per upload or
 *   storage error (default: silent).
 * @returns {Promise<{ url: string, port: number, host: string, dataDir: string, maxUploadBytes: number,
 *   server: http.Server, close(): Promise<void> }>}
 */
export async function startServer({
  port = 0,
  host = '127.0.0.1',
  root = REPO_ROOT,
  dataDir = DEFAULT_DATA_DIR,
  maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES,
  log,
} = {}) {
  dataDir = path.resolve(dataDir);
  await fs.promises.mkdir(dataDir, { recursive: true });
  const upload = uploadHandler({ dataDir, maxBytes: maxUploadBytes, log });

  const routes = [
    // Browsers ask for it on every page; answer quietly instead of logging a 404.
    { path: '/favicon.ico', handler: (req, res) => send(res, 204) },
    // 2011 WD §3.3: the voice message example POSTs to the relative URL 'uploadMessage', so
    // it resolves next to the demo page, which is served at both / and /legacy/.
    { path: '/uploadMessage', handler: upload },
    { path: '/legacy/uploadMessage', handler: upload },
    { prefix: '/messages/', handler: messagesHandler({ dataDir }) },
    { prefix: '/dist/', handler: serveStatic(path.join(root, 'dist')) },
    { prefix: '/test/', handler: serveStatic(path.join(root, 'test')) },
    // npm run fuzz: the page that feeds signaling messages to live 2011 PeerConnections.
    { prefix: '/fuzz/', handler: serveStatic(path.join(root, 'fuzz')) },
    // npm run bench: cross-origin isolated, so performance.now() has its finest resolution there.
    { prefix: '/bench/', handler: isolated(serveStatic(path.join(root, 'bench'))) },
    // The conformance page (conformance/page/index.html), its scripts and tables, and the chai it loads.
    { prefix: '/conformance/', handler: serveStatic(path.join(root, 'conformance')) },
    { prefix: '/vendor/chai/', handler: serveStatic(path.join(root, 'node_modules', 'chai')) },
    { prefix: '/legacy/', handler: serveStatic(path.join(root, 'legacy')) },
    { prefix: '/', handler: serveStatic(path.join(root, 'legacy')) },
  ];

  const onRequest = (req, res) => {
    handle(routes, req, res).catch((err) => {
      console.error('[server]', req.method, req.url, err);
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };
  const server = http.createServer(onRequest);
  // Expect: 100-continue goes to the handler too: the upload refuses an oversized body before
  // the client sends it, and calls writeContinue() itself when it wants the body.
  server.on('checkContinue', onRequest);
  const relay = attachRelay(server);

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    host,
    dataDir,
    maxUploadBytes,
    server,
    close() {
      return new Promise((resolve) => {
        relay.close();
        server.close(() => resolve());
        server.closeAllConnections(); // don't wait for idle keep-alive sockets
      });
    },
  };
}

function isolated(handler) {
  return (req, res, rest) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    return handler(req, res, rest);
  };
}

async function handle(routes, req, res) {
  res.setHeader('Cache-Control', 'no-store');

  const rawPath = req.url.split(/[?#]/, 1)[0];
  if (!rawPath.startsWith('/')) return send(res, 400, 'Bad Request');
  const route = routes.find((r) =>
    r.path ? rawPath === r.path : rawPath === r.prefix.slice(0, -1) || rawPath.startsWith(r.prefix),
  );
  if (!route) return send(res, 404, 'Not Found');
  if (route.path) return route.handler(req, res);
  if (rawPath.length < route.prefix.length) {
    // '/legacy' -> '/legacy/', so relative links inside the index page resolve.
    res.setHeader('Location', route.prefix + req.url.slice(rawPath.length));
    return send(res, 301, 'Moved Permanently');
  }

  // Path below the prefix, still URL-encoded: '/legacy/a/b.html' -> 'a/b.html'.
  const rest = rawPath.slice(route.prefix.length);
  return route.handler(req, res, rest);
}
