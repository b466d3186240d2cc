// Package webui serves Accord's server-rendered web pages in Arabic
// (right to left), English, French and Spanish: the layout with its
// navigation and language switcher, the public pages (home, member
// directory, conferences with their accredited organisations), sign-in,
// registration, the inbox, the account page, the links sent by mail, and
// error pages in the reader's language.
//
// With the membership service wired in, it also serves the membership
// pages: the applicant's organisation profile and guided application
// (motivation, documents, review and submit, the timeline, answering a
// request for information, appealing, withdrawing), the review queue and
// review page of coordinators and the secretariat, and memberships.
//
// With the accreditation service wired in, it serves the pages of rule 17:
// each conference's page and public transparency report, badge
// verification at /verify/{token} (JSON too, for a scanner that asks);
// the NGO's requests, delegates, badges and replies to objections; the
// secretariat's conferences, screening desk, circulation, referrals with
// the Conference's decisions, and the door's check-in; the State party's
// circulated lists with the objection form.
//
// With the report service registered (RegisterReports), it serves the
// secretariat's dashboard and exports, and visa support letters on the
// request page: the secretariat writes a confirmed delegate's letter in
// the language it picks; it and the organisation download the PDF.
//
// A page is a handler, a template in web/templates and its keys in the
// catalogs of web/i18n. Handlers parse the request, call one service and
// render. Sessions live in HttpOnly, SameSite=Lax cookies holding auth's
// access and refresh tokens; an expired access token is refreshed
// silently. Every unsafe request carries a CSRF token derived from a
// per-browser cookie and the server secret. No page needs JavaScript but
// the offline door, and passkeys, which only a script can reach:
// passkey.js shows the passkey forms where the browser has WebAuthn and
// fills their hidden credential field, the rest of the two-step pages
// working without it. checkin.js adds a camera to the secretariat's online
// check-in form, which works without it; forms.js, on every page, refuses a
// file over the upload limit before sending it and shows the upload's
// progress, and gives a page answering a form with an error the address of
// the form's page (so a reload does not send the form again). The door at
// /door/ (door.js, door-sw.js, and the jsQR decoder in web/static/vendor/,
// loaded only where the browser has no BarcodeDetector) verifies badges in
// the browser so that it keeps working when the venue's network does not.
//
// To add a page:
//
//  1. write web/templates/<page>.html defining "content"; it is executed
//     with a *Page, whose methods translate ({{.T "key"}}, {{.N "key" n}}),
//     write dates and numbers, and draw form fields ({{.Field …}});
//  2. add its keys to all four catalogs in web/i18n (the i18n tests fail
//     until every language has them, with the same placeholders);
//  3. write a handler that parses, calls one service and renders with
//     ui.render(c, status, "<page>", p), p.Data holding what the template
//     needs; on a form error, p.Form.showErrors puts the service's field
//     errors beside the fields, in the reader's language;
//  4. register the route in Register behind the page middleware (or the
//     member one, for signed-in users), and, if the page belongs in the
//     header, add its link in navigation for the roles that see it.
package webui
