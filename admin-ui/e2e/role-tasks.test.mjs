// The main task of the roles no other browser test walks through (issue 16: "a browser test per
// role completes that role's main task using only clicks, picks and free text a person would
// type"): the administrator creates a person, the office director reads the office's figures,
// the room coordinator sets an operator's skills and designates a counter operator. Real server,
// demo data, Debian's Chromium. (Others: monitoring.test.mjs for the regional director,
// unit-calendar.test.mjs for the provincial director, office-worklist.test.mjs for the office
// director and the operator, ccm-cric.test.mjs and ccm-booking.test.mjs for the CCM and the CRIC,
// audit.test.mjs for the auditor, procure.test.mjs for the professional.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';
import { bookingDay, romeDay } from './days.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });

/** The value of the option whose label matches `pattern`, to pick it as a person would. */
async function optionLabel(select, pattern) {
  const labels = await select.locator('option').allInnerTexts();
  const label = labels.find((text) => pattern.test(text));
  assert.ok(label, `no option ${pattern} among ${labels.join(' | ')}`);
  return label;
}

describe('main task of each role', () => {
  it('admin creates a CCM operator of the Pensioni section, picking role, unit and section', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'admin');
    await mainNav(page).getByRole('link', { name: 'Organizzazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organizzazione' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Sezioni di Organizzazione' })
      .getByRole('link', { name: 'Persone' })
      .click();
    await page.getByRole('link', { name: 'Nuova persona' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova persona' }).waitFor();

    const role = page.getByLabel('Ruolo', { exact: true });
    await role.locator('option', { hasText: 'Operatore CCM' }).waitFor({ state: 'attached' });
    await role.selectOption({ label: 'Operatore CCM' });
    const unit = page.getByLabel('Unità', { exact: true });
    await unit.selectOption({ label: await optionLabel(unit, /^CCM/) });
    await page.getByLabel('Sezione', { exact: true }).selectOption({ label: 'Pensioni' });
    await page.getByLabel('Nome utente').fill('ccm.nuova');
    await page.getByLabel('Nome e cognome').fill('Giulia Nuova');
    await page.getByLabel('Password iniziale', { exact: true }).fill('una-password-lunga');
    await assertAccessible(page, 'admin: new person');
    await page.getByRole('button', { name: 'Crea persona' }).click();

    await page.getByRole('heading', { level: 1, name: 'Giulia Nuova' }).waitFor();
    await page.getByText('Persona creata.').waitFor();
    const roles = page.getByRole('table', { name: 'Ruoli di Giulia Nuova' });
    await roles.getByText('Operatore CCM').waitFor();
    await roles.getByText('Pensioni').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();

    // The new person signs in, replaces the password the admin typed (issue 17) and lands on the CCM.
    const theirs = await newPage(app.browser, app.server.baseUrl);
    await signIn(theirs, 'ccm.nuova', 'una-password-lunga');
    await theirs.getByRole('heading', { level: 1, name: 'Scegli la tua password' }).waitFor();
    await theirs.getByLabel('Password attuale').fill('una-password-lunga');
    await theirs.getByLabel('Nuova password', { exact: true }).fill('scelta-da-giulia');
    await theirs.getByLabel('Ripeti la nuova password').fill('scelta-da-giulia');
    await theirs.getByRole('button', { name: 'Cambia password' }).click();
    await mainNav(theirs).getByRole('link', { name: 'CCM' }).waitFor();
    await theirs.context().close();
  });

  it("dir.cagliari1 reads his office's figures in Monitoraggio", async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dir.cagliari1');
    await mainNav(page).getByRole('link', { name: 'Monitoraggio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoraggio' }).waitFor();
    await page.waitForURL(/\/monitoraggio\?unita=UT-CA1&dal=\d{4}-\d{2}-\d{2}&al=\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('heading', { level: 2, name: 'UT Cagliari 1', exact: true }).waitFor();
    // The period is picked with the date fields; the office is the only unit offered.
    const units = await page.getByLabel('Unità', { exact: true }).locator('option').allInnerTexts();
    assert.ok(
      units.some((u) => u.includes('UT Cagliari 1')),
      units.join(' | '),
    );
    assert.ok(!units.some((u) => /Cagliari 2|Sassari|Roma/.test(u)), units.join(' | '));
    await page.getByLabel('Dal', { exact: true }).fill(romeDay(-7));
    await page.getByLabel('Al', { exact: true }).fill(romeDay(14));
    await page.getByRole('button', { name: 'Mostra' }).click();
    await page.getByRole('table', { name: 'Esiti delle prechiamate: numero e quota' }).waitFor();
    await assertAccessible(page, 'office director: monitoring');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('coord.cagliari1 sets an operator’s skills and designates a counter operator, by name', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'coord.cagliari1');
    await mainNav(page).getByRole('link', { name: "Giornata d'ufficio" }).click();
    await page.getByRole('heading', { level: 1, name: "Giornata d'ufficio" }).waitFor();

    await page.getByLabel('Operatore', { exact: true }).selectOption({ label: 'Paolo Deiana' });
    const skills = page.getByRole('group', { name: 'Servizi che Paolo Deiana può erogare' });
    await skills.waitFor();
    // Paolo Deiana learns "Comunicazioni di irregolarità", the service of the next working day's confirmed booking.
    const avvIrr = skills.getByRole('checkbox', { name: /Comunicazioni di irregolarità/ });
    assert.equal(await avvIrr.isChecked(), false);
    await skills.locator('label', { hasText: 'Comunicazioni di irregolarità' }).click();
    assert.equal(await avvIrr.isChecked(), true);
    await page.getByRole('button', { name: 'Salva competenze' }).click();
    await page.getByText('Competenze salvate.').waitFor();
    await assertAccessible(page, 'coordinator: skills');

    // The next working day's confirmed demo booking (Comunicazioni di irregolarità) goes to Paolo Deiana at the counter.
    await page
      .getByLabel('Giorno', { exact: true })
      .fill(await bookingDay(app.server.baseUrl, 'coord.cagliari1', 'UT-CA1', '40104'));
    const bookings = page.getByRole('table', { name: 'Prenotazioni del giorno' });
    await bookings.getByRole('cell', { name: '40104', exact: true }).waitFor();
    await bookings.getByRole('button', { name: /Assegna sportello — n\. 40104/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Sportello — prenotazione n. 40104' });
    await dialog.getByLabel('Operatore di sportello').selectOption({ label: 'Paolo Deiana' });
    await dialog.getByRole('button', { name: 'Assegna' }).click();
    await bookings.getByRole('row', { name: /40104/ }).getByText('Sportello assegnato').waitFor();
    await assertAccessible(page, 'coordinator: counter assigned');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
