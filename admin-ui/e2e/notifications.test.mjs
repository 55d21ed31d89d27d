// Notifiche: the administrator's outbox monitor, with the demo messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });

describe('Notifiche', () => {
  it('admin opens the outbox monitor, reads a delivery log and retries a failed message', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await mainNav(page).getByRole('link', { name: 'Notifiche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifiche' }).waitFor();

    const table = page.getByRole('table', { name: /^Notifiche/ });
    const empty = page.getByText('Nessuna notifica', { exact: true });
    await table.or(empty).first().waitFor();
    await assertAccessible(page, 'notifications');
    if (await empty.isVisible()) {
      await page.context().close();
      return;
    }

    // In time order, newest first (issue 16), with the list's total; the header turns the order.
    const created = () =>
      page
        .locator('table.outbox-table > tbody > tr:not([hidden]) > td:nth-child(1) time')
        .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime'))));
    const createdHeader = table.getByRole('columnheader', { name: /Creata/ });
    assert.equal(await createdHeader.getAttribute('aria-sort'), 'descending');
    const newestFirst = await created();
    assert.deepEqual(
      newestFirst,
      [...newestFirst].sort((a, b) => b - a),
    );
    await page.getByText(/element[oi] (mostrat[oi]|in tutto)$/).waitFor();
    await createdHeader.getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('table.outbox-table th[aria-sort="ascending"]') !== null);
    await page.waitForFunction(() => {
      const times = [
        ...document.querySelectorAll('table.outbox-table > tbody > tr:not([hidden]) > td:nth-child(1) time'),
      ];
      const at = times.map((t) => Date.parse(t.getAttribute('datetime')));
      return at.length > 0 && at.every((v, i) => i === 0 || at[i - 1] <= v);
    });
    await createdHeader.getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('table.outbox-table th[aria-sort="descending"]') !== null);

    // Recipients come masked from the API; the page never shows a full address.
    const text = await table.innerText();
    assert.ok(!text.includes('cittadino.demo@example.it'));

    const retry = table.getByRole('button', { name: /^Riprova/ }).first();
    if ((await retry.count()) > 0) {
      const row = table
        .locator('tbody > tr')
        .filter({ has: page.getByRole('button', { name: /^Riprova/ }) })
        .first();
      await row.getByRole('button', { name: /^Registro invii/ }).click();
      await page
        .getByRole('table', { name: /^Registro degli invii/ })
        .first()
        .waitFor();
      await assertAccessible(page, 'delivery log');
      await retry.click();
      await page.getByText(/rimessa in coda/).waitFor();
    }

    // Filters go into the address and narrow the list.
    await page.getByLabel('Stato').selectOption('SENT');
    await page.waitForURL(/\?stato=SENT$/);
    await page
      .getByRole('table', { name: 'Notifiche (filtrate)' })
      .or(page.getByText('Nessuna notifica corrisponde ai filtri'))
      .first()
      .waitFor();
    const statuses = await page
      .locator('table.outbox-table > tbody > tr:not([hidden]) > td:nth-child(5) .badge')
      .allInnerTexts();
    assert.ok(
      statuses.every((status) => status === 'Inviata'),
      statuses.join(', '),
    );
    await assertAccessible(page, 'notifications filtered');

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('a regional director has no Notifiche entry and cannot open it', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    assert.equal(await mainNav(page).getByRole('link', { name: 'Notifiche' }).count(), 0);
    await page.goto('/notifiche');
    await page.getByRole('heading', { name: 'Operazione non consentita' }).waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    await page.context().close();
  });
});
