// `npm run check:idl`: the legacy/ demos are the 2011 WD §3.3 examples as the draft writes them, with
// only a <meta charset> and the shim's script tag added (the draft's text is beside the repository,
// in ../shared/specs, not in it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specFile = path.resolve(root, '../shared/specs/webrtc-2011-10-27-WD.txt');

describe('the legacy/ demos against the 2011 draft', () => {
  it('each §3.3 example page is the draft\'s text, with only the script tag added', () => {
    const spec = fs.readFileSync(specFile, 'utf8');
    for (const page of ['start-button.html', 'voice-message.html', 'snapshot-kiosk.html']) {
      const html = fs.readFileSync(path.join(root, 'legacy', page), 'utf8');
      const head = html.slice(0, html.indexOf('<body>'));
      expect(head, page).to.include('<meta charset="utf-8">').and.include('<script src="/dist/webrtc-legacy.js"></script>');
      const code = html.slice(html.indexOf('<body>\n') + 7, html.lastIndexOf('\n</body>'));
      expect(spec.includes(code), `${page}: body is the draft's text`).to.equal(true);
    }
  });
});
