// Every screen of every role, at a desktop's and at a phone's width: no horizontal
// scroll, and no label drawn over another text (a heading sliding over the first
// field's label was a finding of the usability review).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';
import { adminUiDir } from './server.mjs';

const app = serverAndBrowser();

/** One account per role of the demo data (README), each opening every entry of its menu. */
const ACCOUNTS = [
  'admin',
  'dr.sardegna',
  'dp.cagliari',
  'dir.cagliari1',
  'coord.cagliari1',
  'op.cagliari1',
  'ccm.op',
  'cric.sardegna',
  'auditor.sardegna',
  'prof.rossi',
];
const WIDTHS = [1366, 390];
const screenshots = join(adminUiDir, 'e2e', 'screenshots', 'layout');

/** Where the page is wider than the window, and which labels overlap another text. */
function layoutProblems() {
  const problems = [];
  const { scrollWidth } = document.documentElement;
  if (scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => element.getClientRects().length > 0)
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
    problems.push(`page ${scrollWidth} px wide at ${window.innerWidth} px (${wide.join(' | ')})`);
  }
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
  };
  const texts = [
    ...document.querySelectorAll('main label, main h1, main h2, main h3, main h4, main legend, main p'),
  ].filter(visible);
  const labels = texts.filter((element) => element.tagName === 'LABEL');
  // The box of the glyphs, not of the element: Bootstrap Italia's labels are taller boxes moved
  // up over the field's top margin, which is fine as long as no letters meet.
  const textBox = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect();
  };
  for (const label of labels) {
    const a = textBox(label);
    for (const other of texts) {
      if (other === label || other.contains(label) || label.contains(other)) continue;
      const b = textBox(other);
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (overlapX > 2 && overlapY > 2) {
        problems.push(`label «${label.textContent.trim()}» over «${other.textContent.trim().slice(0, 40)}»`);
      }
    }
  }
  return problems;
}

async function settle(page) {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).waitFor();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('Layout of every screen', () => {
  it('the sign-in page with its error fits 1366 and 390 px without overlapping labels', async () => {
    mkdirSync(screenshots, { recursive: true });
    const page = await newPage(app.browser, app.server.baseUrl);
    const problems = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width > 500 ? 768 : 844 });
      await page.goto('/accesso');
      await page.getByLabel('Nome utente').fill('op.cagliari1');
      await page.getByLabel('Password').fill('sbagliata');
      await page.getByRole('button', { name: 'Accedi' }).click();
      await page.getByRole('alert').first().waitFor();
      await page.screenshot({ path: join(screenshots, `signin-error-${width}.png`), fullPage: true });
      for (const problem of await page.evaluate(layoutProblems)) problems.push(`/accesso @${width}: ${problem}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('the password reset page fits 1366 and 390 px without overlapping labels', async () => {
    mkdirSync(screenshots, { recursive: true });
    const page = await newPage(app.browser, app.server.baseUrl);
    const problems = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width > 500 ? 768 : 844 });
      await page.goto('/reimposta-password#acc_r_non-valido');
      await page.getByLabel('Nuova password', { exact: true }).fill('una-password-lunga');
      await page.getByLabel('Ripeti la nuova password').fill('una-password-lunga');
      await page.getByRole('button', { name: 'Imposta la password' }).click();
      await page.getByText('Collegamento non valido').waitFor();
      await page.screenshot({ path: join(screenshots, `reset-error-${width}.png`), fullPage: true });
      for (const problem of await page.evaluate(layoutProblems)) {
        problems.push(`/reimposta-password @${width}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('the professional registration page with its errors fits 1366 and 390 px without overlapping labels', async () => {
    mkdirSync(screenshots, { recursive: true });
    const page = await newPage(app.browser, app.server.baseUrl);
    const problems = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width > 500 ? 768 : 844 });
      await page.goto('/registrazione');
      await page.getByRole('button', { name: 'Invia la registrazione' }).click();
      await page.getByText('Indica nome e cognome.').waitFor();
      await page.screenshot({ path: join(screenshots, `registration-errors-${width}.png`), fullPage: true });
      for (const problem of await page.evaluate(layoutProblems)) problems.push(`/registrazione @${width}: ${problem}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  for (const username of ACCOUNTS) {
    it(`${username}: every menu entry fits 1366 and 390 px without overlapping labels`, async () => {
      mkdirSync(screenshots, { recursive: true });
      const page = await newPage(app.browser, app.server.baseUrl);
      await signIn(page, username);
      await settle(page);
      const menu = page.getByRole('navigation', { name: 'Navigazione principale' });
      const paths = await menu
        .getByRole('link')
        .evaluateAll((links) => [...new Set(links.map((link) => new URL(link.href).pathname))]);
      const problems = [];
      // The menu's screens, the home page and the person's own profile (linked from their name).
      for (const path of ['/', '/profilo', ...paths]) {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: width > 500 ? 768 : 844 });
          await page.goto(path);
          await settle(page);
          const name = `${username}${path.replaceAll('/', '_')}-${width}.png`;
          await page.screenshot({ path: join(screenshots, name), fullPage: true });
          for (const problem of await page.evaluate(layoutProblems)) problems.push(`${path} @${width}: ${problem}`);
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  }
});
