// The door without the network (docs/domain.md, "Delegates"): door staff
// open their door page, lose the network, check badges in by typing their
// codes and tokens — green, amber for one already in, red for a forgery —
// and the check-ins reach the server with their scan times when the
// network returns. Two doors offline at once, scanning the same badge,
// make one check-in and one reported duplicate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { baseURL, launchBrowser, newContext, watchErrors } from '../lib/browser.mjs';
import { demoAccount } from '../lib/demo.mjs';
import { signIn } from '../lib/account.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function api(token, method, path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(`${baseURL}/api/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  let json = text;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, body: json };
}

async function want(call, status) {
  const r = await call;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

async function login(email, password) {
  return (await want(api(null, 'POST', '/auth/login', { email, password }), 200)).access_token;
}

async function fire(token, path, event) {
  const { version } = await want(api(token, 'GET', path), 200);
  return want(api(token, 'POST', `${path}/transitions`, { event, version }), 200);
}

/** A conference of its own with four issued badges, and two door accounts. */
async function setUp() {
  const secAccount = await demoAccount('secretariat@demo.accord.example');
  const ngoAccount = await demoAccount('ngo@demo.accord.example');
  const sec = await login(secAccount.email, secAccount.password);
  const ngo = await login(ngoAccount.email, ngoAccount.password);
  const day = (d) => new Date(Date.now() + d * 86400e3).toISOString().slice(0, 10);
  const code = `DOOR-${Date.now().toString(36)}`;
  const conf = await want(api(sec, 'POST', '/conferences', {
    code, title: `Door drill ${code}`, venue: 'Vienna International Centre',
    starts_on: day(120), ends_on: day(122),
    accreditation_opens_at: new Date(Date.now() - 3600e3).toISOString(),
    accreditation_closes_at: new Date(Date.now() + 60 * 86400e3).toISOString(),
    nomination_cutoff_at: new Date(Date.now() + 100 * 86400e3).toISOString(),
    max_delegates: 4, objection_period_days: 30,
  }), 201);
  const me = await want(api(ngo, 'GET', '/me'), 200);
  const req = await want(api(ngo, 'POST', `/conferences/${conf.id}/accreditation-requests`, {
    organization_id: me.organization_id, ecosoc_status: 'special', motivation: 'We monitor the Convention.',
  }), 201);
  await fire(ngo, `/accreditation-requests/${req.id}`, 'submit');
  await fire(sec, `/accreditation-requests/${req.id}`, 'admit_ecosoc');
  const badges = [];
  for (const given of ['Amal', 'Karim', 'Salma', 'Omar']) {
    const d = await want(api(ngo, 'POST', `/accreditation-requests/${req.id}/delegates`, {
      given_name: given, family_name: 'Haddad', nationality: 'EG', email: `${given.toLowerCase()}@ngo.example`,
    }), 201);
    await fire(sec, `/delegates/${d.id}`, 'confirm');
    await fire(sec, `/delegates/${d.id}`, 'issue_badge');
    const badge = await want(api(sec, 'GET', `/delegates/${d.id}/badge`), 200);
    badges.push({ id: d.id, name: given, code: badge.code, token: badge.token });
  }
  const doors = [];
  for (const hall of ['a', 'b']) {
    const email = `door-${hall}-${code.toLowerCase()}@example.org`;
    const created = await want(api(sec, 'POST', '/users', { email, name: `Hall ${hall}`, role: 'door', conference_id: conf.id }), 201);
    const password = `long enough password ${code}`;
    const token = created.invitation.url.split('/').pop();
    await want(api(null, 'POST', '/auth/accept-invitation', { token, password }), 204);
    doors.push({ email, password });
  }
  return { sec, conf, badges, doors };
}

async function openDoor(who) {
  const context = await newContext(browser, 'en');
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, who);
  await page.goto('/door/');
  await page.waitForSelector('#door[data-ready="true"]');
  // The service worker has kept the page, its scripts and the bundle.
  assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.active))), true);
  return { context, page, problems };
}

async function scan(page, text) {
  const before = await page.locator('#door-result').getAttribute('data-seq');
  await page.fill('#door-scan', text);
  await page.press('#door-scan', 'Enter');
  await page.waitForFunction((b) => document.getElementById('door-result').dataset.seq !== b, before);
  const box = page.locator('#door-result');
  return {
    result: await box.getAttribute('data-result'),
    className: await box.getAttribute('class'),
    colour: await box.evaluate((e) => getComputedStyle(e).backgroundColor),
    name: (await page.locator('#door-name').textContent()).trim(),
  };
}

