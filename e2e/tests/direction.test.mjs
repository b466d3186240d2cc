// Every public page is marked with its language and direction, and the
// body really lays out in that direction: right to left in Arabic, left to
// right in English. A language chosen with ?lang= wins over the browser's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, publicPages, direction } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const expected = {
  ar: { lang: 'ar', dir: 'rtl', bodyDirection: 'rtl' },
  en: { lang: 'en', dir: 'ltr', bodyDirection: 'ltr' },
};

for (const [lang, want] of Object.entries(expected)) {
  test(`public pages in ${lang} are ${want.dir}`, async () => {
    const context = await newContext(browser, lang);
    try {
      const page = await context.newPage();
      for (const p of publicPages) {
        const res = await page.goto(p.path);
        assert.equal(res.status(), p.status ?? 200, `${p.path} status`);
        assert.deepEqual(await direction(page), want, `${p.path} in ${lang}`);
        assert.equal(res.headers()['content-language'], lang, `${p.path} Content-Language`);
      }
    } finally {
      await context.close();
    }
  });
}

test('?lang=fr wins over an Arabic Accept-Language', async () => {
  const context = await newContext(browser, 'ar');
  try {
    const page = await context.newPage();
    for (const p of publicPages) {
      await page.goto(`${p.path}?lang=fr`);
      assert.deepEqual(await direction(page), { lang: 'fr', dir: 'ltr', bodyDirection: 'ltr' }, `${p.path}?lang=fr`);
    }
    // The choice is remembered: the next page without ?lang stays French.
    await page.goto('/directory');
    assert.equal((await direction(page)).lang, 'fr', 'the lang cookie keeps French');
  } finally {
    await context.close();
  }
});
