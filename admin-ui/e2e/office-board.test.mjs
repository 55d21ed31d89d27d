// "Prossimi giorni" on Giornata d'ufficio (issue 14 items 2 and 10): dir.cagliari1 reads the
// precall board of UT-CA1 over the next days, the alarms, narrows it to one assignee picked
// from the office's staff, and downloads the day list as CSV and Excel.
// Real server, demo data, Debian's Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, serverAndBrowser, signIn } from './browser.mjs';

const app = serverAndBrowser();

const SHOTS = process.env.SCREENSHOT_DIR || '/tmp';

describe('office board', () => {
  it('dir.cagliari1 reads the next days, the alarms, filters and downloads the day list', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, 'dir.cagliari1');
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: "Giornata d'ufficio" })
      .click();
    const board = page.getByRole('region', { name: 'Prossimi giorni' });
    await board.waitFor();
    const table = board.getByRole('table', { name: /^Prenotazioni e prechiamate dal/ });
    await table.waitFor();
    // Four days and the totals row under the header.
    assert.equal(await table.getByRole('row').count(), 6);
    await table.getByRole('rowheader', { name: 'Totale' }).waitFor();

    // The demo has bookings of the coming working days nobody has precalled yet.
    const alarms = board.getByRole('list', { name: 'Allarmi' });
    await alarms.getByRole('listitem').first().waitFor();
    await board.getByText(/\d+ prenotazioni in allarme/).waitFor();
    await assertAccessible(page, 'office board');
    await board.screenshot({ path: `${SHOTS}/office-board-1366.png` });

    // Sort by "In ritardo".
    await table.getByRole('button', { name: /In ritardo/ }).click();
    assert.equal(await table.getByRole('columnheader', { name: /In ritardo/ }).getAttribute('aria-sort'), 'descending');

    // The assignee is picked from the office's staff.
    const picker = board.getByRole('combobox', { name: 'Assegnatario delle prechiamate' });
    await picker.locator('option[value="op2.cagliari1"]').waitFor({ state: 'attached' });
    await picker.selectOption('op2.cagliari1');
    await alarms
      .getByText(/Assegnata a /)
      .first()
      .waitFor();
    assert.equal(await alarms.getByText('Non ancora assegnata').count(), 0, 'only op2.cagliari1 precalls');
    await picker.selectOption('');

    // The result filter offers the seed's labels.
    await board.getByRole('combobox', { name: 'Esito del contatto' }).selectOption({ label: 'Conferma CUP presenza' });

    // The day list, as CSV and as Excel.
    const day = await board.getByRole('combobox', { name: 'Giorno della lista' }).inputValue();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      board.getByRole('button', { name: 'Scarica CSV' }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), `assegnazione-UT-CA1-${day}.csv`);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.match(text.slice(1), /^Ora;N\. prenotazione CUP;Cittadino;Servizio;Modalità;Stato;Assegnatario precalling;/);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      board.getByRole('button', { name: 'Scarica Excel (XLSX)' }).click(),
    ]);
    assert.equal(xlsx.suggestedFilename(), `assegnazione-UT-CA1-${day}.xlsx`);
    assert.equal(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
      'PK',
    );

    // A phone's width: the days become cards, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    await board.screenshot({ path: `${SHOTS}/office-board-390.png` });
    assert.ok(scrollWidth <= innerWidth, `${scrollWidth} > ${innerWidth}`);
    await assertAccessible(page, 'office board at 390 px');
  });
});
