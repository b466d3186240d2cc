// A new applicant's first visit, in Arabic: register, sign in, see the
// signed-in navigation, change language with the switcher, sign out. And a
// name made of markup is shown as text, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, watchErrors, direction } from '../lib/browser.mjs';
import { newApplicant, register, signIn, navHrefs } from '../lib/account.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('register, sign in, switch language and sign out, in Arabic', async () => {
  const context = await newContext(browser, 'ar');
  try {
    const page = await context.newPage();
    const problems = watchErrors(page);
    const who = newApplicant('سلمى الحداد');

    await register(page, who);
    assert.equal((await direction(page)).lang, 'ar', 'the sign-in page after registering is Arabic');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('notice'), 'registered');
    const notice = await page.locator('main .notice').textContent();
    assert.match(notice, /[\u0600-\u06FF]/, `the notice is in Arabic: ${notice}`);

    await signIn(page, who);
    const signedIn = await navHrefs(page);
    assert.ok(signedIn.includes('/inbox'), `inbox in the navigation: ${signedIn}`);
    assert.ok(signedIn.includes('/account'), `account in the navigation: ${signedIn}`);
    assert.ok(!signedIn.includes('/login'), `no sign-in link once signed in: ${signedIn}`);
    assert.equal(await page.locator('.site-nav form[action="/logout"] button').count(), 1, 'a sign-out button');
    assert.deepEqual(await direction(page), { lang: 'ar', dir: 'rtl', bodyDirection: 'rtl' });

    await page.goto('/account');
    assert.equal((await page.locator('main dd[dir="auto"]').first().textContent()).trim(), who.name);

    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('lang') === 'en'),
      page.click('.lang-switcher a[hreflang="en"]'),
    ]);
    assert.deepEqual(await direction(page), { lang: 'en', dir: 'ltr', bodyDirection: 'ltr' }, 'English after the switcher');
    assert.equal(new URL(page.url()).pathname, '/account', 'the switcher keeps the page');
    assert.match(await page.locator('.site-nav a[href="/inbox"]').textContent(), /Inbox/);
    assert.equal(await page.locator('.lang-switcher a[aria-current]').getAttribute('hreflang'), 'en');

    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('notice') === 'signed_out'),
      page.click('.site-nav form[action="/logout"] button'),
    ]);
    const signedOut = await navHrefs(page);
    assert.ok(signedOut.includes('/login'), `sign-in link after signing out: ${signedOut}`);
    assert.ok(!signedOut.includes('/inbox'), `no inbox after signing out: ${signedOut}`);
    await page.goto('/account');
    assert.equal(new URL(page.url()).pathname, '/login', 'the account page asks to sign in again');

    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a name made of markup is shown as text and never runs', async () => {
  const context = await newContext(browser, 'ar');
  try {
    const page = await context.newPage();
    const problems = watchErrors(page);
    const hostile = '<script>alert(1)</script>';
    const who = newApplicant(hostile);

    await register(page, who);
    await signIn(page, who);
    for (const path of ['/account', '/inbox', '/']) {
      await page.goto(path);
      assert.equal(await page.locator('main script, main img, main iframe').count(), 0, `${path}: no element made from the name`);
    }
    await page.goto('/account');
    const shown = await page.locator('main dd[dir="auto"]').first().textContent();
    assert.equal(shown.trim(), hostile, 'the name reads exactly as typed');
    assert.ok((await page.content()).includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the name is escaped in the markup');

    assert.deepEqual(problems, [], 'no dialog, page error or console error');
  } finally {
    await context.close();
  }
});
