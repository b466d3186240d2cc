// The home page must stay light for a small NGO on a poor connection:
// under 100 KB compressed with everything it loads, in Arabic and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, baseURL } from '../lib/browser.mjs';
import { assetsOf, encodedSize } from '../lib/weight.mjs';

const budget = 100 * 1024;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const lang of ['ar', 'en']) {
  test(`home page in ${lang} weighs under 100 KB compressed`, async () => {
    const context = await newContext(browser, lang);
    let urls;
    try {
      urls = await assetsOf(await context.newPage(), '/');
    } finally {
      await context.close();
    }
    assert.ok(urls.some((u) => u.endsWith('.css')), `the stylesheet is among ${urls}`);
    assert.ok(urls.some((u) => u.includes('favicon')), `the icon is among ${urls}`);
    const sizes = await Promise.all(urls.map((u) => encodedSize(u, lang)));
    for (const s of sizes) assert.equal(s.status, 200, `${s.url} answers 200`);
    const total = sizes.reduce((n, s) => n + s.bytes, 0);
    console.log(`home page (${lang}), gzip: ${total} bytes (${(total / 1024).toFixed(1)} KB) in ${sizes.length} responses`);
    console.table(sizes.map((s) => ({ resource: s.url.replace(baseURL, ''), type: s.type, encoding: s.encoding, bytes: s.bytes })));
    const document = sizes.find((s) => s.type === 'text/html');
    assert.equal(document?.encoding, 'gzip', 'the document is sent gzip-compressed');
    assert.ok(total < budget, `home page in ${lang} is ${total} bytes, over the ${budget}-byte budget`);
  });
}
