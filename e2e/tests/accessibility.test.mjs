// axe-core's WCAG 2.1 A and AA rules on every public page, in Arabic and
// English. Serious and critical violations fail the test; every count is
// printed so that the minor ones stay in sight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, publicPages } from '../lib/browser.mjs';
import { audit, countByImpact, describe } from '../lib/axe.mjs';

let browser;
const rows = [];
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  if (rows.length > 0) {
    console.log('axe-core 4.14.1, WCAG 2.1 A+AA: rules violated, by impact (and rules to review by hand)');
    console.table(rows);
  }
});

for (const lang of ['ar', 'en']) {
  test(`axe finds no serious or critical violation in ${lang}`, async () => {
    const context = await newContext(browser, lang);
    const failures = [];
    try {
      const page = await context.newPage();
      for (const p of publicPages) {
        await page.goto(p.path);
        const result = await audit(page);
        const counts = countByImpact(result.violations);
        rows.push({ page: p.name, lang, ...counts, review: result.incomplete.length });
        if (counts.serious + counts.critical > 0) {
          failures.push(`${p.path} (${lang}):\n${describe(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))}`);
        }
        if (result.violations.length > 0) {
          console.log(`${p.path} (${lang}) violations:\n${describe(result.violations)}`);
        }
      }
    } finally {
      await context.close();
    }
    assert.equal(failures.length, 0, `serious or critical violations:\n${failures.join('\n')}`);
  });
}

// The audit itself must be able to fail: on a page with an unlabelled
// field and an image without text, axe has to report them.
test('axe reports violations where there are some', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"><input type="text"></main></html>');
    const ids = (await audit(page)).violations.map((v) => v.id);
    assert.ok(ids.includes('image-alt') && ids.includes('label'), `image-alt and label reported: ${ids}`);
  } finally {
    await context.close();
  }
});
