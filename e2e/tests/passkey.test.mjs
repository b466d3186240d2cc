// Passkeys with Chromium's virtual authenticator, in Arabic: under
// ACCORD_2FA=staff a coordinator who signs in is sent to the two-step
// page, adds a passkey there (the browser's own WebAuthn, through the
// page's script), sees the recovery codes, reaches the other pages; then
// signs out, signs in with the password and "Use a passkey", and lands
// signed in.
//
// WebAuthn refuses an IP address as relying party, and run.sh's shared
// server is reached at 127.0.0.1; this test starts its own server from
// the same binary, reached at http://localhost:PORT with ACCORD_BASE_URL
// saying so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext, watchErrors, direction } from '../lib/browser.mjs';
import { navHrefs } from '../lib/account.mjs';
import { startServer } from '../lib/server.mjs';

let browser, server;

/** demoPassword reads the printed password of a demo account from the server's output. */
function demoPassword(email) {
  const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = server.output().match(new RegExp(`^\\s*(\\S+)\\s+${escaped}\\s+(\\S+)`, 'm'));
  return line && line[2];
}

before(async () => {
  server = await startServer({
    name: 'passkey', host: 'localhost', args: ['--demo'],
    env: { ACCORD_EMAIL_VERIFICATION: 'false', ACCORD_2FA: 'staff' },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * signInWithPassword fills the sign-in form and waits until the page it
 * leads to has been committed: the waited-for element is on the new page.
 */
async function signInWithPassword(page, email, password, landsOn) {
  await page.goto('/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('form[action="/login"] button[type="submit"]');
  await page.locator(landsOn).first().waitFor({ state: 'visible' });
}

test('a staff member enrols a passkey and signs in with it, in Arabic', async () => {
  const email = 'coordinator.mena@demo.accord.example';
  const password = await server.waitFor('the demo passwords in the server output', () => demoPassword(email));
  const context = await newContext(browser, 'ar', { baseURL: server.base });
  try {
    const page = await context.newPage();
    const problems = watchErrors(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    // ACCORD_2FA=staff: the password alone leads only to the enrolment.
    await signInWithPassword(page, email, password, '.site-nav a[href="/account"]');
    await page.goto('/inbox');
    assert.equal(new URL(page.url()).pathname, '/account/two-step', 'a staff member without a second factor is sent to enrol');
    assert.deepEqual(await direction(page), { lang: 'ar', dir: 'rtl', bodyDirection: 'rtl' });

    // The script shows the form only where WebAuthn is there.
    const form = page.locator('form#passkey-add');
    await form.waitFor({ state: 'visible' });
    assert.equal(await page.locator('.passkey-unsupported').isVisible(), false);
    await page.fill('#f-passkey_name', 'حاسوب المكتب');
    await form.locator('button[type="submit"]').click();
    // The form's answer is a page: the codes are on it once it has come.
    await page.locator('.recovery-codes li').first().waitFor({ state: 'visible' });
    const codes = await page.locator('.recovery-codes li').count();
    assert.equal(codes, 10, 'ten recovery codes with the first second factor');
    assert.match(await page.locator('ul.passkeys').textContent(), /حاسوب المكتب/);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    assert.equal(credentials.length, 1, 'the virtual authenticator holds the new credential');

    // The rule is met: the other pages open.
    await page.goto('/inbox');
    assert.equal(new URL(page.url()).pathname, '/inbox');

    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('notice') === 'signed_out'),
      page.click('.site-nav form[action="/logout"] button'),
    ]);

    // Password, then the passkey.
    await signInWithPassword(page, email, password, 'form#passkey-login button[type="submit"]');
    const use = page.locator('form#passkey-login button[type="submit"]');
    assert.match(await use.textContent(), /مفتاح مرور/);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/'),
      use.click(),
    ]);
    const nav = await navHrefs(page);
    assert.ok(nav.includes('/account'), `signed in: ${nav}`);
    assert.ok(!nav.includes('/login'), `no sign-in link once signed in: ${nav}`);
    await page.goto('/inbox');
    assert.equal(new URL(page.url()).pathname, '/inbox', 'signed in with the passkey, the pages open');
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    assert.ok(after.credentials[0].signCount >= 1, 'the authenticator signed');

    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
