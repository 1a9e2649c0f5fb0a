// /messages/: the voice messages uploaded by the 2011 WD §3.3 example, to play back.
//   GET /messages/        HTML list, newest first, each in an <audio controls> or <video controls>
//   GET /messages/<name>  the stored file (byte ranges, so the players can seek)
// Only names of completed uploads are listed or served: never temp files, never anything else.

import fs from 'node:fs';
import path from 'node:path';
import { serveStatic, send } from './static.js';
import { MESSAGE_NAME, storedType, storedTime } from './upload.js';

/**
 * @param {{ dataDir: string }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, rest: string) => Promise<void>}
 */
export function messagesHandler({ dataDir }) {
  const serveFile = serveStatic(dataDir, { contentType: (file) => storedType(path.basename(file)) });

  return async (req, res, rest) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed');
    }
    if (rest === '') return listing(req, res, dataDir);
    // A message name is plain ASCII, so it is never percent-encoded: anything else is no message.
    if (!MESSAGE_NAME.test(rest)) return send(res, 404, 'Not Found: no such message');
    return serveFile(req, res, rest);
  };
}

async function listing(req, res, dataDir) {
  let entries;
  try {
    entries = await fs.promises.readdir(dataDir, { withFileTypes: true });
  } catch (err) {
    return send(res, 500, `Internal Server Error: the message folder cannot be read (${err.code ?? err.message})`);
  }
  const names = entries
    .filter((e) => e.isFile() && MESSAGE_NAME.test(e.name))
    .map((e) => e.name)
    .sort()
    .reverse(); // names start with the upload time
  const items = [];
  for (const name of names) {
    const stat = await fs.promises.stat(path.join(dataDir, name)).catch(() => null);
    if (stat) items.push(item(name, stat.size));
  }

  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Recorded messages</title>
<style>
  li { margin: 0.5em 0; }
  audio, video { vertical-align: middle; max-width: 100%; }
  video { max-height: 240px; }
</style>
</head>
<body>
<h1>Recorded messages</h1>
<p>Uploaded by the <a href="/voice-message.html">2011 WD §3.3 voice message demo</a>, newest first.
<a href="/">All demos</a>.</p>
${items.length ? `<ol id="messages">\n${items.join('\n')}\n</ol>` : '<p id="messages">No messages yet.</p>'}
</body>
</html>
`;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(html));
  res.end(req.method === 'HEAD' ? undefined : html);
}

function item(name, size) {
  const type = storedType(name);
  // An untyped upload may still be media; <video> plays audio-only files too.
  const tag = type.startsWith('audio/') ? 'audio' : 'video';
  const time = storedTime(name).toISOString();
  const label = type === 'application/octet-stream' ? ' (type unknown)' : '';
  return (
    `<li data-name="${name}"><${tag} controls preload="metadata" src="${name}"></${tag}>\n` +
    `  <a href="${name}" download>${name}</a>${label} &mdash; ${formatSize(size)}, ` +
    `<time datetime="${time}">${time.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time></li>`
  );
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) (n /= 1024), u++;
  return `${n.toFixed(1)} ${units[u]} (${bytes} bytes)`;
}
