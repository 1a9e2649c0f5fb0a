// Two pages of a call driven through their page-side `call` object (call-2013.html, modern-peer.html,
// adapter-app.html): waiting for what one page shows, with both pages' state in the error.
export const room = () => `r${Math.random().toString(36).slice(2)}`;

/**
 * @param {Record<string, import('puppeteer-core').Page>} pages by name, for the error message
 * @returns {(page: import('puppeteer-core').Page, what: string, fn: Function, arg?: unknown) => Promise<unknown>}
 */
export function waiter(pages, timeout = 60000) {
  return (p, what, fn, arg) =>
    p.waitForFunction(fn, { polling: 200, timeout }, arg).catch(async (e) => {
      const dumps = await Promise.all(
        Object.entries(pages).map(async ([name, q]) => `  ${name} ${JSON.stringify(await q.evaluate(() => call.state()).catch((x) => String(x)))}`),
      );
      throw new Error(`waiting for ${what}: ${e.message}\n${dumps.join('\n')}`);
    });
}

/**
 * Waits until `p` plays the remote stream `id` past 0.3 s and shows a frame that is not black (the
 * first frames may be, under load), then returns what it shows ({width, time, brightness}).
 */
export async function remotePlays(until, p, id) {
  await until(p, `remote video ${id} playing, not black`, (i) => { const v = call.view(i); return v && v.time > 0.3 && v.brightness > 10; }, id);
  return p.evaluate((i) => call.view(i), id);
}
