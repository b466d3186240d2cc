// A keyboard user's first Tab lands on the skip link, which shows itself,
// and following it puts focus on the main content, past the navigation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, viewport } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName.toLowerCase(), id: el?.id, className: el?.className, href: el?.getAttribute('href') };
});

for (const lang of ['ar', 'en']) {
  test(`skip link comes first and moves focus to main, in ${lang}`, async () => {
    const context = await newContext(browser, lang);
    try {
      const page = await context.newPage();
      for (const path of ['/', '/directory', '/login']) {
        await page.goto(path);
        await page.keyboard.press('Tab');
        const first = await focused(page);
        assert.equal(first.className, 'skip-link', `${path}: first Tab reaches the skip link, not ${JSON.stringify(first)}`);
        assert.equal(first.href, '#main');
        const box = await page.locator('.skip-link').boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width,
          `${path}: the focused skip link is on screen (${JSON.stringify(box)})`);

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal((await focused(page)).tag, 'main', `${path}: focus is on main after the skip link`);

        // The next Tab goes on inside the content, not back to the header.
        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => document.getElementById('main').contains(document.activeElement));
        assert.ok(next, `${path}: Tab after skipping stays in main (${JSON.stringify(await focused(page))})`);
      }
    } finally {
      await context.close();
    }
  });
}
