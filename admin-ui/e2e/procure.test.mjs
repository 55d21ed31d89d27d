// Procure (docs/domain.md §6), against the real server with the demo data:
// prof.rossi declares a procura for a new client with collaborators allowed,
// lists a collaborator, creates an API key (its secret shown once) and a
// webhook; op.cagliari1 checks the collaborator at the counter (positive for
// the delegated service, negative for another); after prof.rossi revokes the
// procura the same check is negative.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';
import { romeDay } from './days.mjs';

const app = serverAndBrowser();

// Valid fiscal codes (check characters included) that the demo data does not use.
const CLIENT = 'VRDLGU75M15F205B';
const COLLABORATOR = 'BNCLRA92S55B354I';
const DELEGATED = 'Documentazione per i rimborsi';
const NOT_DELEGATED = 'Informazioni sullo stato delle pratiche';

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const procureTabs = (page) => page.getByRole('navigation', { name: 'Sezioni delle procure' });
/** Bootstrap Italia draws the checkbox with its label: click the label, as a person does. */
const tick = (scope, label) => scope.locator('label', { hasText: label }).click();

async function openProcure(page) {
  await signIn(page, 'prof.rossi');
  await mainNav(page).getByRole('link', { name: 'Procure' }).click();
  await page.getByRole('heading', { level: 1, name: 'Procure' }).waitFor();
  await page.getByTestId('professional-profile').waitFor();
}

async function openCheck(page) {
  await signIn(page, 'op.cagliari1');
  await mainNav(page).getByRole('link', { name: 'La mia lista' }).click();
  await page.getByRole('heading', { level: 1, name: 'La mia lista' }).waitFor();
  const panel = page.getByTestId('collaborator-check');
  await panel.getByRole('heading', { name: 'Verifica collaboratore' }).waitFor();
  return panel;
}

async function check(panel, service) {
  await panel.getByLabel('Codice fiscale del collaboratore *').fill(COLLABORATOR);
  await panel.getByLabel('Codice fiscale o partita IVA del cliente *').fill(CLIENT);
  await panel.getByLabel('Servizio richiesto *').selectOption({ label: service });
  await panel.getByRole('button', { name: 'Verifica', exact: true }).click();
  const result = panel.getByTestId('collaborator-check-result');
  const heading = result.getByRole('heading');
  await heading.waitFor();
  return { result, heading: await heading.innerText(), text: await result.innerText() };
}

