// Opening and signing in to an applicant account through the pages, as a
// person would: by filling the forms and pressing their buttons.

/** newApplicant returns credentials no other test run has used. */
export function newApplicant(name) {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { name, email: `e2e-${unique}@example.org`, password: `long enough ${unique}` };
}

/** register fills in the registration form and waits for the sign-in page it leads to. */
export async function register(page, who) {
  await page.goto('/register');
  await page.fill('#f-name', who.name);
  await page.fill('#f-email', who.email);
  await page.fill('#f-password', who.password);
  await page.fill('#f-password_confirm', who.password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/login'),
    page.click('form[action="/register"] button[type="submit"]'),
  ]);
}

/** signIn fills in the sign-in form on the current page and waits to leave it. */
export async function signIn(page, who) {
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.fill('#f-email', who.email);
  await page.fill('#f-password', who.password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/login'),
    page.click('form[action="/login"] button[type="submit"]'),
  ]);
}

/** navHrefs lists the addresses the header navigation links to. */
export function navHrefs(page) {
  return page.locator('.site-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}
