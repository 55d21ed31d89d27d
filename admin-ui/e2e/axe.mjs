// Accessibility check: injects axe-core into the page and fails on serious or
// critical violations (WCAG 2.x A and AA rules).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const BLOCKING = new Set(['serious', 'critical']);

export async function axeViolations(page, { include, exclude } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol, which the app's Content-Security-Policy
    // (script-src 'self') does not govern: an inline <script> tag would be refused, and
    // the browser tests keep running the app under its real CSP.
    await page.evaluate(axeSource);
  }
  const context = include || exclude ? { include, exclude } : undefined;
  const results = await page.evaluate(
    ([ctx]) =>
      window.axe.run(ctx ?? document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations', 'incomplete'],
      }),
    [context],
  );
  return [
    ...results.violations.filter((violation) => BLOCKING.has(violation.impact)),
    ...unreadableText(results.incomplete),
  ];
}

/**
 * axe files text whose colour equals its background (a 1:1 ratio) under
 * "incomplete", as it might be hidden on purpose; in this app it never is (a
 * button's label drawn in the button's colour was), so it fails like a violation.
 */
function unreadableText(incomplete) {
  return incomplete
    .filter((result) => result.id === 'color-contrast')
    .map((result) => ({
      ...result,
      impact: 'serious',
      nodes: result.nodes
        .filter((node) => node.any.some((check) => /1:1 contrast ratio/.test(check.message)))
        .map((node) => ({ ...node, failureSummary: node.any.map((check) => check.message).join(' ') })),
    }))
    .filter((result) => result.nodes.length > 0);
}

function describe(violations) {
  return violations
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** Throws, listing them, when the page has serious or critical accessibility violations. */
export async function assertAccessible(page, label = page.url()) {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`Accessibility violations on ${label}:\n${describe(violations)}`);
  }
}
