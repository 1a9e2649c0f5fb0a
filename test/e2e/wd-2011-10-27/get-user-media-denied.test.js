// 2011 WD §2.1.1.1 "Failure": in a browser configured to refuse camera and microphone, the 2011
// getUserMedia calls errorCallback, in a queued task, with a NavigatorUserMediaError (code 1).
import { expect } from 'chai';
import { browserNames, launch } from '../browsers.js';
import { startServer } from '../../../server/app.js';

for (const engine of browserNames()) {
  describe(`[${engine}] wd-2011-10-27 §2.1 getUserMedia when permission is denied`, function () {
    let server, browser, page;
    before(async () => {
      server = await startServer({ port: 0 });
      browser = await launch(engine, { deny: true });
      page = await browser.newPage();
      await page.goto(`${server.url}test/e2e/fixtures/legacy-page.html`);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('errorCallback gets a NavigatorUserMediaError: code 1, PERMISSION_DENIED 1, the native name and message', async () => {
      const got = await page.evaluate(() => new Promise((resolve) => {
        let returned = false;
        navigator.getUserMedia('audio,video', () => resolve({ success: true }), (e) => resolve({
          code: e.code,
          PERMISSION_DENIED: e.PERMISSION_DENIED,
          name: e.name,
          message: e.message,
          afterReturn: returned,
        }));
        returned = true;
      }));
      expect(got.success).to.equal(undefined);
      expect(got.code).to.equal(1);
      expect(got.PERMISSION_DENIED).to.equal(1);
      expect(got.name).to.equal('NotAllowedError');
      expect(got.message).to.be.a('string').and.not.equal('');
      expect(got.afterReturn, 'called in a later task').to.equal(true);
    });

    it('with no errorCallback, a denial is silent: no exception, no unhandled rejection', async () => {
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const unhandled = await page.evaluate(() => new Promise((resolve) => {
        let seen = 0;
        window.addEventListener('unhandledrejection', () => seen++);
        navigator.getUserMedia({ video: false }, () => {});
        setTimeout(() => resolve(seen), 1000);
      }));
      expect(unhandled).to.equal(0);
      expect(errors).to.deep.equal([]);
    });
  });
}
