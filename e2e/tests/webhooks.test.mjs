// The operator's webhook pages, in Arabic and English: the subscription
// list with its form, the form sent back with its errors, a subscription
// added and its delivery log. axe-core finds no serious or critical
// violation on any of them, and nothing on the way throws or logs an
// error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, watchErrors, direction } from '../lib/browser.mjs';
import { signIn } from '../lib/account.mjs';
import { demoAccount } from '../lib/demo.mjs';
import { audit, describe } from '../lib/axe.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function assertAccessible(page, where) {
  const result = await audit(page);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.equal(bad.length, 0, `${where}: serious or critical violations:\n${describe(bad)}`);
}

for (const lang of ['ar', 'en']) {
  test(`the operator manages webhooks on accessible pages in ${lang}`, async () => {
    const admin = await demoAccount('admin@demo.accord.example');
    const context = await newContext(browser, lang);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await signIn(page, admin);
      await page.goto(`/webhooks?lang=${lang}`);
      assert.equal((await direction(page)).dir, lang === 'ar' ? 'rtl' : 'ltr');
      await assertAccessible(page, `/webhooks (${lang})`);

      // A secret too short comes back beside its field.
      await page.fill('#f-webhook_url', `https://crm-${lang}.example.org/accord`);
      await page.check('input[name="webhook_events"][value="membership_application.approved"]');
      await page.fill('#f-webhook_secret', 'short');
      await page.locator('form[action="/webhooks"] button[type="submit"]').click();
      await page.waitForSelector('#f-webhook_secret-error');
      assert.equal(await page.getAttribute('#f-webhook_secret', 'aria-invalid'), 'true');
      await assertAccessible(page, `/webhooks with errors (${lang})`);

      await page.fill('#f-webhook_secret', 'a-long-enough-shared-secret');
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/webhooks' && u.searchParams.get('notice') === 'webhook_added'),
        page.locator('form[action="/webhooks"] button[type="submit"]').click(),
      ]);
      const row = page.locator('tr', { hasText: `https://crm-${lang}.example.org/accord` });
      await Promise.all([
        page.waitForURL((u) => /^\/webhooks\/[0-9a-f-]{36}$/.test(u.pathname)),
        row.locator('a').click(),
      ]);
      await assertAccessible(page, `delivery log (${lang})`);
      // The form sent back with its errors answers 422 on purpose, which
      // Chromium logs as a failed resource; anything else is a fault.
      const faults = errors.filter((e) => !e.includes('status of 422'));
      assert.deepEqual(faults, [], `no errors on the way: ${faults.join('; ')}`);
    } finally {
      await context.close();
    }
  });
}
