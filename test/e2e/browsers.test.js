// Proves the e2e harness: each engine launches headless with fake media, a page
// served from http://127.0.0.1 gets 1 audio + 1 video track and can play the
// video, and with { deny: true } getUserMedia rejects with NotAllowedError.
import { expect } from 'chai';
import { browserNames, launch, withPage } from './browsers.js';
import { startServer } from '../../server/app.js';

const FIXTURE = 'test/e2e/fixtures/gum.html';

describe('e2e harness', function () {
  this.timeout(60_000);

  let srv;
  before(async function () {
    srv = await startServer({ port: 0 });
  });
  after(async function () {
    await srv?.close();
  });

  for (const name of browserNames()) {
    describe(name, function () {
      describe('with fake devices allowed', function () {
        let browser;
        before(async function () {
          browser = await launch(name);
        });
        after(async function () {
          await browser?.close();
        });

        it('getUserMedia({audio, video}) resolves with 1 audio + 1 video track that plays', async function () {
          const result = await withPage(browser, srv.url + FIXTURE, (page) =>
            page.evaluate(() => window.probeGum({ audio: true, video: true })),
          );
          expect(result, JSON.stringify(result)).to.include({ ok: true, audio: 1, video: 1, played: true });
          expect(result.videoWidth).to.be.above(0);
          expect(result.videoHeight).to.be.above(0);
        });
      });

      describe('with permission denied', function () {
        let browser;
        before(async function () {
          browser = await launch(name, { deny: true });
        });
        after(async function () {
          await browser?.close();
        });

        for (const constraints of [{ video: true }, { audio: true, video: true }]) {
          it(`getUserMedia(${JSON.stringify(constraints)}) rejects with NotAllowedError quickly`, async function () {
            this.timeout(20_000);
            const result = await withPage(browser, srv.url + FIXTURE, (page) =>
              page.evaluate((c) => window.probeGum(c), constraints),
            );
            expect(result, JSON.stringify(result)).to.include({ ok: false, name: 'NotAllowedError' });
            expect(result.ms).to.be.below(5_000);
          });
        }
      });
    });
  }
});
