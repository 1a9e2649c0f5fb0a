// Static files with single byte ranges (so <audio>/<video> can seek), shared by the demo pages,
// dist/, the test fixtures and the stored voice messages.

import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

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
 * Static file handler rooted at `dir`; `rest` is the still-URL-encoded path below the route prefix.
 * @param {string} dir
 * @param {{ contentType?: (file: string) => string | undefined }} [options]
 *   contentType: the type for a file, where its extension alone does not tell (stored messages).
 */
export function serveStatic(dir, { contentType } = {}) {
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

    const type = contentType?.(file) ?? CONTENT_TYPES[path.extname(file).toLowerCase()];
    res.setHeader('Content-Type', type ?? 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Accept-Ranges', 'bytes');

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

/** A short plain-text answer: `413 Payload Too Large: ...`. */
export function send(res, status, message) {
  res.statusCode = status;
  if (status === 204) return res.end();
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${status} ${message}\n`);
}
