// Registro audit: the regional auditor reads the sign-ins of Sardinian people
// and nobody else's — against the real server and demo data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

/** Signs in through the API only, to leave an `auth.login` event behind. */
async function apiSignIn(username) {
  const response = await fetch(`${app.server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: 'demo' },
    }),
  });
  const body = await response.json();
  assert.ok(body.data?.login?.token, JSON.stringify(body));
}

describe('Registro audit', () => {
  it('auditor.sardegna sees the sign-ins of Sardinian people only', async () => {
    await apiSignIn('op.cagliari1');
    await apiSignIn('op.roma1');
    await apiSignIn('cric.lazio');

    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'auditor.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Registro audit' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Registro audit' }).waitFor();
    const table = page.getByRole('table', { name: /^Eventi del registro audit/ });
    await table.waitFor();
    await assertAccessible(page, 'audit trail');

    await page.getByLabel('Azione', { exact: true }).selectOption({ label: 'Accesso' });
    await page.getByRole('button', { name: 'Applica filtri' }).click();
    await page.waitForURL(/\?azione=auth\.login$/);
    await page.getByRole('table', { name: 'Eventi del registro audit (filtrati)' }).waitFor();
    const filtered = page.getByRole('table', { name: 'Eventi del registro audit (filtrati)' });
    await filtered.getByRole('cell', { name: 'op.cagliari1', exact: true }).waitFor();
    await filtered.getByRole('cell', { name: 'auditor.sardegna', exact: true }).first().waitFor();

    // Every row is a sign-in, and none is of another region.
    const actions = await filtered.locator('tbody > tr:not([hidden]) > td:nth-child(5)').allInnerTexts();
    assert.ok(actions.length >= 2);
    assert.ok(
      actions.every((text) => text.trim() === 'Accesso'),
      actions.join(' | '),
    );
    const actors = await filtered.locator('tbody > tr:not([hidden]) > td:nth-child(2)').allInnerTexts();
    assert.ok(!actors.includes('op.roma1'), actors.join(', '));
    assert.ok(!actors.includes('cric.lazio'), actors.join(', '));
    assert.ok(!actors.includes('admin'), actors.join(', '));
    assert.equal(await page.getByText('UT Roma 1').count(), 0);
    // The server sorts by the column picked (issue 16), and says how many events there are.
    await page.getByText(/element[oi] (mostrat[oi]|in tutto)$/).waitFor();
    await filtered
      .getByRole('columnheader', { name: /Autore/ })
      .getByRole('button')
      .click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('table.audit-table th[aria-sort="ascending"]')].some((th) =>
        th.textContent.startsWith('Autore'),
      ),
    );
    await page.waitForFunction(() => {
      const names = [
        ...document.querySelectorAll('table.audit-table > tbody > tr:not([hidden]) > td:nth-child(2)'),
      ].map((td) => td.textContent.trim());
      return names.length > 1 && names.every((name, i) => i === 0 || names[i - 1] <= name);
    });
    await assertAccessible(page, 'audit trail filtered');

    // The author is picked by name among the people of the auditor's region, never typed.
    const author = page.getByLabel('Autore', { exact: true });
    await author.locator('option', { hasText: 'Laura Serra' }).waitFor({ state: 'attached' });
    const authors = await author.locator('option').allInnerTexts();
    assert.ok(!authors.some((name) => /Luca Conti|op\.roma1|Davide Romano/.test(name)), authors.join(' | '));
    await author.selectOption({ label: 'Laura Serra (op.cagliari1)' });
    await page.getByRole('button', { name: 'Applica filtri' }).click();
    await page.waitForURL(/autore=op\.cagliari1/);
    const byAuthor = page.getByRole('table', { name: 'Eventi del registro audit (filtrati)' });
    await byAuthor.getByRole('cell', { name: 'op.cagliari1', exact: true }).first().waitFor();
    const onlyHers = await byAuthor.locator('tbody > tr:not([hidden]) > td:nth-child(2)').allInnerTexts();
    assert.ok(
      onlyHers.every((text) => text.trim() === 'op.cagliari1'),
      onlyHers.join(', '),
    );
    await assertAccessible(page, 'audit trail by author');

    // The detail opens under its row.
    const show = filtered.getByRole('button', { name: /^Mostra/ }).first();
    if ((await show.count()) > 0) {
      await show.click();
      await filtered.locator('tr:not([hidden]) dl').first().waitFor();
      await assertAccessible(page, 'audit detail');
    }

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
