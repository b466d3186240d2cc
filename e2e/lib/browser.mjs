// Shared setup of the browser tests: where the server is, which Chromium
// to drive, and the pages every language check walks through.
import { chromium } from 'playwright-core';

/** The running server, started by run.sh. */
export const baseURL = (() => {
  const url = process.env.ACCORD_E2E_BASE_URL;
  if (!url) {
    throw new Error('ACCORD_E2E_BASE_URL is not set: start the tests with e2e/run.sh, or set it to a running server');
  }
  return url.replace(/\/+$/, '');
})();

/** Debian's Chromium; a test tool's own browser download cannot work offline. */
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * The public pages, each checked in every language. CoSP11 is the demo
 * data's conference; a badge token nobody issued shows the verification
 * page's refusal. The last is an address nobody serves, to check the 404
 * page as carefully as the rest.
 */
export const publicPages = [
  { name: 'home', path: '/' },
  { name: 'login', path: '/login' },
  { name: 'register', path: '/register' },
  { name: 'directory', path: '/directory' },
  { name: 'conferences', path: '/conferences' },
  { name: 'conference', path: '/conferences/CoSP11' },
  { name: 'transparency', path: '/conferences/CoSP11/transparency' },
  { name: 'verify', path: '/verify/not-a-badge' },
  { name: 'not-found', path: '/no-such-page', status: 404 },
];

/** The viewport of every test and screenshot: a common laptop screen. */
export const viewport = { width: 1280, height: 900 };

/** launchBrowser starts headless Chromium with a fresh temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * newContext opens a browser context whose reader prefers language lang:
 * the navigator's locale and the Accept-Language header both say so.
 * The context comes before any page, as axe-core's tooling expects.
 */
export function newContext(browser, lang, options = {}) {
  return browser.newContext({
    baseURL,
    locale: lang,
    viewport,
    extraHTTPHeaders: { 'Accept-Language': lang },
    ...options,
  });
}

/**
 * watchErrors collects what a page must never do: run a dialog (a sign
 * of injected script), throw, or log a console error (a CSP refusal shows
 * up there). The test asserts the list is empty at its end.
 */
export function watchErrors(page) {
  const problems = [];
  page.on('dialog', async (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !isExpected404(m)) problems.push(`console error: ${m.text()}`);
  });
  return problems;
}

// The 404 page is fetched on purpose; Chromium logs its status as a
// console error, which is not a fault of the page.
function isExpected404(message) {
  return /status of 404/.test(message.text()) && /no-such-page/.test(message.location().url ?? '');
}

/** direction reads the document's language, direction and body's computed direction. */
export function direction(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    bodyDirection: getComputedStyle(document.body).direction,
  }));
}
