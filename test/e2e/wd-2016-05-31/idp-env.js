// The identity tests' environment: the app server, the demo IdP (server/idp.js, HTTPS with a certificate
// made at start) and one browser per engine that trusts it (Chromium: --ignore-certificate-errors;
// Firefox: acceptInsecureCerts, which its IdP loader honours too). Mocha hooks; fields filled in before().
import { launch } from '../browsers.js';
import { startServer } from '../../../server/app.js';
import { startIdp } from '../../../server/idp.js';

export function useIdpEnv(engines) {
  const env = { server: undefined, idp: undefined, browsers: {} };
  before(async () => {
    env.server = await startServer({ port: 0 });
    env.idp = await startIdp();
    for (const e of engines) {
      env.browsers[e] = await launch(e, { acceptInsecureCerts: true, args: e === 'chromium' ? ['--ignore-certificate-errors'] : [] });
    }
  });
  after(async () => {
    for (const b of Object.values(env.browsers)) await b.close();
    await env.idp?.close();
    await env.server?.close();
  });
  return env;
}
