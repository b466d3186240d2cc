// The secretariat's desk, in Arabic, through the real pages: from the
// demo conference's page the secretariat reaches an organisation's
// request in two clicks; on the participants list it filters the
// nominated delegates, ticks ten, reviews the page that lists what will
// happen, and confirms all ten in one action; then issues the ten their
// badges in a second action and prints them as a PDF from the dashboard.
// Every page is right to left, no passport number shows, and nothing runs
// script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { launchBrowser, newContext, watchErrors, direction } from '../lib/browser.mjs';
import { signIn } from '../lib/account.mjs';
import { demoAccount } from '../lib/demo.mjs';

const arabic = JSON.parse(await readFile(new URL('../../web/i18n/ar.json', import.meta.url), 'utf8'));

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function assertRtl(page, where) {
  assert.deepEqual(await direction(page), { lang: 'ar', dir: 'rtl', bodyDirection: 'rtl' }, `${where} is Arabic, right to left`);
}

/** clickTo clicks and waits for the address it leads to. */
async function clickTo(page, locator, pathname) {
  await Promise.all([
    page.waitForURL((u) => (pathname instanceof RegExp ? pathname.test(u.pathname) : u.pathname === pathname)),
    locator.click(),
  ]);
}

const givenNames = ['Ahmed', 'Mona', 'Karim', 'Nour', 'Yasmine', 'Omar', 'Wanjiru', 'Otieno', 'Amani', 'Baraka', 'Zawadi', 'Juma'];

test('the secretariat finds a request, filters the participants, confirms ten at once, badges them and prints the badges, in Arabic', async () => {
  const secretariat = await demoAccount('secretariat@demo.accord.example');
  const context = await newContext(browser, 'ar');
  const page = await context.newPage();
  const problems = watchErrors(page);
  try {
    await page.goto('/login?lang=ar');
    await signIn(page, secretariat);

    // Two clicks from the conference page to the Egyptian organisation's request.
    await page.goto('/conferences/CoSP11');
    await assertRtl(page, 'the conference page');
    await clickTo(page, page.getByRole('link', { name: arabic['desk.requests_link'], exact: true }), '/conferences/CoSP11/requests');
    await assertRtl(page, 'the requests list');
    await clickTo(page, page.getByRole('link', { name: 'الجمعية المصرية للشفافية' }), /^\/accreditation-requests\/[0-9a-f-]{36}$/);
    await assertRtl(page, 'the request page');
    assert.match(await page.locator('#main').innerText(), /الجمعية المصرية للشفافية/);

    // The accredited organisation on the conference page links to its request too.
    const requestURL = new URL(page.url()).pathname;
    await page.goto('/conferences/CoSP11');
    assert.equal(await page.locator(`a[href="${requestURL}"]`).count(), 1, 'the accredited organisation links to its request');

    // The participants, filtered to those nominated.
    await clickTo(page, page.getByRole('link', { name: arabic['desk.participants_link'], exact: true }), '/conferences/CoSP11/participants');
    await assertRtl(page, 'the participants list');
    await page.selectOption('#f-state', 'nominated');
    await clickTo(page, page.locator('form[role="search"] button[type="submit"]'), '/conferences/CoSP11/participants');
    assert.equal(new URL(page.url()).searchParams.get('state'), 'nominated');
    const boxes = page.locator('input[type="checkbox"][name="item"]');
    assert.equal(await boxes.count(), 12, 'the demo\'s twelve nominated delegates are listed');
    assert.doesNotMatch(await page.content(), /passport_number/);

    // A search by name, in Arabic, finds the one delegate.
    await page.fill('#f-q', 'عبد الرحمن');
    await clickTo(page, page.locator('form[role="search"] button[type="submit"]'), '/conferences/CoSP11/participants');
    assert.equal(await boxes.count(), 1, 'one delegate is named Abdel-Rahman');
    await page.fill('#f-q', '');
    await clickTo(page, page.locator('form[role="search"] button[type="submit"]'), '/conferences/CoSP11/participants');

    // Tick ten, choose the action, review, confirm.
    for (let i = 0; i < 10; i++) await boxes.nth(i).check();
    await page.selectOption('#f-bulk-event', 'confirm');
    await clickTo(page, page.locator('form.desk-bulk button[type="submit"]'), '/conferences/CoSP11/participants/bulk');
    await assertRtl(page, 'the review page');
    assert.equal(await page.locator('ul.desk-items li').count(), 10, 'the review lists the ten delegates');
    await clickTo(page, page.locator('form:has(input[name="confirmed"]) button[type="submit"]'), '/conferences/CoSP11/participants/bulk');
    assert.equal(await page.locator('li.desk-done').count(), 10, 'all ten confirmed');
    assert.equal(await page.locator('li.desk-refused').count(), 0, 'none refused');

    // Back on the list, ten are confirmed and two still wait.
    await clickTo(page, page.getByRole('link', { name: arabic['desk.back_to_list'] }), '/conferences/CoSP11/participants');
    await page.goto('/conferences/CoSP11/participants?state=confirmed');
    assert.equal(await boxes.count(), 10, 'the list shows ten confirmed delegates');
    await page.goto('/conferences/CoSP11/participants?state=nominated');
    assert.equal(await boxes.count(), 2, 'two are still nominated');

    // The ten confirmed get their badges in one action too.
    await page.goto('/conferences/CoSP11/participants?state=confirmed');
    for (let i = 0; i < 10; i++) await boxes.nth(i).check();
    await page.selectOption('#f-bulk-event', 'issue_badge');
    await clickTo(page, page.locator('form.desk-bulk button[type="submit"]'), '/conferences/CoSP11/participants/bulk');
    assert.equal(await page.locator('ul.desk-items li').count(), 10, 'the review lists the ten to badge');
    await clickTo(page, page.locator('form:has(input[name="confirmed"]) button[type="submit"]'), '/conferences/CoSP11/participants/bulk');
    assert.equal(await page.locator('li.desk-done').count(), 10, 'all ten badged');
    assert.equal(await page.locator('li.desk-refused').count(), 0, 'none refused');

    // And prints them: the badge list as PDF from the dashboard's export form.
    await page.goto('/dashboard');
    await assertRtl(page, 'the dashboard');
    const exportForm = page.locator('form[action="/exports/conferences/CoSP11"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportForm.locator('button[name="file"][value="badges.pdf"]').click(),
    ]);
    const pdf = await readFile(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the badges come as a PDF');
    const { stdout: text } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', await download.path(), '-']);
    const printed = givenNames.filter((n) => text.includes(n));
    assert.equal(printed.length, 10, `ten badges printed, found ${printed.join(', ')}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
