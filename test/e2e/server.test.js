import http from 'node:http';
import { expect } from 'chai';
import { startServer } from '../../server/app.js';

describe('server', function () {
  let srv;

  before(async function () {
    srv = await startServer({ port: 0 });
  });

  after(async function () {
    await srv?.close();
  });

  // node:http sends the path verbatim; fetch()/URL would resolve '..' client-side
  // and the traversal tests would never reach the server.
  function get(rawPath, { method = 'GET', headers = {}, body } = {}) {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: srv.port, path: rawPath, method, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: new Headers(res.headers), body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('listens on a random port on 127.0.0.1', function () {
    expect(srv.port).to.be.a('number').above(0);
    expect(srv.url).to.equal(`http://127.0.0.1:${srv.port}/`);
  });

  it('serves the demo index at /', async function () {
    const res = await get('/');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.body).to.include('start-button.html');
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

  it('redirects /legacy to /legacy/', async function () {
    const res = await get('/legacy');
    expect(res.status).to.equal(301);
    expect(res.headers.get('location')).to.equal('/legacy/');
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
    for (const path of ['/nope.html', '/legacy/nope.html', '/dist/nope.js', '/test/nope']) {
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

  it('only allows GET and HEAD', async function () {
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
});
