// server/idp.js, the demo identity provider, from node: its HTTPS listener (certificate made at start by
// openssl), the proxy script at the well-known URI, and what /idp/sign and /idp/verify answer.
import https from 'node:https';
import { expect } from 'chai';
import { startIdp } from '../../server/idp.js';

/** One HTTPS request that trusts the IdP's self-signed certificate (it is checked to be for localhost). */
function request(url, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, rejectUnauthorized: false, agent: false }, (res) => {
      const cert = res.socket.getPeerCertificate();
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, cert }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('server/idp.js demo identity provider', () => {
  let idp;
  before(async () => {
    idp = await startIdp();
  });
  after(() => idp?.close());

  it('serves the proxy at /.well-known/idp-proxy/<protocol> over HTTPS, with CORS and CORP, on its own origin', async () => {
    expect(idp.url).to.match(/^https:\/\/localhost:\d+\/$/);
    const r = await request(`${idp.url}.well-known/idp-proxy/demo`);
    expect(r.status).to.equal(200);
    expect(r.headers['content-type']).to.equal('application/javascript');
    expect(r.headers['access-control-allow-origin']).to.equal('*');
    expect(r.headers['cross-origin-resource-policy']).to.equal('cross-origin');
    expect(r.text).to.include('rtcIdentityProvider.register(');
    expect(r.text).to.include(JSON.stringify(idp.domain));
    expect(r.cert.subjectaltname).to.include('DNS:localhost');
    expect((await request(`${idp.url}.well-known/idp-proxy/missing`)).status).to.equal(404);
  });

  it('signs an assertion that verifies, and refuses one whose identity was changed', async () => {
    const body = JSON.stringify({ identity: 'alice@localhost', contents: '{"fingerprint":[]}', origin: 'http://127.0.0.1' });
    const { assertion } = JSON.parse((await request(`${idp.url}idp/sign`, { method: 'POST', body })).text);
    const ok = await request(`${idp.url}idp/verify`, { method: 'POST', body: assertion });
    expect(ok.status).to.equal(200);
    expect(JSON.parse(ok.text)).to.deep.equal({ identity: 'alice@localhost', contents: '{"fingerprint":[]}' });
    const [payload, mac] = assertion.split('.');
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace('alice', 'mallory')).toString('base64url');
    expect((await request(`${idp.url}idp/verify`, { method: 'POST', body: `${forged}.${mac}` })).status).to.equal(403);
    expect((await request(`${idp.url}idp/verify`, { method: 'POST', body: 'garbage' })).status).to.equal(403);
  });
});
