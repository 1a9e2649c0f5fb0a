import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { expect } from 'chai';
import { startServer, REPO_ROOT } from '../../server/app.js';

const LIMIT = 256 * 1024; // small, so the 413 tests send little
const MESSAGE = /^\d{8}T\d{9}Z-[0-9a-f]{12}-(audio|video|other)\.(webm|ogg|bin)$/;

const tempDirs = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webrtc-legacy-server-'));
  tempDirs.push(dir);
  return dir;
}

/**
 * One request with node:http, which sends the path verbatim (fetch()/URL would resolve '..'
 * client-side and the traversal tests would never reach the server). `body` may be a Buffer, a
 * string or a Readable (sent chunked unless a Content-Length header is given). Settles on the
 * response: the server may answer before the whole body is sent (413) and close the connection,
 * and a write error after that answer is expected, not a failure.
 */
function request(port, rawPath, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: new Headers(res.headers), bytes: buf, body: buf.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', (err) => answered || reject(err));
    req.on('continue', () => (req.continued = true));
    request.last = req;
    if (body instanceof Readable) {
      body.on('error', () => {});
      body.pipe(req);
    } else if (headers.Expect === '100-continue') {
      req.on('continue', () => req.end(body));
    } else {
      req.end(body);
    }
  });
}

function post(port, rawPath, body, headers = {}) {
  return request(port, rawPath, { method: 'POST', body, headers });
}

/** Every entry of dir, dotfiles (temp files) included. */
function entries(dir) {
  return fs.readdirSync(dir).sort();
}

/** Resolves once the entries of dir satisfy test (checked now and on every change). */
async function dirChange(dir, test) {
  const watcher = fs.watch(dir);
  try {
    await new Promise((resolve) => {
      const check = () => test(entries(dir)) && resolve();
      watcher.on('change', check);
      check();
    });
  } finally {
    watcher.close();
  }
}

/** Resolves once the connection of a request is closed. */
function closed(req) {
  return req.socket && !req.socket.destroyed ? once(req.socket, 'close') : Promise.resolve();
}

/** An endless chunked body: only a server that stops reading can answer it. */
function endless(chunkSize = 64 * 1024) {
  const chunk = crypto.randomBytes(chunkSize);
  return new Readable({
    read() {
      this.push(chunk);
    },
  });
}

