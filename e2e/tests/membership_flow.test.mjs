// One membership application from registration to approval, in Arabic,
// through the real pages: a new applicant describes a Tunisian
// organisation, applies with its three documents and submits; the MENA
// coordinator claims the application from the queue, asks a question and
// leaves an internal note; the applicant answers; the coordinator
// approves. The applicant then sees the approval, its membership and a
// timeline of public events only, and the organisation is listed in the
// public directory. Every page on the way is right to left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { launchBrowser, newContext, watchErrors, direction } from '../lib/browser.mjs';
import { newApplicant, register, signIn } from '../lib/account.mjs';
import { demoAccount } from '../lib/demo.mjs';
import { tinyPDF } from '../lib/pdf.mjs';

const arabic = JSON.parse(await readFile(new URL('../../web/i18n/ar.json', import.meta.url), 'utf8'));

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** toArabicDigits writes a number in Arabic-Indic digits, as an Arabic keyboard types it. */
const toArabicDigits = (n) => String(n).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]);

/** assertRtl checks the page is Arabic and really lays out right to left. */
async function assertRtl(page, where) {
  assert.deepEqual(await direction(page), { lang: 'ar', dir: 'rtl', bodyDirection: 'rtl' }, `${where} is Arabic, right to left`);
}

/** submitAndWait presses a form's button and waits for the page it leads to. */
async function submitAndWait(page, button, pathname, notice) {
  await Promise.all([
    page.waitForURL((u) => (pathname instanceof RegExp ? pathname.test(u.pathname) : u.pathname === pathname) &&
      (notice === undefined || u.searchParams.get('notice') === notice)),
    page.locator(button).click(),
  ]);
}

/** actionButton is the button of the form that fires event on the page. */
const actionButton = (event) => `form.action-form:has(input[name="event"][value="${event}"]) button[type="submit"]`;

/** state reads the application's state badge. */
const stateOf = (page) => page.locator('.facts .status').first().getAttribute('class');

/** timelineEvents names the timeline's entries by event, from their Arabic labels. */
async function timelineEvents(page) {
  const byLabel = new Map(Object.entries(arabic)
    .filter(([k]) => k.startsWith('event.'))
    .map(([k, v]) => [v, k.slice('event.'.length)]));
  const labels = await page.locator('.timeline .timeline-head strong').allTextContents();
  return labels.map((l) => byLabel.get(l.trim()) ?? `unknown: ${l.trim()}`);
}

