// Screenshots of the public pages in Arabic and English, for the README
// and for reviewing the layout by eye: docs/screenshots/<page>-<lang>.png.
// run.sh runs this when SCREENSHOTS=1, against the demo server.
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { launchBrowser, newContext, publicPages } from './lib/browser.mjs';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
// Long pages are cut at this height: the top of a page shows its layout,
// and the files are committed, so they must stay small.
const maxHeight = 1800;

await mkdir(outDir, { recursive: true });
const browser = await launchBrowser();
let total = 0;
try {
  for (const lang of ['ar', 'en']) {
    const context = await newContext(browser, lang);
    const page = await context.newPage();
    for (const p of publicPages) {
      await page.goto(p.path, { waitUntil: 'networkidle' });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const file = path.join(outDir, `${p.name}-${lang}.png`);
      await page.screenshot({
        path: file,
        fullPage: true,
        clip: { x: 0, y: 0, width: page.viewportSize().width, height: Math.min(height, maxHeight) },
      });
      const { size } = await stat(file);
      total += size;
      console.log(`${path.relative(process.cwd(), file)}  ${(size / 1024).toFixed(0)} KB`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`screenshots: ${(total / 1024).toFixed(0)} KB in all`);