describe('server', function () {
  let srv;
  let dataDir;

  before(async function () {
    dataDir = path.join(tempDir(), 'messages'); // does not exist yet: created on start
    srv = await startServer({ port: 0, dataDir, maxUploadBytes: LIMIT });
  });

  after(async function () {
    await srv?.close();
    tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  const get = (rawPath, options) => request(srv.port, rawPath, options);

  it('listens on a random port on 127.0.0.1', function () {
    expect(srv.port).to.be.a('number').above(0);
    expect(srv.url).to.equal(`http://127.0.0.1:${srv.port}/`);
  });

  it('creates the data dir on start', function () {
    expect(srv.dataDir).to.equal(dataDir);
    expect(fs.statSync(dataDir).isDirectory()).to.equal(true);
  });

  it('serves the demo index at /, listing every demo and the messages page', async function () {
    const res = await get('/');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    for (const link of ['start-button.html', 'voice-message.html', 'snapshot-kiosk.html', '/messages/']) {
      expect(res.body).to.include(`href="${link}"`);
    }
  });

  it('serves legacy pages under / and /legacy/', async function () {
    for (const path of ['/start-button.html', '/legacy/start-button.html']) {
      const res = await get(path);
      expect(res.status, path).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      expect(res.body).to.include('<script src="/dist/webrtc-legacy.js"></script>');
      expect(res.body).to.include("navigator.getUserMedia('audio,video', gotStream);");
    }
  });

  it('serves the demos as legacy/ holds them (that they are the 2011 WD §3.3 text is npm run check:idl)', async function () {
    for (const page of ['start-button.html', 'voice-message.html', 'snapshot-kiosk.html']) {
      const res = await get(`/${page}`);
      expect(res.status, page).to.equal(200);
      expect(res.body, page).to.equal(fs.readFileSync(path.join(REPO_ROOT, 'legacy', page), 'utf8'));
    }
  });

  it('redirects /legacy to /legacy/ and /messages to /messages/', async function () {
    for (const dir of ['/legacy', '/messages']) {
      const res = await get(dir);
      expect(res.status).to.equal(301);
      expect(res.headers.get('location')).to.equal(`${dir}/`);
    }
  });

  it('serves test fixtures with JS-friendly content types', async function () {
    const res = await get('/test/e2e/fixtures/gum.html');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    const js = await get('/test/e2e/browsers.js', { method: 'HEAD' });
    expect(js.status).to.equal(200);
    expect(js.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files', async function () {
    for (const path of ['/nope.html', '/legacy/nope.html', '/dist/nope.js', '/test/nope', '/messages/nope.webm']) {
      const res = await get(path);
      expect(res.status, path).to.equal(404);
      expect(res.headers.get('cache-control')).to.equal('no-store');
    }
  });

  it('rejects directory traversal without leaking package.json', async function () {
    const attempts = [
      '/legacy/../package.json',
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/dist/..%2fpackage.json',
      '/dist/..%2Fpackage.json',
      '/dist/%2e%2e%2fpackage.json',
      '/test/..%5cpackage.json',
      '/legacy/.%2e/package.json',
      '/legacy/%252e%252e/package.json',
      '//work/main/package.json',
      '/dist/%00../package.json',
      '/legacy/%zz',
    ];
    for (const path of attempts) {
      const res = await get(path);
      expect([400, 404], path).to.include(res.status);
      expect(res.body, path).not.to.include('"name": "webrtc-legacy"');
      expect(res.body, path).not.to.include('devDependencies');
    }
  });

  it('only allows GET and HEAD for files', async function () {
    const res = await get('/', { method: 'POST', body: 'x' });
    expect(res.status).to.equal(405);
    expect(res.headers.get('allow')).to.equal('GET, HEAD');
  });

  it('supports byte ranges (for media seeking)', async function () {
    const res = await get('/start-button.html', { headers: { Range: 'bytes=0-14' } });
    expect(res.status).to.equal(206);
    expect(res.body).to.equal('<!DOCTYPE html>');
    expect(res.headers.get('content-range')).to.match(/^bytes 0-14\/\d+$/);
  });

  describe('POST uploadMessage (2011 WD §3.3 voice message)', function () {
    beforeEach(function () {
      for (const name of entries(dataDir)) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    });

    it('stores the exact bytes, answers 201 {id, url, bytes, type}, serves them back with ranges', async function () {
      const body = crypto.randomBytes(100_000);
      const res = await post(srv.port, '/uploadMessage', body, { 'Content-Type': 'audio/webm;codecs=opus' });
      expect(res.status).to.equal(201);
      expect(res.headers.get('content-type')).to.match(/^application\/json/);
      const json = JSON.parse(res.body);
      expect(json).to.have.all.keys('id', 'url', 'bytes', 'type');
      expect(json.bytes).to.equal(body.length);
      expect(json.type).to.equal('audio/webm');
      expect(json.url).to.match(/^\/messages\/[^/]+-audio\.webm$/);
      expect(json.url).to.include(json.id);
      expect(res.headers.get('location')).to.equal(json.url);

      const name = path.basename(json.url);
      expect(name).to.match(MESSAGE);
      expect(entries(dataDir)).to.deep.equal([name]); // no temp file left
      expect(fs.readFileSync(path.join(dataDir, name)).equals(body)).to.equal(true);

      const file = await get(json.url);
      expect(file.status).to.equal(200);
      expect(file.headers.get('content-type')).to.equal('audio/webm');
      expect(file.headers.get('accept-ranges')).to.equal('bytes');
      expect(file.bytes.equals(body)).to.equal(true);
      const part = await get(json.url, { headers: { Range: 'bytes=50000-50099' } });
      expect(part.status).to.equal(206);
      expect(part.headers.get('content-range')).to.equal(`bytes 50000-50099/${body.length}`);
      expect(part.bytes.equals(body.subarray(50000, 50100))).to.equal(true);
    });

    it('keeps the Content-Type as the extension and serves it back', async function () {
      const cases = [
        ['audio/webm', 'audio/webm', /-audio\.webm$/],
        ['video/webm;codecs="vp8,opus"', 'video/webm', /-video\.webm$/],
        ['Audio/Ogg; codecs=opus', 'audio/ogg', /-audio\.ogg$/],
        ['audio/mpeg', 'application/octet-stream', /-other\.bin$/],
        [undefined, 'application/octet-stream', /-other\.bin$/],
      ];
      for (const [sent, served, ext] of cases) {
        const res = await post(srv.port, '/uploadMessage', 'abc', sent ? { 'Content-Type': sent } : {});
        expect(res.status, sent).to.equal(201);
        const { url, type } = JSON.parse(res.body);
        expect(url, sent).to.match(ext);
        expect(type, sent).to.equal(served);
        expect((await get(url, { method: 'HEAD' })).headers.get('content-type'), sent).to.equal(served);
      }
    });

    it('answers next to the demo page under /legacy/ too, and only to POST', async function () {
      const res = await post(srv.port, '/legacy/uploadMessage', 'abc', { 'Content-Type': 'audio/ogg' });
      expect(res.status).to.equal(201);
      for (const p of ['/uploadMessage', '/legacy/uploadMessage']) {
        const wrong = await get(p);
        expect(wrong.status, p).to.equal(405);
        expect(wrong.headers.get('allow'), p).to.equal('POST');
      }
    });

    it('lists the messages newest first, each in a player with size and time', async function () {
      const audio = JSON.parse((await post(srv.port, '/uploadMessage', 'a'.repeat(3000), { 'Content-Type': 'audio/webm' })).body);
      await new Promise((r) => setTimeout(r, 5)); // a later upload time
      const video = JSON.parse((await post(srv.port, '/uploadMessage', 'v'.repeat(10), { 'Content-Type': 'video/webm' })).body);
      const page = await get('/messages/');
      expect(page.status).to.equal(200);
      expect(page.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      const a = path.basename(audio.url);
      const v = path.basename(video.url);
      expect(page.body).to.include(`<audio controls preload="metadata" src="${a}"></audio>`);
      expect(page.body).to.include(`<video controls preload="metadata" src="${v}"></video>`);
      expect(page.body.indexOf(v), 'newest first').to.be.below(page.body.indexOf(a));
      expect(page.body).to.include('2.9 KB (3000 bytes)').and.include('10 bytes');
      expect(page.body).to.match(/<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z">/);
    });

    it('says so when there are no messages', async function () {
      const page = await get('/messages/');
      expect(page.status).to.equal(200);
      expect(page.body).to.include('No messages yet.');
    });

    it('accepts a message of exactly the size limit', async function () {
      const body = crypto.randomBytes(LIMIT);
      const res = await post(srv.port, '/uploadMessage', body, { 'Content-Type': 'audio/webm' });
      expect(res.status).to.equal(201);
      expect(fs.readFileSync(path.join(dataDir, path.basename(JSON.parse(res.body).url))).equals(body)).to.equal(true);
    });

    it('answers 413 to a Content-Length over the limit, before reading the body, and keeps nothing', async function () {
      // Declares far more than it sends: only a server that answers up front can reply at all.
      const body = endless();
      const res = await post(srv.port, '/uploadMessage', body, {
        'Content-Type': 'audio/webm',
        'Content-Length': String(1024 * 1024 * 1024),
      });
      body.destroy();
      expect(res.status).to.equal(413);
      expect(res.body).to.include(`at most ${LIMIT} bytes`);
      await closed(request.last); // the server stopped taking the body
      expect(entries(dataDir)).to.deep.equal([]);
    });

    it('answers 413 to a chunked body once it passes the limit, stops reading, and keeps nothing', async function () {
      const body = endless();
      const res = await post(srv.port, '/uploadMessage', body, { 'Content-Type': 'audio/webm' });
      body.destroy();
      expect(res.status).to.equal(413);
      expect(res.body).to.include(`at most ${LIMIT} bytes`);
      await closed(request.last); // the server stopped taking the body
      expect(entries(dataDir)).to.deep.equal([]);
    });

    it('answers 413 to Expect: 100-continue over the limit without asking for the body', async function () {
      const res = await post(srv.port, '/uploadMessage', crypto.randomBytes(LIMIT + 1), {
        'Content-Type': 'audio/webm',
        'Content-Length': String(LIMIT + 1),
        Expect: '100-continue',
      });
      expect(res.status).to.equal(413);
      expect(request.last.continued).to.equal(undefined);
      expect(entries(dataDir)).to.deep.equal([]);

      const ok = await post(srv.port, '/uploadMessage', Buffer.from('fine'), {
        'Content-Type': 'audio/webm',
        'Content-Length': '4',
        Expect: '100-continue',
      });
      expect(ok.status).to.equal(201);
      expect(request.last.continued).to.equal(true);
    });

    it('answers 400 to an empty body, with or without Content-Length, and keeps nothing', async function () {
      const declared = await post(srv.port, '/uploadMessage', '', { 'Content-Type': 'audio/webm' });
      expect(declared.status).to.equal(400);
      expect(declared.body).to.include('empty');
      const chunked = await post(srv.port, '/uploadMessage', Readable.from([]), { 'Content-Type': 'audio/webm' });
      expect(chunked.status).to.equal(400);
      expect(chunked.body).to.include('empty');
      expect(entries(dataDir)).to.deep.equal([]);
    });

    it('removes the partial file when the client leaves in the middle of an upload', async function () {
      const body = new Readable({ read() {} });
      post(srv.port, '/uploadMessage', body, { 'Content-Type': 'audio/webm' }).catch(() => {});
      body.push(crypto.randomBytes(10_000));
      await dirChange(dataDir, (names) => names.length === 1);
      expect(entries(dataDir)[0]).to.match(/^\..*\.part$/);
      request.last.destroy();
      await dirChange(dataDir, (names) => names.length === 0);
    });

    it('keeps 20 concurrent uploads apart: 20 distinct files with the right bytes', async function () {
      const bodies = Array.from({ length: 20 }, () => crypto.randomBytes(20_000 + crypto.randomInt(20_000)));
      const answers = await Promise.all(
        bodies.map((b, i) => post(srv.port, '/uploadMessage', Readable.from([b.subarray(0, 9000), b.subarray(9000)]), {
          'Content-Type': i % 2 ? 'audio/webm' : 'video/webm',
        })),
      );
      const names = answers.map((a) => {
        expect(a.status).to.equal(201);
        return path.basename(JSON.parse(a.body).url);
      });
      expect(new Set(names).size).to.equal(20);
      expect(entries(dataDir)).to.deep.equal([...names].sort());
      names.forEach((name, i) => expect(fs.readFileSync(path.join(dataDir, name)).equals(bodies[i]), name).to.equal(true));
      const page = await get('/messages/');
      expect(page.body.match(/<li /g)).to.have.length(20);
    });

    it('serves only stored messages under /messages/: no traversal, temp files, links out or subfolders', async function () {
      const { url } = JSON.parse((await post(srv.port, '/uploadMessage', 'abc', { 'Content-Type': 'audio/webm' })).body);
      const name = path.basename(url);
      const partial = `.20111027T120000000Z-0123456789ab-audio.webm.part`;
      fs.writeFileSync(path.join(dataDir, partial), 'half a message');
      const linkOut = '20111027T120000000Z-0123456789ab-video.webm';
      fs.symlinkSync(path.join(REPO_ROOT, 'package.json'), path.join(dataDir, linkOut));
      fs.mkdirSync(path.join(dataDir, 'sub'));
      fs.writeFileSync(path.join(dataDir, 'sub', name), 'elsewhere');
      const attempts = [
        '/messages/../package.json',
        '/messages/%2e%2e/package.json',
        '/messages/..%2f..%2fpackage.json',
        '/messages/..%5c..%5cpackage.json',
        '/messages/%2e%2e%2f%2e%2e%2fpackage.json',
        '/messages/.%2e/.%2e/package.json',
        '/messages/%252e%252e/package.json',
        '/messages//etc/passwd',
        '/messages/%2fetc%2fpasswd',
        `/messages/${partial}`,
        `/messages/%2e${partial.slice(1)}`,
        `/messages/${linkOut}`,
        `/messages/sub/${name}`,
        `/messages/sub%2f${name}`,
        `/messages/${name}%00`,
        `/messages/${name}/`,
        '/messages/%zz',
      ];
      for (const p of attempts) {
        const res = await get(p);
        expect([400, 404], p).to.include(res.status);
        expect(res.body, p).not.to.include('devDependencies');
        expect(res.body, p).not.to.include('half a message');
        expect(res.body, p).not.to.include('elsewhere');
        expect(res.body, p).not.to.include('root:');
      }
      const page = await get('/messages/');
      expect(page.body.match(/<li /g)).to.have.length(1);
      expect(page.body).not.to.include(partial).and.not.to.include(linkOut);
      expect((await get(url)).body).to.equal('abc');
    });

    it('only allows GET and HEAD on /messages/', async function () {
      const res = await get('/messages/', { method: 'POST', body: 'x' });
      expect(res.status).to.equal(405);
      expect(res.headers.get('allow')).to.equal('GET, HEAD');
    });
  });

  describe('disk errors: 500 and no partial file', function () {
    // As root, permission bits stop nothing; these are failures root gets too.
    let own, dir;
    beforeEach(async function () {
      dir = path.join(tempDir(), 'messages');
      own = await startServer({ port: 0, dataDir: dir, maxUploadBytes: LIMIT });
    });
    afterEach(async function () {
      await own?.close();
    });

    it('data dir replaced by a regular file (ENOTDIR): 500 with the reason, and works again once it is back', async function () {
      fs.rmSync(dir, { recursive: true });
      fs.writeFileSync(dir, 'not a folder');
      const res = await post(own.port, '/uploadMessage', crypto.randomBytes(1000), { 'Content-Type': 'audio/webm' });
      expect(res.status).to.equal(500);
      expect(res.body).to.include('could not be stored').and.include('not a directory');
      expect(res.body, 'no server paths in the answer').not.to.include(dir);
      const list = await request(own.port, '/messages/');
      expect(list.status).to.equal(500);
      expect(fs.readFileSync(dir, 'utf8')).to.equal('not a folder');

      fs.rmSync(dir);
      fs.mkdirSync(dir);
      const ok = await post(own.port, '/uploadMessage', 'back', { 'Content-Type': 'audio/webm' });
      expect(ok.status).to.equal(201);
      expect(entries(dir)).to.deep.equal([path.basename(JSON.parse(ok.body).url)]);
    });

    it('data dir removed in the middle of an upload (ENOENT): 500, and nothing is left', async function () {
      const body = new Readable({ read() {} });
      const answer = post(own.port, '/uploadMessage', body, { 'Content-Type': 'audio/webm' });
      body.push(crypto.randomBytes(10_000));
      await dirChange(dir, (names) => names.length === 1); // under way: its temp file exists
      expect(entries(dir)).to.have.length(1);
      expect(entries(dir)[0]).to.match(/^\..*\.part$/);
      fs.rmSync(dir, { recursive: true });
      body.push(crypto.randomBytes(10_000));
      body.push(null);
      const res = await answer;
      expect(res.status).to.equal(500);
      expect(res.body).to.include('could not be stored').and.include('missing');
      expect(fs.existsSync(dir), 'not recreated behind the back of whoever removed it').to.equal(false);
    });

    it('disk full (ENOSPC) in the middle of an upload: 500, and the partial file is removed', async function () {
      // A real full disk: a 64 KB tmpfs. Needs the right to mount (root in a container usually has it).
      fs.rmSync(dir, { recursive: true });
      fs.mkdirSync(dir);
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
      if (!mounted) this.skip();
      try {
        const res = await post(own.port, '/uploadMessage', Readable.from([crypto.randomBytes(32 * 1024), crypto.randomBytes(96 * 1024)]), {
          'Content-Type': 'audio/webm',
        });
        expect(res.status).to.equal(500);
        expect(res.body).to.include('could not be stored').and.include('disk is full');
        expect(entries(dir)).to.deep.equal([]);
        // and the space is back: a message that fits is stored
        const ok = await post(own.port, '/uploadMessage', crypto.randomBytes(16 * 1024), { 'Content-Type': 'audio/webm' });
        expect(ok.status).to.equal(201);
      } finally {
        spawnSync('umount', [dir]);
      }
    });
  });

  describe('server/main.js', function () {
    it('--help documents the options', function () {
      const out = spawnSync(process.execPath, ['server/main.js', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(out.status).to.equal(0);
      for (const word of ['--port', '--host', '--data', 'DATA_DIR', '--max-upload', 'MAX_UPLOAD_BYTES', '<repo>/data/messages', '52428800']) {
        expect(out.stdout).to.include(word);
      }
    });

    it('refuses a bad --max-upload', function () {
      const out = spawnSync(process.execPath, ['server/main.js', '--max-upload', '50MB'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(out.status).to.equal(2);
      expect(out.stderr).to.include('--max-upload');
    });

    it('prints the URL and the data dir on start, creating the dir, and takes DATA_DIR / MAX_UPLOAD_BYTES', async function () {
      const dir = path.join(tempDir(), 'from-env');
      const child = spawn(process.execPath, ['server/main.js', '--port', '0'], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dir, MAX_UPLOAD_BYTES: '10' },
      });
      try {
        let out = '';
        await new Promise((resolve, reject) => {
          child.stdout.on('data', (d) => (out += d) && out.includes('messages stored in') && out.endsWith('\n') && resolve());
          child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
        });
        const url = /webrtc-legacy demos: (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
        expect(url, out).to.not.equal(null);
        expect(out).to.include(dir);
        expect(fs.statSync(dir).isDirectory()).to.equal(true);
        const port = Number(url[2]);
        expect((await post(port, '/uploadMessage', '0123456789', { 'Content-Type': 'audio/ogg' })).status).to.equal(201);
        expect((await post(port, '/uploadMessage', '0123456789a', { 'Content-Type': 'audio/ogg' })).status).to.equal(413);
      } finally {
        child.kill('SIGTERM');
      }
    });
  });
});
