// The secretariat imports a member list through the real pages, in
// Arabic: uploads a CSV with a BOM whose one row has an unknown country,
// sees the error by row and column, uploads the corrected file, ticks the
// box and applies it; the new member is in the public directory. Each
// page of the way passes axe's WCAG 2.1 A and AA rules and is right to
// left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, watchErrors, direction } from '../lib/browser.mjs';
import { signIn } from '../lib/account.mjs';
import { demoAccount } from '../lib/demo.mjs';
import { audit, describe } from '../lib/axe.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** assertAccessible fails on serious or critical axe violations. */
async function assertAccessible(page, where) {
  const { violations } = await audit(page);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.equal(bad.length, 0, `${where}:\n${describe(bad)}`);
}

/** csv writes rows as a spreadsheet saves "CSV UTF-8": a BOM and CRLF. */
const csv = (rows) => Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');

test('the secretariat imports a member list, in Arabic', async () => {
  const secretariat = await demoAccount('secretariat@demo.accord.example');
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `مرصد النزاهة ${unique}`;
  const nameEN = `Integrity Observatory ${unique}`;
  const list = (country) => csv([
    ['الاسم', 'الاسم بالإنجليزية', 'البلد', 'المدينة'],
    [name, nameEN, country, 'تونس'],
  ]);
  const context = await newContext(browser, 'ar');
  const page = await context.newPage();
  const problems = watchErrors(page);
  try {
    await signIn(page, secretariat);
    await page.goto('/members/imports?lang=ar');
    assert.deepEqual(await direction(page), { lang: 'ar', dir: 'rtl', bodyDirection: 'rtl' }, 'the upload page is right to left');
    await assertAccessible(page, 'upload page');

    await page.setInputFiles('#f-file', { name: 'الأعضاء.csv', mimeType: 'text/csv', buffer: list('أطلانطس') });
    await Promise.all([page.waitForURL((u) => /^\/members\/imports\/[0-9a-f-]{36}$/.test(u.pathname)), page.click('form[action="/members/imports"] button[type="submit"]')]);
    const errors = await page.locator('#row-errors ~ table tbody tr, section[aria-labelledby="row-errors"] tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(errors.slice(0, 2), ['2', 'البلد'], 'the error is at row 2, column country');
    await assertAccessible(page, 'preview with an error');

    await page.goto('/members/imports');
    await page.setInputFiles('#f-file', { name: 'الأعضاء.csv', mimeType: 'text/csv', buffer: list('تونس') });
    await Promise.all([page.waitForURL((u) => /^\/members\/imports\/[0-9a-f-]{36}$/.test(u.pathname)), page.click('form[action="/members/imports"] button[type="submit"]')]);
    await assertAccessible(page, 'preview ready to apply');
    const apply = page.locator('form.action-form:has(input[name="event"][value="apply"])');
    await apply.locator('input[name="confirm"]').check();
    await Promise.all([page.waitForURL((u) => u.searchParams.get('notice') === 'event_done'), apply.locator('button[type="submit"]').click()]);
    assert.match(await page.locator('#result ~ p[role="status"]').textContent(), /واحد/, 'the result says one member was created');
    await assertAccessible(page, 'result');

    await page.goto(`/directory?q=${encodeURIComponent(nameEN)}`);
    assert.equal(await page.locator('.cards .card').count(), 1, 'the new member is in the directory');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
