// Follow-up work ("Attività da completare"): an operator's counter session sent to the back
// office and a precall answered by e-mail/PEC leave items; the director assigns and cancels
// them in "Giornata d'ufficio", the operator completes his in "La mia lista".
// Real server, demo data, Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const PROTOCOL = 'PROT-2026-0099';
/** The citizen of the precall answered by e-mail/PEC (first test). */
let pecCitizen = '';

/** Bootstrap Italia draws the radio with its label: click the label, as a person does. */
const choose = (scope, label) => scope.locator('label', { hasText: label }).click();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });

/** No horizontal scroll at a phone's width; back to the desktop after. */
async function assertFitsPhone(page, label, screenshot) {
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.ok(scrollWidth <= innerWidth, `${label}: ${scrollWidth} > ${innerWidth}`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const focusedText = (page) =>
  page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);

async function openWorklist(page) {
  await signIn(page, 'op.cagliari1');
  await mainNav(page).getByRole('link', { name: 'La mia lista' }).click();
  await page.getByRole('heading', { level: 1, name: 'La mia lista' }).waitFor();
}

async function openFollowUps(page) {
  await signIn(page, 'dir.cagliari1');
  await mainNav(page).getByRole('link', { name: "Giornata d'ufficio" }).click();
  await page.getByRole('heading', { level: 1, name: "Giornata d'ufficio" }).waitFor();
  const section = page.getByRole('region', { name: 'Attività da completare' });
  await section.waitFor();
  return section;
}

describe('follow-up work', () => {
  it('op.cagliari1 sends a session to the back office and a precall to e-mail/PEC', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openWorklist(page);

    const precalls = page.getByRole('list', { name: 'Prechiamate' });
    const first = precalls.getByRole('listitem').first();
    const heading = await first.getByRole('heading').innerText();
    const cupNumber = heading.match(/n\. (\S+)/)[1];
    pecCitizen = heading.split(' — ')[0];
    await first.getByRole('button', { name: /^Registra esito/ }).click();
    const form = page.getByRole('form', { name: 'Esito della prechiamata' });
    await choose(form, 'Esito positivo del contatto');
    await choose(form, 'Invio documenti via e-mail/PEC');
    await form.getByRole('button', { name: 'Registra esito' }).click();
    await page.getByText(`Esito registrato per la prenotazione n. ${cupNumber}.`).waitFor();

    const sessions = page.getByRole('list', { name: 'Appuntamenti allo sportello' });
    const session = sessions.getByRole('listitem').first();
    const sessionCup = (await session.getByRole('heading').innerText()).match(/n\. (\S+)\)/)[1];
    await session.getByRole('button', { name: /^Avvia/ }).click();
    const counterForm = session.getByRole('form', { name: 'Esito dello sportello' });
    await choose(counterForm, 'Servizio trasferito in back office');
    await counterForm.getByLabel('Numero di protocollo').fill(PROTOCOL);
    await counterForm.getByRole('button', { name: 'Registra esito sportello' }).click();
    await page.getByText(`Esito sportello registrato per la prenotazione n. ${sessionCup}.`).waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('dir.cagliari1 sees the totals, filters, assigns one item and cancels the other', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    const section = await openFollowUps(page);
    const totals = section.getByTestId('followup-totals');
    await totals.waitFor();
    const open = Number((await totals.innerText()).match(/^(\d+) attività/)[1]);
    assert.ok(open >= 2, await totals.innerText());
    const items = section.getByRole('list', { name: "Attività dell'ufficio" });
    const transferred = items.getByRole('listitem').filter({ hasText: PROTOCOL });
    await transferred.getByText('Trasferita al back office').waitFor();
    const byEmail = items
      .getByRole('listitem')
      .filter({ hasText: 'Documenti via e-mail/PEC' })
      .filter({ hasText: pecCitizen });
    await byEmail.waitFor();
    await assertAccessible(page, 'office follow-ups');

    // Only the overdue: the new items are due in a few days.
    await choose(section, 'solo in ritardo');
    await transferred.waitFor({ state: 'detached' });
    await choose(section, 'solo in ritardo');
    await transferred.waitFor();

    // Assign: the person is picked from the office's staff.
    const assignee = transferred.getByLabel('Assegna a');
    await assignee.locator('option', { hasText: 'op.cagliari1' }).waitFor({ state: 'attached' });
    const label = (await assignee.locator('option').allInnerTexts()).find((text) => text.includes('(op.cagliari1)'));
    await assignee.selectOption({ label });
    await transferred.getByRole('button', { name: /^Assegna l'attività/ }).click();
    await section.getByText(/assegnata a .*\(op\.cagliari1\)\./).waitFor();
    await transferred.getByText('Assegnata a: op.cagliari1').waitFor();

    // Cancel, with a reason asked in a dialog.
    await byEmail.getByRole('button', { name: /^Annulla attività/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Annulla l'attività/ });
    await dialog.waitFor();
    assert.match(await focusedText(page), /^TEXTAREA/);
    await assertAccessible(page, 'cancel dialog');
    await dialog.getByLabel('Perché non serve più').fill('Documenti già arrivati allo sportello');
    await dialog.getByRole('button', { name: 'Annulla attività' }).click();
    await section.getByText(/attività annullata\./).waitFor();
    await section.getByText(new RegExp(`^${open - 1} attività`)).waitFor();
    await page.screenshot({ path: '/tmp/followups-office.png', fullPage: true });
    await assertFitsPhone(page, 'office follow-ups at 390 px', '/tmp/followups-office-phone.png');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('op.cagliari1 completes his item in a dialog', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openWorklist(page);
    const mine = page.getByRole('list', { name: 'Attività da completare' });
    const item = mine.getByRole('listitem').filter({ hasText: PROTOCOL });
    await item.waitFor();
    await assertAccessible(page, 'worklist with follow-ups');

    // The dialog takes the focus and gives it back on close.
    const complete = item.getByRole('button', { name: /^Completa/ });
    await complete.click();
    const dialog = page.getByRole('dialog', { name: /^Completa l'attività/ });
    await dialog.waitFor();
    assert.match(await focusedText(page), /^TEXTAREA/);
    await dialog.getByRole('button', { name: 'Completa' }).click();
    await dialog.getByText('Scrivi una risposta prima di confermare.').waitFor();
    await assertAccessible(page, 'complete dialog');
    await page.screenshot({ path: '/tmp/followups-dialog.png' });
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await complete.evaluate((el) => el === document.activeElement), true);

    await complete.click();
    await dialog.getByLabel('Che cosa è stato fatto').fill('Pratica lavorata e inviata al cittadino');
    await assertFitsPhone(page, 'complete dialog at 390 px', '/tmp/followups-dialog-phone.png');
    await dialog.getByRole('button', { name: 'Completa' }).click();
    await page.getByText(/^Attività completata: .*PROT-2026-0099\.$/).waitFor();
    await item.waitFor({ state: 'detached' });
    await assertAccessible(page, 'worklist after completing');
    await assertFitsPhone(page, 'worklist at 390 px', '/tmp/followups-worklist-phone.png');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
