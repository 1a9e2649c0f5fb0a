// POST uploadMessage: the 2011 WD §3.3 voice message example sends the Blob it got from
// getRecordedData() with `x.send(blob)`, so the request body is the recording and the
// Content-Type is the Blob's type.
//
// Nothing half-written is ever visible: the body goes to `.<name>.part` (created with 'wx', so
// no two uploads share a file) and is linked to its final name only once complete. Whatever
// goes wrong - too large, empty, a disk error, the client leaving - the temp file is removed.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { send } from './static.js';

/** Recorded media types we recognise, by MIME essence. Anything else is kept as .bin. */
const KINDS = {
  'audio/webm': { kind: 'audio', ext: 'webm' },
  'video/webm': { kind: 'video', ext: 'webm' },
  'audio/ogg': { kind: 'audio', ext: 'ogg' },
};
const UNKNOWN = { kind: 'other', ext: 'bin' };

/**
 * A stored message's file name: `<UTC time>-<random>-<kind>.<ext>`, e.g.
 * `20111027T120000000Z-0123456789ab-audio.webm`. The time makes names sort newest-last; the
 * random part keeps simultaneous uploads apart; the kind is in the name because `.webm` alone
 * does not tell audio from video. Group 1 is the message id.
 */
export const MESSAGE_NAME = /^((\d{8}T\d{9}Z)-[0-9a-f]{12})-(audio|video|other)\.(webm|ogg|bin)$/;

/** The Content-Type a stored message is served with, or undefined for names that are no message. */
export function storedType(name) {
  const m = MESSAGE_NAME.exec(name);
  if (!m) return undefined;
  return m[3] === 'other' ? 'application/octet-stream' : `${m[3]}/${m[4]}`;
}

/** When a message (by file name) was uploaded. */
export function storedTime(name) {
  const t = MESSAGE_NAME.exec(name)?.[2];
  return t && new Date(t.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/, '$1-$2-$3T$4:$5:$6.$7Z'));
}

/** What a disk error means for the person uploading; the server's paths stay in its own log. */
const STORAGE_ERRORS = {
  ENOENT: 'the message folder is missing',
  ENOTDIR: 'the message folder is not a directory',
  EACCES: 'the message folder is not writable',
  EPERM: 'the message folder is not writable',
  EROFS: 'the message folder is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'an I/O error',
};

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}
class ClientGone extends Error {}

/**
 * @param {{ dataDir: string, maxBytes: number, log?: (line: string) => void }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function uploadHandler({ dataDir, maxBytes, log = () => {} }) {
  const tooLarge = `Payload Too Large: a message may have at most ${maxBytes} bytes`;

  return async (req, res) => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return send(res, 405, 'Method Not Allowed: POST a recorded message here');
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBytes) return refuse(req, res, 413, tooLarge);
    if (declared === '0') return send(res, 400, 'Bad Request: the message is empty');

    const { kind, ext } = KINDS[essence(req.headers['content-type'])] ?? UNKNOWN;
    // The body is wanted: let a client that asked (Expect: 100-continue, see app.js) send it.
    if (/^100-continue$/i.test(req.headers.expect ?? '')) res.writeContinue();

    let name = newName(kind, ext);
    const temp = path.join(dataDir, `.${name}.part`);
    let file;
    try {
      file = await fs.promises.open(temp, 'wx');
      const bytes = await receive(req, file, maxBytes, tooLarge);
      if (bytes === 0) throw new HttpError(400, 'Bad Request: the message is empty');
      await file.datasync();
      await file.close();
      file = undefined;
      name = await publish(temp, dataDir, name, kind, ext);
      const type = storedType(name);
      log(`stored ${name} (${bytes} bytes, ${req.headers['content-type'] ?? 'no Content-Type'})`);
      const url = `/messages/${name}`;
      res.statusCode = 201;
      res.setHeader('Location', url);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ id: MESSAGE_NAME.exec(name)[1], url, bytes, type }) + '\n');
    } catch (err) {
      await file?.close().catch(() => {});
      await fs.promises.unlink(temp).catch(() => {}); // may not exist (open failed, or published)
      if (err instanceof ClientGone) return;
      if (err instanceof HttpError) return refuse(req, res, err.status, err.message);
      log(`cannot store ${name}: ${err.message}`);
      const why = STORAGE_ERRORS[err.code] ?? 'a storage error';
      return refuse(req, res, 500, `Internal Server Error: the message could not be stored: ${why} (${err.code ?? err.message})`);
    }
  };
}

/** Stream the body into `file`, at most maxBytes; resolves with the byte count. */
function receive(req, file, maxBytes, tooLarge) {
  return new Promise((resolve, reject) => {
    if (req.destroyed) return reject(new ClientGone()); // left while the file was being opened
    let bytes = 0;
    let settled = false;
    const settle = (err) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onError);
      if (err) reject(err);
      else resolve(bytes);
    };
    // Counted as it arrives, so chunked uploads (no Content-Length) are cut off too.
    const onData = (chunk) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return settle(new HttpError(413, tooLarge));
      req.pause(); // one write at a time; 'end' cannot overtake a pending write
      writeAll(file, chunk).then(() => settled || req.resume(), settle);
    };
    const onEnd = () => settle();
    const onClose = () => req.complete || settle(new ClientGone());
    const onError = () => settle(new ClientGone());
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onError);
  });
}

async function writeAll(file, chunk) {
  for (let done = 0; done < chunk.length; ) {
    done += (await file.write(chunk, done, chunk.length - done)).bytesWritten;
  }
}

/**
 * Give the complete temp file its final name without ever replacing another message: link()
 * fails with EEXIST where rename() would overwrite.
 */
async function publish(temp, dataDir, name, kind, ext) {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.promises.link(temp, path.join(dataDir, name));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST' || attempt === 3) throw err;
      name = newName(kind, ext);
    }
  }
  // Should this fail, the message is stored all the same; a leftover dotfile is never listed.
  await fs.promises.unlink(temp).catch(() => {});
  return name;
}

function newName(kind, ext) {
  const time = new Date().toISOString().replace(/[-:.]/g, '');
  return `${time}-${crypto.randomBytes(6).toString('hex')}-${kind}.${ext}`;
}

/** 'Audio/WebM; codecs=opus' -> 'audio/webm' */
function essence(contentType = '') {
  return contentType.split(';', 1)[0].trim().toLowerCase();
}

/**
 * Answer; and if the body has not been read to its end, stop taking it: close the connection. Not
 * at once: closing a socket with unread bytes resets it, and the client's TCP stack may then
 * discard our answer before the client reads it. So, as web servers' "lingering close" does,
 * half-close after the answer and drop whatever is still in flight for at most LINGER_MS.
 */
function refuse(req, res, status, message) {
  send(res, status, message);
  if (req.complete) return;
  const socket = req.socket;
  res.once('finish', () => {
    socket.end();
    req.resume(); // no 'data' listener left: discarded
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(timer));
  });
}
const LINGER_MS = 1000;
