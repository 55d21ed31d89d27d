// The CCM books and asks for callbacks from its contact screen (issue 14, item 9), against the real
// server with the demo data: ccm.op books UT Sassari for a citizen by picking region, office, service,
// day and time — nothing typed but the citizen's own data — and asks DP Sassari for a callback.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const FISCAL_CODE = 'RSSMRA80A01H501U';

async function openContacts(page) {
  await signIn(page, 'ccm.op');
  await mainNav(page).getByRole('link', { name: 'CCM' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contact Center Multicanale' }).waitFor();
  await page.getByRole('navigation', { name: 'Sezioni del CCM' }).getByRole('link', { name: 'Contatti' }).click();
  await page.getByRole('heading', { level: 2, name: 'Registra un contatto' }).waitFor();
}

/** The labels of a select's options, the first (the prompt) left out. */
async function choices(select) {
  return (await select.locator('option').allInnerTexts()).slice(1);
}

describe('CCM bookings and callbacks from the contact screen', () => {
  it('ccm.op books UT Sassari for a citizen without typing any code or id', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openContacts(page);
    await page.getByLabel('Sezione *').selectOption({ label: 'Soggetto contribuente' });
    await page.getByLabel('Argomento *').fill('Dichiarazione di successione');
    await page.getByLabel('Codice fiscale del cittadino').fill(FISCAL_CODE);
    await page.getByLabel('Esito *').selectOption({ label: 'Appuntamento prenotato' });
    // No field asks for an identifier.
    assert.equal(await page.getByLabel(/Identificativo/).count(), 0);

    const panel = page.getByRole('group', { name: 'Prenota un appuntamento' });
    await panel.waitFor();
    const region = panel.getByLabel('Regione *');
    await region.locator('option', { hasText: 'DR Sardegna' }).waitFor({ state: 'attached' });
    assert.deepEqual(await choices(region), ['DR Lazio', 'DR Sardegna']);
    await region.selectOption({ label: 'DR Sardegna' });
    const office = panel.getByLabel('Ufficio *');
    await office.locator('option', { hasText: 'UT Sassari' }).waitFor({ state: 'attached' });
    await office.selectOption({ label: 'UT Sassari' });
    await panel.getByLabel('Servizio *').selectOption({ label: 'Dichiarazione di successione e volture' });

    // The days with free slots, then a time of the day picked.
    const day = panel.getByLabel('Giorno *');
    await day.locator('option').nth(1).waitFor({ state: 'attached' });
    const days = await choices(day);
    assert.ok(days.length > 0 && days.every((d) => /^\S+ \d{2}\/\d{2}\/\d{4} — \d+ orar/.test(d)), days.join(' | '));
    // Never a Saturday or a Sunday (the office's hours are Monday to Friday).
    assert.ok(!days.some((d) => /^(sabato|domenica)/.test(d)), days.join(' | '));
    await day.selectOption({ index: 1 });
    const time = panel.getByLabel('Orario *');
    const times = await choices(time);
    assert.ok(
      times.every((t) => t >= '08:45' && t <= '16:15'),
      times.join(' '),
    );
    const pickedDay = days[0].split(' — ')[0];
    const pickedTime = times[0];
    await time.selectOption({ label: pickedTime });
    await panel.getByLabel('Cognome e nome del cittadino *').fill('Rossi Mario');
    await panel.getByLabel('Canale').selectOption({ label: 'Sportello virtuale' });
    await assertAccessible(page, 'CCM booking from a contact');

    await panel.getByRole('button', { name: "Prenota l'appuntamento" }).click();
    const booked = page.getByText(`Appuntamento prenotato: UT Sassari, ${pickedDay} alle ${pickedTime}`);
    await booked.waitFor();
    await page.getByRole('button', { name: 'Registra il contatto' }).click();
    await page.getByText('Contatto registrato.').waitFor();
    // The form starts afresh: the next contact is not linked to this booking.
    assert.equal(await booked.count(), 0);
    assert.equal(await page.getByLabel('Esito *').inputValue(), 'ANSWERED');
    const row = page
      .getByRole('table')
      .getByRole('row', { name: /Dichiarazione di successione/ })
      .first();
    await row.getByText('Appuntamento prenotato').waitFor();

    // The slot taken is no longer offered.
    await page.getByLabel('Esito *').selectOption({ label: 'Appuntamento prenotato' });
    await panel.getByLabel('Regione *').selectOption({ label: 'DR Sardegna' });
    await office.locator('option', { hasText: 'UT Sassari' }).waitFor({ state: 'attached' });
    await office.selectOption({ label: 'UT Sassari' });
    await panel.getByLabel('Servizio *').selectOption({ label: 'Dichiarazione di successione e volture' });
    await day.locator('option').nth(1).waitFor({ state: 'attached' });
    const dayOption = (await choices(day)).find((d) => d.startsWith(pickedDay));
    if (dayOption) {
      await day.selectOption({ label: dayOption });
      assert.ok(!(await choices(time)).includes(pickedTime), `${pickedDay} ${pickedTime} still offered`);
    }
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('ccm.op asks DP Sassari for a callback, picked by name', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openContacts(page);
    await page.getByLabel('Sezione *').selectOption({ label: 'Pensioni' });
    await page.getByLabel('Argomento *').fill('Ricostituzione della pensione');
    await page.getByLabel('Esito *').selectOption({ label: 'Richiamata richiesta' });
    const panel = page.getByRole('group', { name: 'Richiedi una richiamata' });
    const region = panel.getByLabel('Regione *');
    await region.locator('option', { hasText: 'DR Sardegna' }).waitFor({ state: 'attached' });
    await region.selectOption({ label: 'DR Sardegna' });
    const dp = panel.getByLabel('Direzione provinciale *');
    await dp.locator('option', { hasText: 'DP Sassari' }).waitFor({ state: 'attached' });
    assert.deepEqual(await choices(dp), ['DP Cagliari', 'DP Nuoro', 'DP Oristano', 'DP Sassari']);
    await dp.selectOption({ label: 'DP Sassari' });
    await panel.getByLabel('Telefono da richiamare *').fill('079 123 4567');
    await assertAccessible(page, 'CCM callback request from a contact');
    await panel.getByRole('button', { name: 'Richiedi la richiamata' }).click();
    await page.getByText('Richiamata richiesta a DP Sassari.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Registra il contatto' }).click();
    await page.getByText('Contatto registrato.').waitFor();
    await page
      .getByRole('table')
      .getByRole('row', { name: /Ricostituzione della pensione/ })
      .getByText('Richiamata richiesta')
      .waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
