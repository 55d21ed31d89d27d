// The office day (docs/domain.md §5): the director imports the CUP export and sees
// the report; an operator records a precall and a counter outcome on the demo
// bookings assigned to them. Real server, demo data, Debian's Chromium.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';
import { bookingDay, italianDate, romeDay } from './days.mjs';
import { repoRoot } from './server.mjs';

const app = serverAndBrowser();

/** Bootstrap Italia draws the radio with its label: click the label, as a person does. */
const choose = (scope, label) => scope.locator('label', { hasText: label }).click();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });

function fixtureWithDates(name) {
  const text = readFileSync(join(repoRoot, 'tests', 'fixtures', 'cup', name), 'utf8').replace(
    /\{\{D\+(\d+)\}\}/g,
    (_, n) => italianDate(romeDay(Number(n))),
  );
  const path = join(mkdtempSync(join(tmpdir(), 'cup-')), name);
  writeFileSync(path, text);
  return path;
}

describe('office day and worklist', () => {
  it('dir.cagliari1 imports the CUP export, sees the report and assigns precalls', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dir.cagliari1');
    await mainNav(page).getByRole('link', { name: "Giornata d'ufficio" }).click();
    await page.getByRole('heading', { level: 1, name: "Giornata d'ufficio" }).waitFor();
    await page.getByRole('table').or(page.getByText('Nessuna prenotazione per questo giorno')).first().waitFor();
    await assertAccessible(page, 'office day');

    // The file button.
    await page.getByLabel('Scegli il file').setInputFiles(fixtureWithDates('visualizza-ut-ca1.csv'));
    await page.getByText('File scelto: visualizza-ut-ca1.csv').waitFor();
    await page.getByRole('button', { name: 'Importa', exact: true }).click();
    const report = page.getByRole('region', { name: "Esito dell'importazione" });
    await report.waitFor();
    assert.equal(await report.getByTestId('cup-created').innerText(), '8');
    assert.ok(await report.getByText('Nessuna riga scartata.').isVisible());
    await assertAccessible(page, 'import report');

    // Drag and drop of the export with broken rows: each rejected row with its line number.
    const text = readFileSync(fixtureWithDates('visualizza-ut-ca1-broken.csv'), 'utf8');
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'visualizza-ut-ca1-broken.csv', { type: 'text/csv' }));
      return transfer;
    }, text);
    await page.getByTestId('cup-dropzone').dispatchEvent('drop', { dataTransfer });
    await page.getByText('File scelto: visualizza-ut-ca1-broken.csv').waitFor();
    await page.getByRole('button', { name: 'Importa', exact: true }).click();
    const rejected = page.getByRole('table', { name: /Righe scartate \(10\)/ });
    await rejected.waitFor();
    assert.equal(await rejected.getByRole('row').count(), 11);
    assert.equal(await rejected.getByRole('row').nth(1).getByRole('cell').first().innerText(), '3');
    await assertAccessible(page, 'import report with rejected rows');

    // The imported day: select a booking and assign its precall to op.cagliari1.
    await page.getByLabel('Giorno', { exact: true }).fill(romeDay(4));
    const bookings = page.getByRole('table', { name: 'Prenotazioni del giorno' });
    await bookings.getByRole('cell', { name: '770001', exact: true }).waitFor();
    await page.getByLabel('Seleziona la prenotazione n. 770001').check();
    // People are picked by name, never typed as usernames.
    await page.getByLabel('Operatore per le prechiamate').selectOption({ label: 'Laura Serra' });
    await page.getByRole('button', { name: 'Assegna prechiamate (1)' }).click();
    await page.getByText('1 prechiamate assegnate a Laura Serra.').waitFor();
    await assertAccessible(page, 'office day with bookings');

    // Skills: op.cagliari1 can give "Comunicazioni di irregolarità" (AVV-IRR).
    await page.getByLabel('Operatore', { exact: true }).selectOption({ label: 'Laura Serra' });
    const skills = page.getByRole('group', { name: 'Servizi che Laura Serra può erogare' });
    await skills.waitFor();
    const avvIrr = skills.getByRole('checkbox', { name: /\(AVV-IRR\)/ });
    if (!(await avvIrr.isChecked())) await choose(skills, '(AVV-IRR)');
    await page.getByRole('button', { name: 'Salva competenze' }).click();
    await page.getByText('Competenze salvate.').waitFor();
    await assertAccessible(page, 'skills editor');

    // Counter: the confirmed demo booking of the next working day goes to op.cagliari1, in person.
    await page
      .getByLabel('Giorno', { exact: true })
      .fill(await bookingDay(app.server.baseUrl, 'dir.cagliari1', 'UT-CA1', '40104'));
    await bookings.getByRole('cell', { name: '40104', exact: true }).waitFor();
    // The row's action opens over the table, where the person clicked, with the focus in it.
    await bookings.getByRole('button', { name: /Assegna sportello — n\. 40104/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Sportello — prenotazione n. 40104' });
    await dialog.waitFor();
    assert.ok(await dialog.evaluate((element) => element.contains(document.activeElement)), 'focus in the dialog');
    const counterForm = dialog.getByRole('form', { name: 'Sportello della prenotazione n. 40104' });
    await counterForm.getByLabel('Operatore di sportello').selectOption({ label: 'Laura Serra' });
    await assertAccessible(page, 'counter assignment');
    await counterForm.getByRole('button', { name: 'Assegna' }).click();
    await bookings.getByRole('row', { name: /40104/ }).getByText('Sportello assegnato').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('op.cagliari1 records a precall outcome and a counter outcome', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'op.cagliari1');
    await mainNav(page).getByRole('link', { name: 'La mia lista' }).click();
    await page.getByRole('heading', { level: 1, name: 'La mia lista' }).waitFor();
    const precalls = page.getByRole('list', { name: 'Prechiamate' });
    await precalls.waitFor();
    await page.getByRole('list', { name: 'Appuntamenti allo sportello' }).waitFor();
    await assertAccessible(page, 'worklist');

    // Precall: the first booking assigned to op.cagliari1, the phone as a tel: link.
    const first = precalls.getByRole('listitem').first();
    const cupNumber = (await first.getByRole('heading').innerText()).match(/n\. (\S+)/)[1];
    assert.match(await first.getByRole('link', { name: /^Chiama/ }).getAttribute('href'), /^tel:\+?\d+$/);
    await first.getByRole('button', { name: /^Registra esito/ }).click();
    const form = page.getByRole('form', { name: 'Esito della prechiamata' });
    await choose(form, 'Esito positivo del contatto');
    await choose(form, 'Conferma appuntamento in presenza');
    await form.getByLabel(/Note motivazione conferma/).fill('Portare la dichiarazione precedente');
    await assertAccessible(page, 'precall outcome form');
    await form.getByRole('button', { name: 'Registra esito' }).click();
    await page.getByText(`Esito registrato per la prenotazione n. ${cupNumber}.`).waitFor();
    await precalls
      .getByText(`prenotazione n. ${cupNumber}`)
      .waitFor({ state: 'detached' })
      .catch(() => {});

    // Counter: start the first session of the day, then transfer it to back office with a protocol number.
    const sessions = page.getByRole('list', { name: 'Appuntamenti allo sportello' });
    const session = sessions.getByRole('listitem').first();
    const sessionCup = (await session.getByRole('heading').innerText()).match(/n\. (\S+)\)/)[1];
    await session.getByRole('button', { name: /^Avvia/ }).click();
    await session.getByRole('timer').waitFor();
    await session.getByText('In corso allo sportello').waitFor();
    const counterForm = session.getByRole('form', { name: 'Esito dello sportello' });
    await choose(counterForm, 'Servizio trasferito in back office');
    await assertAccessible(page, 'counter session under way');
    await counterForm.getByRole('button', { name: 'Registra esito sportello' }).click();
    await counterForm.getByText(/Il numero di protocollo è obbligatorio/).waitFor();
    await counterForm.getByLabel('Numero di protocollo').fill('PROT-2026-0042');
    await counterForm.getByRole('button', { name: 'Registra esito sportello' }).click();
    await page.getByText(`Esito sportello registrato per la prenotazione n. ${sessionCup}.`).waitFor();
    await sessions
      .getByRole('listitem')
      .first()
      .getByText(/Concluso · Servizio trasferito in back office/)
      .waitFor();

    // The collaborator check is there, clearly apart (procure.test.mjs uses it).
    await page.getByRole('heading', { name: 'Verifica collaboratore' }).waitFor();
    await assertAccessible(page, 'worklist after outcomes');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
