// The README's quick start as a newcomer meets it: a server with email
// verification on (the default) and no SMTP. They register in the
// browser, copy the verification link from the server's output, confirm
// their address and sign in. run.sh's shared server turns verification
// off for the other tests; this one starts its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, watchErrors } from '../lib/browser.mjs';
import { newApplicant, register, signIn, navHrefs } from '../lib/account.mjs';
import { startServer } from '../lib/server.mjs';

let browser, server;

before(async () => {
  // Verification on and no SMTP: the defaults a newcomer starts with.
  server = await startServer({ name: 'verify', env: { ACCORD_EMAIL_VERIFICATION: undefined } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('register, follow the link from the server output, sign in: verification on', async () => {
  const context = await newContext(browser, 'en', { baseURL: server.base });
  try {
    const page = await context.newPage();
    const problems = watchErrors(page);
    const who = newApplicant('Kofi Mensah');

    await register(page, who);
    assert.equal(new URL(page.url()).searchParams.get('notice'), 'registered_verify');

    // Not yet: the address is unconfirmed, and the form says so (403,
    // which Chromium also logs as a console error: expected here).
    await page.fill('#f-email', who.email);
    await page.fill('#f-password', who.password);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
      page.click('form[action="/login"] button[type="submit"]'),
    ]);
    assert.equal(refused.status(), 403, 'signed in before confirming the address');
    // Chromium may log that 403 only after the response event: let the
    // refused page load before forgetting it.
    await page.waitForLoadState('load');
    problems.length = 0;

    // The outbox writes the whole message, link included, to the log.
    const link = await server.waitFor('the verification link in the server output', () => {
      const m = server.output().match(/https?:\/\/[^\s"\\]+\/verify-email\?token=[A-Za-z0-9_-]+/);
      return m && m[0];
    });
    assert.ok(link.startsWith(server.base), `the link points at the server: ${link}`);
    await page.goto(link);
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('notice') === 'email_verified'),
      page.click('form[action="/verify-email"] button[type="submit"]'),
    ]);

    await signIn(page, who);
    const nav = await navHrefs(page);
    assert.ok(nav.includes('/account'), `signed in: ${nav}`);
    // The expected 403 above, should its console line still come late, is
    // the only one forgiven.
    assert.deepEqual(problems.filter((p, i) => !(i === 0 && /status of 403/.test(p))), []);
  } finally {
    await context.close();
  }
});
