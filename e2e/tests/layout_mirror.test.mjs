// Right-to-left is more than an attribute: the header must actually mirror.
// In Arabic the brand sits on the right and the navigation runs from right
// to left; in English the reverse. Bounding boxes tell where things are.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, viewport } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function headerGeometry(page) {
  const box = async (selector) => {
    const b = await page.locator(selector).boundingBox();
    assert.ok(b, `${selector} is laid out`);
    return { left: b.x, right: b.x + b.width, center: b.x + b.width / 2 };
  };
  return {
    brand: await box('.site-header .brand'),
    switcher: await box('.site-header .lang-switcher'),
    firstNav: await box('.site-nav li:first-child'),
    lastNav: await box('.site-nav li:last-child'),
  };
}

for (const lang of ['ar', 'en']) {
  test(`header mirrors in ${lang}`, async () => {
    const context = await newContext(browser, lang);
    try {
      const page = await context.newPage();
      for (const path of ['/', '/directory', '/no-such-page']) {
        await page.goto(path);
        const g = await headerGeometry(page);
        const mid = viewport.width / 2;
        if (lang === 'ar') {
          assert.ok(g.brand.center > mid, `${path}: brand on the right half (center ${g.brand.center})`);
          assert.ok(g.switcher.center < mid, `${path}: language switcher on the left half`);
          assert.ok(g.firstNav.left > g.lastNav.right, `${path}: first nav item right of the last`);
          assert.ok(Math.abs(g.firstNav.right - g.brand.right) <= 2, `${path}: navigation starts under the brand's right edge (${g.firstNav.right} vs ${g.brand.right})`);
        } else {
          assert.ok(g.brand.center < mid, `${path}: brand on the left half (center ${g.brand.center})`);
          assert.ok(g.switcher.center > mid, `${path}: language switcher on the right half`);
          assert.ok(g.firstNav.right < g.lastNav.left, `${path}: first nav item left of the last`);
          assert.ok(Math.abs(g.firstNav.left - g.brand.left) <= 2, `${path}: navigation starts under the brand's left edge (${g.firstNav.left} vs ${g.brand.left})`);
        }
      }
    } finally {
      await context.close();
    }
  });
}