// Chromium logs a request refused for want of a network as a console
// error; that is the test's doing, not the page's.
const offlineNoise = (problems) => problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p));

const waitSynced = (page) => page.waitForFunction(
  () => document.getElementById('door-queue').textContent === '0', null, { timeout: 30000 });

test('a door checks badges in offline and syncs when the network returns; two doors admit a badge once', async () => {
  const { sec, badges, doors } = await setUp();
  const [amal, karim, salma, omar] = badges;
  const hallA = await openDoor(doors[0]);
  const { context, page } = hallA;
  try {
    await context.setOffline(true);
    // The page itself opens from the service worker's cache.
    await page.reload();
    await page.waitForSelector('#door[data-ready="true"]');
    // So is the QR decoder for browsers without BarcodeDetector.
    assert.equal(await page.evaluate(() => fetch(document.getElementById('door').dataset.jsqr)
      .then((r) => r.text()).then((t) => t.includes('jsQR'))), true);
    const offlineAt = Date.now();

    const first = await scan(page, amal.code.toLowerCase());
    assert.equal(first.result, 'ok', JSON.stringify(first));
    assert.match(first.className, /scan-ok/);
    assert.equal(first.name, 'Amal Haddad');
    const second = await scan(page, karim.token);
    assert.equal(second.result, 'ok', JSON.stringify(second));
    const again = await scan(page, amal.token);
    assert.equal(again.result, 'warn', 'the same badge again is amber');
    assert.match(again.className, /scan-warn/);
    const forged = karim.token.slice(0, -6) + (karim.token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    const refused = await scan(page, forged);
    assert.equal(refused.result, 'bad', 'a forged token is red');
    assert.match(refused.className, /scan-bad/);
    assert.notEqual(first.colour, again.colour);
    assert.notEqual(first.colour, refused.colour);
    assert.notEqual(again.colour, refused.colour);
    assert.equal(await page.locator('#door-queue').textContent(), '2');
    assert.equal(await page.locator('#door-checked').textContent(), '2');
    assert.equal(await page.locator('#door-expected').textContent(), '4');

    // Nothing has reached the server yet.
    for (const b of [amal, karim]) {
      assert.equal((await want(api(sec, 'GET', `/delegates/${b.id}`), 200)).state, 'badge_issued');
    }
    const onlineAt = Date.now();
    await context.setOffline(false);
    await waitSynced(page);
    for (const b of [amal, karim]) {
      const d = await want(api(sec, 'GET', `/delegates/${b.id}`), 200);
      assert.equal(d.state, 'checked_in', `${b.name} is checked in`);
      const at = Date.parse(d.checked_in_at);
      assert.ok(at >= offlineAt - 1000 && at <= onlineAt, `${b.name} checked in at the scan's time ${d.checked_in_at}`);
    }
    assert.equal((await want(api(sec, 'GET', `/delegates/${salma.id}`), 200)).state, 'badge_issued');

    // Two doors, both offline, see Omar.
    const hallB = await openDoor(doors[1]);
    try {
      await context.setOffline(true);
      await hallB.context.setOffline(true);
      assert.equal((await scan(page, omar.code)).result, 'ok');
      assert.equal((await scan(hallB.page, omar.token)).result, 'ok');
      await context.setOffline(false);
      await waitSynced(page);
      await hallB.context.setOffline(false);
      await waitSynced(hallB.page);
      await hallB.page.waitForSelector('#door-duplicates li');
      assert.equal(await hallB.page.locator('#door-duplicates li').count(), 1, 'hall B is told of its duplicate');
      assert.equal(await page.locator('#door-duplicates li').count(), 0, 'hall A made the check-in');
      assert.match(await hallB.page.locator('#door-duplicates li').textContent(), /Omar Haddad/);
      const d = await want(api(sec, 'GET', `/delegates/${omar.id}`), 200);
      assert.equal(d.state, 'checked_in');
      assert.deepEqual(offlineNoise(hallB.problems), []);
    } finally {
      await hallB.context.close();
    }
    assert.deepEqual(offlineNoise(hallA.problems), []);
  } finally {
    await context.close();
  }
});
