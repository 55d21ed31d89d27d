// "Orari e chiusure": a director picks a unit by name, edits its weekly hours and
// adds and removes a closure. Real server, demo data, Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });

/** No horizontal scroll at a phone's width. */
async function assertFitsPhone(page, label) {
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${label}: ${scrollWidth} > ${innerWidth}`);
}

/** The option of a select whose text matches `pattern`, chosen as a person does. */
async function pick(select, pattern) {
  const label = (await select.locator('option').allInnerTexts()).find((text) => pattern.test(text));
  assert.ok(label, `no option matches ${pattern}`);
  await select.selectOption({ label });
}

describe('opening hours and closures', () => {
  it('dp.cagliari finds an office by name, sets its hours and adds and removes a closure', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dp.cagliari');
    await mainNav(page).getByRole('link', { name: 'Orari e chiusure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orari e chiusure' }).waitFor();

    // The searchable select: the search narrows the list, the select picks by name.
    const units = page.getByLabel('Unità', { exact: true });
    await units.locator('option', { hasText: 'UT-CA1' }).waitFor({ state: 'attached' });
    const before = await units.locator('option').count();
    await page.getByLabel('Cerca unità').fill('cagliari 1');
    assert.ok((await units.locator('option').count()) < before);
    await pick(units, /\(UT-CA1\)/);
    await page.getByRole('heading', { name: 'Orario settimanale' }).waitFor();
    await assertAccessible(page, 'unit calendar');

    // Saturday morning: first the wrong way round, refused beside the interval, then right.
    const saturday = page.getByRole('group', { name: 'sabato' });
    await saturday.getByRole('button', { name: 'Aggiungi orario a sabato' }).click();
    await saturday.getByLabel(/^Apre/).fill('11:00');
    await saturday.getByLabel(/^Chiude/).fill('09:00');
    await page.getByRole('button', { name: 'Salva orari' }).click();
    await saturday.getByText("L'apertura deve precedere la chiusura.").waitFor();
    assert.equal(await saturday.getByLabel(/^Apre/).evaluate((el) => el === document.activeElement), true);
    await assertAccessible(page, 'hours with an error');
    await saturday.getByLabel(/^Apre/).fill('09:00');
    await saturday.getByLabel(/^Chiude/).fill('12:00');
    await page.getByRole('button', { name: 'Salva orari' }).click();
    await page.getByText(/Orari salvati: .*sab.*09:00–12:00/).waitFor();
    await page.getByText(/Orario attuale di .*sab.*09:00–12:00/).waitFor();

    // A closure, in gg/mm/aaaa, then removed after confirming.
    await page.getByLabel('Primo giorno').fill('2027-08-16');
    await page.getByLabel('Ultimo giorno').fill('2027-08-14');
    await page.getByLabel('Motivo').fill('Inventario');
    await page.getByRole('button', { name: 'Aggiungi chiusura' }).click();
    await page.getByText("L'ultimo giorno di chiusura non può precedere il primo.").waitFor();
    await page.getByLabel('Ultimo giorno').fill('2027-08-20');
    await page.getByRole('button', { name: 'Aggiungi chiusura' }).click();
    await page.getByText('Chiusura dal 16/08/2027 al 20/08/2027 aggiunta.').waitFor();
    const closures = page.getByRole('list', { name: 'Chiusure' });
    await closures.getByText('dal 16/08/2027 al 20/08/2027', { exact: true }).waitFor();
    await assertAccessible(page, 'closures');
    await page.screenshot({ path: '/tmp/calendar-desktop.png', fullPage: true });

    await assertFitsPhone(page, 'calendar at 390 px');
    await page.screenshot({ path: '/tmp/calendar-phone.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await closures.getByRole('button', { name: 'Rimuovi la chiusura dal 16/08/2027 al 20/08/2027' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rimuovere la chiusura?' });
    await dialog.waitFor();
    await assertAccessible(page, 'remove closure dialog');
    await dialog.getByRole('button', { name: 'Rimuovi' }).click();
    await page.getByText('Chiusura dal 16/08/2027 al 20/08/2027 rimossa.').waitFor();
    await closures.getByText('dal 16/08/2027 al 20/08/2027', { exact: true }).waitFor({ state: 'detached' });
    assert.equal(await page.getByText('dal 16/08/2027 al 20/08/2027', { exact: true }).count(), 0);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('dir.cagliari1 finds his own office already picked', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dir.cagliari1');
    await mainNav(page).getByRole('link', { name: 'Orari e chiusure' }).click();
    await page.getByRole('heading', { name: 'Orario settimanale' }).waitFor();
    assert.match(await page.getByLabel('Unità', { exact: true }).inputValue(), /^UT-CA1$/);
    await assertAccessible(page, 'office director calendar');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
