// Configuration screens (issue 18 item 2), against the real server with the demo data:
// the administrator adds, renames and deactivates a quesito classification of a region,
// sorts the list by a column, sets a section's answer time for that region, and adds and
// changes a service of the catalogue with its precall flag; a regional director configures
// only their own region. Each screen is checked at 1366 and 390 px (no horizontal scroll).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { graphqlAs } from './api.mjs';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';
import { adminUiDir } from './server.mjs';

const app = serverAndBrowser();
const screenshots = join(adminUiDir, 'e2e', 'screenshots', 'configuration');
const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const tick = (scope, label) => scope.locator('label', { hasText: label }).click();

/** Screenshots at both widths, and the page no wider than the window at each. */
async function fitsBothWidths(page, name) {
  mkdirSync(screenshots, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 768 : 844 });
    await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(scrollWidth <= innerWidth, `${name} is ${scrollWidth} px wide at ${innerWidth} px`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('configuration screens', () => {
  it('admin adds, renames, deactivates and sorts the classifications of a region and sets its SLA', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'admin');
    await mainNav(page).getByRole('link', { name: 'Configurazione quesiti' }).click();
    await page.getByRole('heading', { level: 1, name: 'Configurazione quesiti' }).waitFor();
    await page.getByLabel('Regione').selectOption({ label: 'DR Sardegna' });
    const table = page.getByRole('table', { name: 'Classificazioni dei quesiti per DR Sardegna' });
    await table.waitFor();

    await page.getByRole('button', { name: 'Nuova classificazione' }).click();
    const form = page.getByRole('form', { name: 'Nuova classificazione' });
    const ambito = form.getByLabel('Ambito *');
    assert.equal(await ambito.evaluate((select) => select === document.activeElement), true, 'focus in the form');
    const scopes = await form.getByLabel('Ambito *').locator('option').allInnerTexts();
    assert.deepEqual(scopes, ['Nazionale (tutte le regioni)', 'Solo DR Sardegna']);
    await form.getByRole('button', { name: 'Aggiungi la classificazione' }).click();
    await form.getByText('Scegli la sezione.').waitFor();
    await form.getByLabel('Sezione *').selectOption({ label: 'Soggetto contribuente' });
    await form.getByLabel('Codice *').fill('allevatori_ovini');
    await form.getByLabel('Descrizione *').fill('Contributi degli allevatori');
    await form.getByRole('button', { name: 'Aggiungi la classificazione' }).click();
    await form.getByText('Classificazione ALLEVATORI_OVINI aggiunta.').waitFor();
    const row = page.getByTestId('classification-ALLEVATORI_OVINI');
    await row.getByText('Regionale').waitFor();
    await assertAccessible(page, 'classifications');

    // Rename in place: the field opens in the row with the focus in it.
    await row.getByRole('button', { name: 'Rinomina ALLEVATORI_OVINI' }).click();
    const rename = row.getByLabel('Nuova descrizione');
    assert.equal(await rename.evaluate((input) => input === document.activeElement), true);
    await rename.fill('Allevatori ovini e caprini');
    await row.getByRole('button', { name: 'Salva' }).click();
    await row.getByText('Allevatori ovini e caprini').waitFor();
    await row.getByRole('button', { name: 'Disattiva ALLEVATORI_OVINI' }).click();
    await row.getByText('Disattivata').waitFor();

    // Sorted by the description, descending, from its header.
    await table.getByRole('button', { name: /Descrizione/ }).click();
    await table.getByRole('button', { name: /Descrizione/ }).click();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Descrizione' }).waitFor();
    await page.waitForLoadState('networkidle');
    const labels = await table.locator('tbody td[data-label="Descrizione"]').allInnerTexts();
    const sorted = [...labels].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    assert.deepEqual(labels, sorted);
    assert.match(await page.getByText(/elementi? in tutto|elementi mostrati/).innerText(), /\d/);

    // The answer time of a section for Sardegna only.
    await page.getByRole('button', { name: 'Cambia un tempo di risposta' }).click();
    const sla = page.getByRole('form', { name: 'Tempo di risposta' });
    await sla.getByLabel('Ambito *').selectOption({ label: 'Solo DR Sardegna' });
    await sla.getByLabel('Sezione *').selectOption({ label: 'Pensioni' });
    await sla.getByLabel('Giorni lavorativi *').fill('7');
    await sla.getByRole('button', { name: 'Imposta' }).click();
    await sla.getByText('Pensioni: 7 giorni lavorativi.').waitFor();
    const pensioni = page.getByTestId('sla-PENSIONI');
    await pensioni.getByText('Solo DR Sardegna').waitFor();
    assert.match(await pensioni.innerText(), /7/);
    await assertAccessible(page, 'classifications and SLA');
    await fitsBothWidths(page, 'quesiti');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('admin adds a fast service (no precall) and then makes it precalled', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'admin');
    await mainNav(page).getByRole('link', { name: 'Servizi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Servizi' }).waitFor();
    const form = page.getByRole('form', { name: 'Nuovo servizio' });
    await form.getByLabel('Codice *').fill('E2E_RILASCIO_PIN');
    await form.getByLabel('Nome *').fill('Rilascio PIN');
    await tick(form, 'Richiamata preventiva');
    await form.getByLabel('Processo di Profilo Utente *').fill('PIN');
    await form.getByRole('button', { name: 'Aggiungi il servizio' }).click();
    await form.getByText('Servizio «Rilascio PIN» salvato.').waitFor();
    const row = page.getByTestId('service-E2E_RILASCIO_PIN');
    await row.getByText('No (servizio veloce)').waitFor();
    await assertAccessible(page, 'services');

    await row.getByRole('button', { name: 'Modifica Rilascio PIN' }).click();
    const edit = page.getByRole('form', { name: 'Modifica «Rilascio PIN»' });
    const name = edit.getByLabel('Nome *');
    assert.equal(await name.evaluate((input) => input === document.activeElement), true, 'focus in the form');
    assert.equal(await edit.getByLabel('Codice *').getAttribute('readonly'), '');
    await name.fill('Rilascio PIN dispositivo');
    await tick(edit, 'Richiamata preventiva');
    await edit.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByTestId('service-E2E_RILASCIO_PIN').getByText('Rilascio PIN dispositivo').waitFor();
    assert.match(await page.getByTestId('service-E2E_RILASCIO_PIN').innerText(), /Sì/);
    await fitsBothWidths(page, 'services');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('admin maps a classification to a second central directorate, and the expert forwards there', async () => {
    const asAdmin = (query, variables) => graphqlAs(app.server.baseUrl, 'admin', query, variables);
    await asAdmin('mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { code } }', {
      i: {
        code: 'DC-PREV',
        name: 'Direzione Centrale Pensioni',
        kind: 'CENTRAL_DIRECTORATE',
        parentCode: 'ROOT',
        segment: 'DCPREV',
      },
    });
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'admin');
    await mainNav(page).getByRole('link', { name: 'Configurazione quesiti' }).click();
    await page.getByLabel('Regione').selectOption({ label: 'DR Sardegna' });
    const row = page.getByTestId('classification-DECORRENZA');
    await row.getByText('Predefinita').waitFor();
    await row.getByRole('button', { name: 'Direzione competente per DECORRENZA' }).click();
    const picker = row.getByLabel('Direzione centrale');
    assert.deepEqual(await picker.locator('option').allInnerTexts(), [
      'Predefinita (la prima Direzione centrale)',
      'Direzione Centrale',
      'Direzione Centrale Pensioni',
    ]);
    await picker.selectOption({ label: 'Direzione Centrale Pensioni' });
    await row.getByRole('button', { name: 'Salva' }).click();
    await row.getByText('Direzione Centrale Pensioni').waitFor();
    await assertAccessible(page, 'classification mapped to a directorate');
    await fitsBothWidths(page, 'quesiti-directorate');
    await page.context().close();

    // A quesito of that classification, filed by the CCM, is forwarded there by the expert.
    const asCcm = (query, variables) => graphqlAs(app.server.baseUrl, 'ccm.op', query, variables);
    const { quesitoClassifications } = await asCcm(
      'query { quesitoClassifications(regionCode: "DR-SAR", section: PENSIONI, first: 100) { nodes { id code } } }',
    );
    const decorrenza = quesitoClassifications.nodes.find((c) => c.code === 'DECORRENZA');
    await asCcm('mutation($i: FileQuesitoInput!) { fileQuesito(input: $i) { id } }', {
      i: {
        regionCode: 'DR-SAR',
        section: 'PENSIONI',
        classification: decorrenza.id,
        subject: 'Decorrenza con periodi esteri',
        question: 'Il cittadino chiede da quando decorre la pensione con periodi lavorati all’estero.',
        citizenFiscalCode: 'RSSMRA80A01H501U',
      },
    });
    const expert = await newPage(app.browser, app.server.baseUrl);
    await signIn(expert, 'cric.sardegna');
    await mainNav(expert).getByRole('link', { name: 'Coda CRIC' }).click();
    await expert.getByRole('link', { name: 'Decorrenza con periodi esteri' }).first().click();
    await expert.getByRole('button', { name: 'Inoltra alla Direzione Centrale' }).click();
    assert.match(await expert.getByTestId('forward-target').innerText(), /Direzione Centrale Pensioni/);
    await expert.getByLabel("Motivo dell'inoltro *").fill('Serve il parere della direzione competente per materia');
    await expert.getByRole('button', { name: "Conferma l'inoltro" }).click();
    await expert.getByText('Inoltrato a').waitFor();
    assert.match(await expert.locator('dd', { hasText: 'Direzione Centrale Pensioni' }).innerText(), /Pensioni/);
    assert.deepEqual(expert.pageErrors, []);
    await expert.context().close();
  });

  it('a regional director configures only their own region, never nationally', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await mainNav(page).getByRole('link', { name: 'Configurazione quesiti' }).click();
    await page.getByRole('table', { name: 'Classificazioni dei quesiti per DR Sardegna' }).waitFor();
    assert.equal(await page.getByLabel('Regione').count(), 0, 'one region: nothing to pick');
    assert.equal(await mainNav(page).getByRole('link', { name: 'Servizi' }).count(), 0, 'the catalogue is the admin’s');
    await page.getByRole('button', { name: 'Nuova classificazione' }).click();
    const scopes = await page
      .getByRole('form', { name: 'Nuova classificazione' })
      .getByLabel('Ambito *')
      .locator('option')
      .allInnerTexts();
    assert.deepEqual(scopes, ['Solo DR Sardegna']);
    await fitsBothWidths(page, 'quesiti-dr');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