describe('procure', () => {
  it('prof.rossi declares a procura, adds a collaborator, creates an API key and a webhook', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openProcure(page);
    const table = page.getByRole('table', { name: 'Procure dichiarate' });
    await table.waitFor();
    assert.match(await page.getByTestId('professional-profile').innerText(), /Mario Rossi \(RSSMRA80A01H501U\)/);
    // The demo procure, each with its status in Italian.
    assert.match(await page.getByTestId('procura-PNNLNE85D45B354L').innerText(), /Scaduta/);
    assert.match(await page.getByTestId('procura-CLLMRC88L22H501W').innerText(), /Revocata/);
    await assertAccessible(page, 'procure list');

    // Declare: first sent empty (the form says what is missing), then filled in.
    await procureTabs(page).getByRole('link', { name: 'Nuova procura' }).click();
    const form = page.getByRole('form', { name: 'Nuova procura' });
    await form.waitFor();
    await assertAccessible(page, 'declare form');
    await form.getByRole('button', { name: 'Dichiara la procura' }).click();
    await form.getByText('Scegli almeno uno dei servizi delegati.').waitFor();
    assert.equal(
      await form.getByLabel('Codice fiscale o partita IVA del cliente *').getAttribute('aria-invalid'),
      'true',
    );
    await assertAccessible(page, 'declare form with errors');
    await form.getByLabel('Codice fiscale o partita IVA del cliente *').fill(CLIENT);
    await tick(form.getByRole('group', { name: /Servizi delegati/ }), DELEGATED);
    assert.equal(await form.getByLabel('Valida dal *').inputValue(), romeDay(0));
    await form.getByLabel('Valida fino al *').fill(romeDay(365));
    await tick(form, 'Autorizza i collaboratori');
    await tick(form, 'Dichiaro di aver informato');
    await form.getByRole('button', { name: 'Dichiara la procura' }).click();

    // Back on the list: ACTIVE ("Attiva"), with its history.
    await page.getByText(`Procura dichiarata per il cliente ${CLIENT}.`).waitFor();
    const row = page.getByTestId(`procura-${CLIENT}`);
    await row.waitFor();
    const rowText = await row.innerText();
    assert.match(rowText, /Attiva/);
    assert.match(rowText, new RegExp(DELEGATED));
    assert.match(rowText, /Autorizzati/);
    await row.getByRole('button', { name: `Storico della procura del cliente ${CLIENT}` }).click();
    await page.getByRole('heading', { name: `Storico della procura del cliente ${CLIENT}` }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Dichiarata — / })
      .waitFor();
    await assertAccessible(page, 'procure list with the new procura');

    // Collaborators.
    await procureTabs(page).getByRole('link', { name: 'Collaboratori' }).click();
    const addForm = page.getByRole('form', { name: 'Nuovo collaboratore' });
    await addForm.waitFor();
    await page.getByTestId('collaborator-MRNFNC90E50B354K').waitFor();
    await assertAccessible(page, 'collaborators');
    await addForm.getByLabel('Codice fiscale del collaboratore *').fill(COLLABORATOR.toLowerCase());
    await addForm.getByRole('button', { name: 'Aggiungi collaboratore' }).click();
    await page.getByText(new RegExp(`Collaboratore ${COLLABORATOR} comunicato dal`)).waitFor();
    assert.match(await page.getByTestId(`collaborator-${COLLABORATOR}`).innerText(), /senza scadenza[\s\S]*Attivo/);
    // The demo collaborator's period ends today (the last day it is still active).
    await page.getByRole('button', { name: 'Termina il periodo di MRNFNC90E50B354K' }).click();
    const endDialog = page.getByRole('dialog', { name: 'Terminare il periodo del collaboratore?' });
    await endDialog.waitFor();
    assert.equal(await endDialog.getByLabel('Ultimo giorno *').inputValue(), romeDay(0));
    await assertAccessible(page, 'end collaborator dialog');
    await endDialog.getByRole('button', { name: 'Termina', exact: true }).click();
    const today = romeDay(0).split('-').reverse().join('/');
    await page.getByText(`Periodo di MRNFNC90E50B354K terminato: ultimo giorno ${today}.`).waitFor();
    const ended = page.getByTestId('collaborator-MRNFNC90E50B354K');
    await ended.getByRole('cell', { name: new RegExp(`^${today} terminato il`) }).waitFor();
    assert.match(await ended.innerText(), /Attivo/);

    // API key: the secret once, with its warning; gone after a reload.
    await procureTabs(page).getByRole('link', { name: 'Chiavi API' }).click();
    const keyForm = page.getByRole('form', { name: 'Nuova chiave API' });
    await keyForm.waitFor();
    await page.getByText('Non hai ancora creato chiavi API').waitFor();
    await assertAccessible(page, 'API keys');
    await keyForm.getByLabel('Nome della chiave *').fill('Gestionale studio');
    await keyForm.getByRole('button', { name: 'Crea chiave' }).click();
    const secretPanel = page.getByTestId('secret-once');
    await secretPanel.waitFor();
    const secret = await secretPanel.getByLabel('Chiave API').inputValue();
    assert.match(secret, /^acc_pk_[A-Za-z0-9_-]{43}$/);
    assert.match(await secretPanel.innerText(), /il valore è mostrato solo questa volta/);
    await secretPanel.getByRole('button', { name: 'Copia' }).waitFor();
    await page.getByRole('cell', { name: 'Gestionale studio', exact: true }).waitFor();
    await assertAccessible(page, 'API key just created');
    await page.reload();
    await page.getByRole('cell', { name: 'Gestionale studio', exact: true }).waitFor();
    assert.equal(await page.getByTestId('secret-once').count(), 0);
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');

    // Webhook: register (the signing secret once), then delete after confirming.
    await procureTabs(page).getByRole('link', { name: 'Webhook' }).click();
    const hookForm = page.getByRole('form', { name: 'Nuovo webhook' });
    await hookForm.waitFor();
    await page.getByText('Nessun webhook registrato').waitFor();
    await assertAccessible(page, 'webhooks');
    await hookForm.getByLabel("URL dell'endpoint *").fill('https://gestionale.example.com/hooks/accoglienza');
    await hookForm.getByRole('button', { name: 'Registra webhook' }).click();
    const hookSecret = page.getByTestId('secret-once');
    await hookSecret.waitFor();
    assert.match(await hookSecret.getByLabel('Segreto di firma').inputValue(), /^acc_whsec_/);
    const endpoint = page.getByRole('article', { name: 'https://gestionale.example.com/hooks/accoglienza' });
    await endpoint.getByText('Nessuna notifica inviata a questo endpoint finora.').waitFor();
    await assertAccessible(page, 'webhook just registered');
    await endpoint.getByRole('button', { name: /^Elimina il webhook/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Eliminare il webhook?' });
    await dialog.waitFor();
    await assertAccessible(page, 'delete webhook dialog');
    await dialog.getByRole('button', { name: 'Elimina', exact: true }).click();
    await page.getByText('Nessun webhook registrato').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('op.cagliari1 checks the collaborator at the counter: positive for the delegated service, negative for another', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    const panel = await openCheck(page);
    await assertAccessible(page, 'worklist with the collaborator check');

    const yes = await check(panel, DELEGATED);
    assert.match(yes.heading, /^Esito positivo/);
    assert.match(yes.text, /Autorizzato: una procura attiva copre il servizio/);
    assert.match(yes.text, /Mario Rossi/);
    assert.equal(await yes.result.getAttribute('aria-live'), 'polite');
    await assertAccessible(page, 'collaborator check: positive');

    const no = await check(panel, NOT_DELEGATED);
    assert.match(no.heading, /^Esito negativo/);
    assert.match(no.text, /La procura non comprende questo servizio/);
    await assertAccessible(page, 'collaborator check: negative');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('prof.rossi revokes the procura, and the collaborator check becomes negative', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openProcure(page);
    const row = page.getByTestId(`procura-${CLIENT}`);
    await row.getByRole('button', { name: `Revoca la procura del cliente ${CLIENT}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revocare la procura?' });
    await dialog.waitFor();
    await assertAccessible(page, 'revoke dialog');
    await dialog.getByRole('button', { name: 'Revoca la procura' }).click();
    await page.getByText(`Procura del cliente ${CLIENT} revocata`).waitFor();
    await row.getByText('Revocata', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: /^Revoca/ }).count(), 0);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();

    const counter = await newPage(app.browser, app.server.baseUrl);
    const panel = await openCheck(counter);
    const after = await check(panel, DELEGATED);
    assert.match(after.heading, /^Esito negativo/);
    assert.match(after.text, /La procura è stata revocata/);
    await assertAccessible(counter, 'collaborator check after the revocation');
    assert.deepEqual(counter.pageErrors, []);
    await counter.context().close();
  });
  it('on a phone the collaborators are cards of labelled lines, not a table scrolling in its box', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openProcure(page);
    await procureTabs(page).getByRole('link', { name: 'Collaboratori' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    const table = page.getByRole('table', { name: 'Collaboratori comunicati' });
    await table.waitFor();
    const layout = await table.evaluate((element) => {
      const box = element.closest('.table-responsive') ?? element.parentElement;
      const cell = element.querySelector('tbody td[data-label="Dal"]');
      return {
        scrolls: box.scrollWidth > box.clientWidth,
        tableRight: element.getBoundingClientRect().right,
        label: getComputedStyle(cell, '::before').content,
        rowWidth: element.querySelector('tbody tr').getBoundingClientRect().width,
      };
    });
    assert.equal(layout.scrolls, false, 'the table does not scroll sideways inside its box');
    assert.ok(layout.tableRight <= 390, `the table ends inside the screen (${layout.tableRight} px)`);
    assert.equal(layout.label, '"Dal"', 'each value reads with its column name');
    assert.ok(layout.rowWidth > 300, `a row is a card as wide as the screen (${layout.rowWidth} px)`);
    await page.screenshot({ path: 'e2e/screenshots/procure-collaborators-390.png', fullPage: true });
    await assertAccessible(page, 'collaborators on a phone');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
