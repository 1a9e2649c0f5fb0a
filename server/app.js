// Local HTTP server for the demos (`npm start`) and the e2e tests.
//
// Plain node:http. Routing is a small ordered table of { path | prefix, handler }:
// the first route whose exact path or prefix matches the request wins. Later additions
// (WebSocket relay via `ws` on the 'upgrade' event, an upload endpoint) slot in
// as extra table rows / listeners without touching the static file code.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.ogv': 'video/ogg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Start the server.
 * @param {{ port?: number, host?: string, root?: string }} [options]
 *   port 0 picks a free port; root is the repository root (default: this repo).
 * @returns {Promise<{ url: string, port: number, host: string, server: http.Server, close(): Promise<void> }>}
 */
export async function startServer({ port = 0, host = '127.0.0.1', root = REPO_ROOT } = {}) {
  const routes = [
    // Browsers ask for it on every page; answer quietly instead of logging a 404.
    { path: '/favicon.ico', handler: (req, res) => send(res, 204) },
    { prefix: '/dist/', handler: serveStatic(path.join(root, 'dist')) },
    { prefix: '/test/', handler: serveStatic(path.join(root, 'test')) },
    { prefix: '/legacy/', handler: serveStatic(path.join(root, 'legacy')) },
    { prefix: '/', handler: serveStatic(path.join(root, 'legacy')) },
  ];

  const server = http.createServer((req, res) => {
    handle(routes, req, res).catch((err) => {
      console.error('[server]', req.method, req.url, err);
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

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
    server,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // don't wait for idle keep-alive sockets
      });
    },
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

/** Static file handler rooted at `dir`; `rest` is the still-URL-encoded path below the route prefix. */
function serveStatic(dir) {
  const base = path.resolve(dir);
  return async (req, res, rest) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed');
    }

    let rel;
    try {
      rel = decodeURIComponent(rest);
    } catch {
      return send(res, 400, 'Bad Request');
    }
    // Reject traversal and oddities outright, after decoding (so %2e%2e, ..%2f and
    // ..%5c are caught too), instead of trying to normalise them.
    const segments = rel.split(/[/\\]/);
    if (rel.includes('\0') || segments.some((s) => s === '..' || s === '.')) {
      return send(res, 400, 'Bad Request');
    }

    let file = path.resolve(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) return send(res, 400, 'Bad Request');

    let stat = await statOrNull(file);
    if (stat?.isDirectory()) {
      if (rel !== '' && !rel.endsWith('/')) {
        // Redirect 'dir' -> 'dir/' so relative links inside index.html resolve.
        res.setHeader('Location', req.url.replace(/^([^?#]*)/, '$1/'));
        return send(res, 301, 'Moved Permanently');
      }
      file = path.join(file, 'index.html');
      stat = await statOrNull(file);
    }
    if (!stat?.isFile()) return send(res, 404, 'Not Found');

    // Symlinks must not lead outside the served directory either.
    const real = await fs.promises.realpath(file);
    const realBase = await fs.promises.realpath(base);
    if (!real.startsWith(realBase + path.sep)) return send(res, 404, 'Not Found');

    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Accept-Ranges', 'bytes');

    // Single byte ranges, so <video>/<audio> can seek in recorded files.
    let start = 0;
    let end = stat.size - 1;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      start = range[1] ? Number(range[1]) : Math.max(0, stat.size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
      if (start > end || start >= stat.size) {
        res.setHeader('Content-Range', `bytes */${stat.size}`);
        return send(res, 416, 'Range Not Satisfiable');
      }
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${stat.size}`);
    } else {
      res.statusCode = 200;
    }
    res.setHeader('Content-Length', stat.size === 0 ? 0 : end - start + 1);
    if (req.method === 'HEAD' || stat.size === 0) return res.end();
    try {
      await pipeline(fs.createReadStream(file, { start, end }), res);
    } catch (err) {
      if (err.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err; // client went away: fine
    }
  };
}

async function statOrNull(file) {
  try {
    return await fs.promises.stat(file);
  } catch (err) {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'ENAMETOOLONG') return null;
    throw err;
  }
}

function send(res, status, message) {
  res.statusCode = status;
  if (status === 204) return res.end();
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${status} ${message}\n`);
}
