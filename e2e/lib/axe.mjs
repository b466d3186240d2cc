// Running axe-core inside a page. The script is evaluated through the
// DevTools protocol rather than added as a <script>, because the pages'
// Content-Security-Policy rightly refuses inline scripts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 levels A and AA rules. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const impacts = ['minor', 'moderate', 'serious', 'critical'];

/** audit runs axe on the page's current document and returns its results. */
export async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  return page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
    wcagTags,
  );
}

/** countByImpact counts violating rules of each impact. */
export function countByImpact(violations) {
  const counts = Object.fromEntries(impacts.map((i) => [i, 0]));
  for (const v of violations) counts[v.impact ?? 'minor'] += 1;
  return counts;
}

/** describe lists violations one a line, with the first offending elements. */
export function describe(violations) {
  return violations
    .map((v) => `  ${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
}