test('one membership application from registration to approval, in Arabic', async () => {
  const coordinator = await demoAccount('coordinator.mena@demo.accord.example');
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const serial = Math.floor(Math.random() * 9000) + 1000;
  const org = {
    name: `جمعية رقابة المال العام ${toArabicDigits(serial)}`,
    nameEN: `Public Funds Watch Association ${unique}`,
    acronym: 'رمع',
    city: 'صفاقس',
    registration: `TN-${unique}`,
    authority: 'الكتابة العامة للحكومة',
    email: `contact-${unique.toLowerCase()}@watch.example.org`,
    website: `watch-${unique.toLowerCase()}.example.org`,
    areas: 'الشفافية في الميزانية، النفاذ إلى المعلومة',
  };
  const motivation = 'نراقب صرف المال العمومي في البلديات منذ عشر سنوات، ونرغب في الانضمام إلى التحالف لتبادل الخبرات.';
  const question = 'يُرجى توضيح مصادر تمويل الجمعية خلال السنتين الأخيرتين.';
  const answer = 'تموَّل الجمعية من اشتراكات أعضائها ومن منحة واحدة من مؤسسة خاصة، والبيان المالي مرفق.';
  const note = `ملاحظة داخلية ${unique}: اتصلتُ بجهة التسجيل وتأكدت من الرقم.`;
  const welcome = 'مرحبًا بكم في التحالف.';

  const applicantContext = await newContext(browser, 'ar');
  const coordinatorContext = await newContext(browser, 'ar');
  const publicContext = await newContext(browser, 'ar');
  try {
    const applicant = await applicantContext.newPage();
    const applicantProblems = watchErrors(applicant);
    const staff = await coordinatorContext.newPage();
    const staffProblems = watchErrors(staff);

    // The applicant registers and signs in, Arabic chosen by ?lang=ar.
    const who = newApplicant('ليلى بن صالح');
    await applicant.goto('/register?lang=ar');
    await assertRtl(applicant, '/register');
    await register(applicant, who);
    await signIn(applicant, who);

    // Without an organisation, "my application" leads to describing it.
    await applicant.goto('/application');
    assert.equal(new URL(applicant.url()).pathname, '/organization', 'an applicant without an organisation is sent to describe it');
    await assertRtl(applicant, '/organization');
    await applicant.fill('#f-org_name', org.name);
    await applicant.fill('#f-org_name_en', org.nameEN);
    await applicant.fill('#f-org_acronym', org.acronym);
    await applicant.fill('#f-org_year_founded', toArabicDigits(2014));
    await applicant.selectOption('#f-org_country', 'TN');
    await applicant.fill('#f-org_city', org.city);
    await applicant.fill('#f-org_registration_number', org.registration);
    await applicant.fill('#f-org_registration_authority', org.authority);
    await applicant.fill('#f-org_email', org.email);
    await applicant.fill('#f-org_website', org.website);
    await applicant.fill('#f-org_areas', org.areas);
    await applicant.check('input[name="org_uncac_chapters"][value="II"]');
    await applicant.check('input[name="org_uncac_chapters"][value="V"]');
    for (const d of ['non_profit', 'independent_of_government', 'not_political_party', 'adheres_to_values']) {
      await applicant.check(`#f-org_${d}`);
    }
    await submitAndWait(applicant, 'form[action="/organization"] button[type="submit"]', '/application', 'organization_created');

    // The application starts with its motivation.
    await assertRtl(applicant, '/application');
    await applicant.fill('#f-motivation', motivation);
    await submitAndWait(applicant, 'form[action="/applications"] button[type="submit"]', /^\/applications\/[^/]+$/, 'application_started');
    const appPath = new URL(applicant.url()).pathname;
    await assertRtl(applicant, appPath);
    assert.match(await stateOf(applicant), /status-draft/, 'a new application is a draft');
    assert.equal(await applicant.locator('.checklist li.check-todo').count(), 3, 'three required documents still missing');

    // The three required documents, one with an Arabic file name.
    const documents = [
      { kind: 'statutes', name: 'النظام-الأساسي.pdf', text: 'Statutes' },
      { kind: 'registration', name: 'registration-certificate.pdf', text: 'Registration certificate' },
      { kind: 'report', name: 'activity-report-2025.pdf', text: 'Activity report 2025' },
    ];
    // A 12 MB file is refused before it is sent, in Arabic, beside its field.
    let sentBig = false;
    const watchPosts = (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === `${appPath}/documents`) sentBig = true;
    };
    applicant.on('request', watchPosts);
    await applicant.selectOption('#f-kind', 'statutes');
    await applicant.setInputFiles('#f-file', { name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(12 << 20) });
    await applicant.locator(`form[action="${appPath}/documents"] button[type="submit"]`).click();
    await applicant.locator('#f-file-error').waitFor();
    assert.equal((await applicant.locator('#f-file-error').textContent()).trim(), arabic['err.file_too_large'], 'the refusal names the size');
    assert.equal(sentBig, false, 'the 12 MB file was not sent');
    applicant.off('request', watchPosts);

    for (const doc of documents) {
      await applicant.selectOption('#f-kind', doc.kind);
      await applicant.setInputFiles('#f-file', { name: doc.name, mimeType: 'application/pdf', buffer: tinyPDF(doc.text) });
      // The page's script sends the file itself, showing its progress, and
      // then loads the page the server sends it to: wait for that load,
      // since the address may already carry the notice of the last upload.
      await Promise.all([
        applicant.waitForEvent('load'),
        applicant.locator(`form[action="${appPath}/documents"] button[type="submit"]`).click(),
      ]);
      assert.equal(new URL(applicant.url()).searchParams.get('notice'), 'document_added', `${doc.name} added`);
    }
    assert.equal(await applicant.locator('.checklist li.check-done').count(), 3, 'the three required documents are attached');
    const filenames = (await applicant.locator('ul.documents a').allTextContents()).map((s) => s.trim());
    assert.deepEqual(filenames.toSorted(), documents.map((d) => d.name).toSorted(), 'the documents listed by their names');

    await submitAndWait(applicant, actionButton('submit'), appPath, 'event_submit');
    assert.match(await stateOf(applicant), /status-submitted/, 'submitted');

    // The MENA coordinator signs in, in Arabic, and finds it in the queue.
    await staff.goto('/login?lang=ar');
    await signIn(staff, coordinator);
    await staff.goto('/review');
    await assertRtl(staff, '/review');
    await staff.fill('#f-q', org.name);
    await submitAndWait(staff, 'form[action="/review"] button[type="submit"]', '/review');
    const row = staff.locator('table.queue tbody tr', { has: staff.locator(`a[href="${appPath}"]`) });
    assert.equal(await row.count(), 1, `the application is in the coordinator's queue: ${await staff.locator('main').innerText()}`);
    assert.equal((await row.locator('a').textContent()).trim(), org.name, 'listed by its Arabic name');
    assert.match(await row.locator('.status').last().getAttribute('class'), /status-submitted/);
    await Promise.all([staff.waitForURL((u) => u.pathname === appPath), row.locator(`a[href="${appPath}"]`).click()]);
    await assertRtl(staff, `${appPath} (review)`);
    assert.equal((await staff.locator('main blockquote.comment').first().textContent()).trim(), motivation, 'the reviewer reads the motivation');

    await submitAndWait(staff, actionButton('claim'), appPath, 'event_claim');
    assert.match(await stateOf(staff), /status-under_review/, 'claimed');

    await staff.fill('#f-request_info_comment', question);
    await submitAndWait(staff, actionButton('request_info'), appPath);
    assert.match(await stateOf(staff), /status-info_requested/, 'information requested');

    await staff.fill('#f-note_text', note);
    await submitAndWait(staff, `form[action="${appPath}/notes"] button[type="submit"]`, appPath, 'note_added');
    assert.ok((await staff.locator('.timeline-internal').allTextContents()).some((t) => t.includes(note)), 'the reviewer sees the note, marked internal');

    // The applicant reads the question and answers, with a statement.
    await applicant.goto(appPath);
    await assertRtl(applicant, `${appPath} (asked)`);
    assert.match(await stateOf(applicant), /status-info_requested/);
    assert.equal((await applicant.locator('section.callout blockquote.comment').textContent()).trim(), question, 'the question is shown');
    assert.ok(!(await applicant.content()).includes(note), 'the internal note is not shown with the question');
    await applicant.fill('#f-respond_comment', answer);
    await applicant.selectOption('#f-respond_kind', 'financial');
    await applicant.setInputFiles('#f-respond_file', { name: 'financial-statement.pdf', mimeType: 'application/pdf', buffer: tinyPDF('Financial statement') });
    await submitAndWait(applicant, actionButton('respond'), appPath, 'event_respond');
    assert.match(await stateOf(applicant), /status-under_review/, 'back under review after the answer');
    assert.ok((await applicant.locator('ul.documents a').allTextContents()).some((t) => t.trim() === 'financial-statement.pdf'), 'the answer brought its document');

    // The coordinator reads the answer and approves.
    await staff.goto(appPath);
    assert.ok((await staff.locator('.timeline blockquote.comment').allTextContents()).some((t) => t.trim() === answer), 'the reviewer reads the answer');
    const approve = staff.locator(actionButton('approve'));
    assert.equal(await approve.count(), 1, 'the reviewer is offered the approve button');
    await staff.fill('#f-approve_comment', welcome);
    await submitAndWait(staff, actionButton('approve'), appPath);
    assert.match(await stateOf(staff), /status-approved/, 'approved');
    assert.equal(await staff.locator('form.action-form').count(), 0, 'nothing left to do on an approved application');

    // The applicant sees the approval, a timeline of public events only,
    // and the membership.
    await applicant.goto(appPath);
    await assertRtl(applicant, `${appPath} (approved)`);
    assert.match(await stateOf(applicant), /status-approved/);
    const events = await timelineEvents(applicant);
    const milestones = ['submit', 'request_info', 'respond', 'approve'];
    assert.deepEqual(events.filter((e) => milestones.includes(e)), milestones, `the timeline lists each step once, in order: ${events}`);
    assert.ok(!events.includes('note'), `no internal note in the applicant's timeline: ${events}`);
    assert.equal(await applicant.locator('.timeline-internal').count(), 0, 'no internal entry shown to the applicant');
    assert.ok(!(await applicant.content()).includes(note), 'the note is nowhere in the page');
    const comments = (await applicant.locator('.timeline blockquote.comment').allTextContents()).map((s) => s.trim());
    for (const text of [question, answer, welcome]) assert.ok(comments.includes(text), `the timeline shows "${text}"`);

    const toMembership = applicant.locator('main .notice a[href^="/memberships/"]');
    assert.equal(await toMembership.count(), 1, 'an approved applicant is led to its membership');
    await Promise.all([applicant.waitForURL((u) => u.pathname.startsWith('/memberships/')), toMembership.click()]);
    await assertRtl(applicant, 'the membership page');
    assert.match(await stateOf(applicant), /status-active/, 'the membership is active');
    assert.equal((await applicant.locator('main .lead').textContent()).trim(), org.name);

    // Anyone finds the organisation in the public directory.
    const visitor = await publicContext.newPage();
    const visitorProblems = watchErrors(visitor);
    await visitor.goto(`/directory?lang=ar&q=${encodeURIComponent(org.nameEN)}`);
    await assertRtl(visitor, '/directory');
    const card = visitor.locator('ul.cards li.card', { has: visitor.locator('h2', { hasText: org.name }) });
    assert.equal(await card.count(), 1, `the new member is in the directory: ${await visitor.locator('main').innerText()}`);
    assert.equal((await card.locator('.name-en').textContent()).trim(), org.nameEN);
    assert.ok((await card.innerText()).includes('تونس'), 'listed in Tunisia, named in Arabic');

    // The decided application stays in the coordinator's queue, filtered
    // by its new state.
    await staff.goto(`/review?state=approved&q=${encodeURIComponent(org.nameEN)}`);
    assert.equal(await staff.locator(`table.queue a[href="${appPath}"]`).count(), 1, 'the approved application stays findable in the queue');

    assert.deepEqual(applicantProblems, [], 'no dialog, page error or console error for the applicant');
    assert.deepEqual(staffProblems, [], 'no dialog, page error or console error for the coordinator');
    assert.deepEqual(visitorProblems, [], 'no dialog, page error or console error in the directory');
  } finally {
    await applicantContext.close();
    await coordinatorContext.close();
    await publicContext.close();
  }
});
