// CCM and CRIC (docs/domain.md §4), against the real server with the demo data:
// ccm.op searches the FAQ and files a quesito to DR Sardegna / Pensioni;
// cric.sardegna takes and answers it; cric.lazio never sees it; cric.sardegna
// converts another quesito into an appointment at a Sardinian office. A second quesito of
// the same citizen is proposed to cric.sardegna (continuity), who asks the citizen for a
// document; ccm.op records the citizen's reply from the contact screen (issue 18).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphqlAs } from './api.mjs';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';
import { openDay } from './days.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const SUBJECT = `Decorrenza pensione di vecchiaia ${Date.now()}`;
const FISCAL_CODE = 'RSSMRA80A01H501U';
let quesitoPath;

/** `gg/mm/aaaa, hh:mm` (the app's date format) as milliseconds, for comparing. */
function instant(text) {
  const [, d, m, y, h, min] = text.match(/(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})/);
  return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(h), Number(min));
}

/** A GraphQL request as `username`, straight to the API (to prepare data the screen then works on). */
const gql = (username, query, variables) => graphqlAs(app.server.baseUrl, username, query, variables);

/** No horizontal scroll at a phone's width (390 px), with a screenshot to look at; back to the desktop after. */
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

async function statusesOfHistory(page) {
  return page
    .getByTestId('quesito-event')
    .evaluateAll((rows) => rows.map((row) => [row.children[2].dataset.status || null, row.children[3].dataset.status]));
}

describe('CCM and CRIC', () => {
  it('ccm.op searches the FAQ, then files a quesito to DR Sardegna / Pensioni', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'ccm.op');
    await mainNav(page).getByRole('link', { name: 'CCM' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contact Center Multicanale' }).waitFor();
    await assertAccessible(page, 'CCM home (FAQ search)');

    // The FAQ first: an Italian word form different from the text's ("pensione" finds "pensioni").
    await page.getByLabel('Parole da cercare').fill('pensione');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    const results = page.getByRole('list', { name: 'Risultati della ricerca nelle FAQ' });
    await results.waitFor();
    const first = results.getByRole('button').first();
    assert.equal(await first.getAttribute('aria-expanded'), 'false');
    await first.click();
    assert.equal(await first.getAttribute('aria-expanded'), 'true');
    await results.locator('.faq-answer').first().waitFor();
    await assertAccessible(page, 'FAQ results');

    // Not there: file a quesito.
    await page.getByRole('main').getByRole('link', { name: 'Nuovo quesito' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Nuovo quesito' }).waitFor();
    await page.getByLabel('Direzione regionale *').selectOption({ label: 'DR Sardegna' });
    await page.getByLabel('Sezione *').selectOption({ label: 'Pensioni' });
    await page.locator('option', { hasText: 'Requisiti e decorrenza della pensione' }).waitFor({ state: 'attached' });
    await page.getByLabel('Classificazione *').selectOption({ label: 'Requisiti e decorrenza della pensione' });
    await page.getByLabel('Oggetto *').fill(SUBJECT);
    await page
      .getByLabel('Quesito *')
      .fill('Il cittadino chiede da quando decorre la pensione di vecchiaia dopo il compimento dei requisiti.');
    await page.getByLabel('Codice fiscale del cittadino *').fill('RSSMRA80A01H501X');
    await page.getByLabel('E-mail del cittadino').fill('mario.rossi@example.it');

    // A wrong check character is caught in the app.browser, on the field.
    await page.getByRole('button', { name: 'Inoltra il quesito' }).click();
    await page.getByText('Il carattere di controllo del codice fiscale non corrisponde.').waitFor();
    assert.equal(await page.getByLabel('Codice fiscale del cittadino *').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'new quesito with errors');

    await page.getByLabel('Codice fiscale del cittadino *').fill(FISCAL_CODE);
    await page.getByRole('button', { name: 'Inoltra il quesito' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByText('Quesito inoltrato al CRIC.').waitFor();
    assert.equal(await page.getByTestId('quesito-status').innerText(), 'Nuovo');
    quesitoPath = new URL(page.url()).pathname;
    assert.match(quesitoPath, /^\/ccm\/quesiti\/.+/);
    await assertAccessible(page, 'quesito filed (CCM)');

    // The contact that produced it, linked.
    await page.getByRole('link', { name: 'Registra il contatto collegato' }).click();
    await page.getByRole('heading', { level: 2, name: 'Registra un contatto' }).waitFor();
    await page.getByLabel('Sezione *').selectOption({ label: 'Pensioni' });
    await page.getByLabel('Argomento *').fill('Decorrenza pensione');
    await page.getByLabel('Codice fiscale del cittadino').fill(FISCAL_CODE);
    await page.getByRole('button', { name: 'Registra il contatto' }).click();
    await page.getByText('Contatto registrato.').waitFor();
    await page.getByRole('table').getByRole('link', { name: SUBJECT }).waitFor();
    await assertAccessible(page, 'CCM contacts');

    // A citizen calling back: their quesiti by fiscal code.
    await page.getByRole('link', { name: 'Quesiti del cittadino' }).click();
    await page.getByLabel('Codice fiscale del cittadino').fill(FISCAL_CODE);
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('table').getByRole('link', { name: SUBJECT }).waitFor();
    await assertAccessible(page, 'citizen look-up');

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('cric.sardegna sees it in the queue, takes it and answers it', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'cric.sardegna');
    await mainNav(page).getByRole('link', { name: 'Coda CRIC' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda CRIC' }).waitFor();
    const queue = page.getByRole('table', { name: 'Quesiti in coda' });
    await queue.getByRole('link', { name: SUBJECT }).waitFor();
    await assertAccessible(page, 'CRIC queue');
    // Soonest due first (issue 16): the "Scadenza" column never goes back in time.
    const dueIndex = (await queue.locator('thead th').allInnerTexts()).findIndex((h) => h.startsWith('Scadenza'));
    const due = (await queue.locator(`tbody tr td:nth-child(${dueIndex + 1})`).allInnerTexts()).map(instant);
    assert.ok(due.length >= 2, `${due.length} rows`);
    assert.deepEqual(
      due,
      [...due].sort((a, b) => a - b),
    );

    // The section tab keeps it; another section's does not.
    await page.getByRole('button', { name: 'Soggetto contribuente' }).click();
    await page.getByRole('link', { name: SUBJECT }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Pensioni' }).click();
    await queue.getByRole('link', { name: SUBJECT }).click();

    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByText(FISCAL_CODE).waitFor();
    await assertAccessible(page, 'quesito detail (CRIC, new)');

    // The same quesito open in a second window, still showing it NEW.
    const other = await newPage(app.browser, app.server.baseUrl);
    await signIn(other, 'cric.sardegna');
    await other.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await other.goto(new URL(page.url()).pathname);
    await other.getByRole('button', { name: 'Prendi in carico' }).waitFor();

    await page.getByRole('button', { name: 'Prendi in carico' }).click();
    await page.getByTestId('quesito-status').getByText('In lavorazione').waitFor();

    // The second window's take is refused, and says so clearly.
    await other.getByRole('button', { name: 'Prendi in carico' }).click();
    await other.getByRole('heading', { name: 'Il quesito è stato modificato da un altro utente: ricarica.' }).waitFor();
    await assertAccessible(other, 'take conflict');
    await other.getByRole('button', { name: 'Ricarica il quesito' }).click();
    await other.getByTestId('quesito-status').getByText('In lavorazione').waitFor();
    assert.deepEqual(other.pageErrors, []);
    await other.context().close();

    await page.getByRole('button', { name: 'Rispondi' }).click();
    await page
      .getByLabel('Risposta *')
      .fill('La pensione di vecchiaia decorre dal primo giorno del mese successivo al compimento dei requisiti.');
    await page.getByText('Pubblica come FAQ').click();
    assert.ok(await page.getByLabel('Pubblica come FAQ').isChecked());
    await assertAccessible(page, 'answer form');
    await page.getByRole('button', { name: 'Invia la risposta' }).click();
    await page.getByTestId('quesito-status').getByText('Risposto').waitFor();
    await page.getByText('pubblicata come FAQ', { exact: false }).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Azioni sul quesito' }).count(), 0);

    assert.deepEqual(await statusesOfHistory(page), [
      [null, 'NEW'],
      ['NEW', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'ANSWERED'],
    ]);
    const actors = await page
      .getByTestId('quesito-event')
      .evaluateAll((rows) => rows.map((row) => row.children[1].textContent));
    assert.deepEqual(actors, ['ccm.op', 'cric.sardegna', 'cric.sardegna']);
    await assertAccessible(page, 'quesito answered (CRIC)');

    await page.getByRole('link', { name: 'Gestione FAQ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gestione FAQ' }).waitFor();
    await page.getByRole('heading', { level: 3, name: SUBJECT }).waitFor();
    await assertAccessible(page, 'FAQ management');

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('the same citizen again: proposed to cric.sardegna, who asks the citizen; ccm.op records the reply', async () => {
    const subject = `Supplemento di pensione ${Date.now()}`;
    const request = "Serve l'estratto contributivo aggiornato al 2026.";
    const { quesitoClassifications } = await gql(
      'ccm.op',
      'query { quesitoClassifications(regionCode: "DR-SAR", section: PENSIONI, first: 1) { nodes { id } } }',
    );
    await gql('ccm.op', 'mutation($i: FileQuesitoInput!) { fileQuesito(input: $i) { id } }', {
      i: {
        regionCode: 'DR-SAR',
        section: 'PENSIONI',
        classification: quesitoClassifications.nodes[0].id,
        subject,
        question: 'Il cittadino chiede se ha diritto al supplemento di pensione per i contributi successivi.',
        citizenFiscalCode: FISCAL_CODE,
      },
    });

    // cric.sardegna took this citizen's first quesito: the new one is proposed to them, first.
    const expert = await newPage(app.browser, app.server.baseUrl);
    await signIn(expert, 'cric.sardegna');
    await mainNav(expert).getByRole('link', { name: 'Coda CRIC' }).click();
    const proposed = expert.getByRole('list', { name: 'Quesiti proposti a te' });
    await proposed.getByRole('link', { name: subject }).waitFor();
    await assertAccessible(expert, 'CRIC queue with a quesito proposed to the expert');
    await assertFitsPhone(expert, 'CRIC queue with proposals', '/tmp/cric-queue-proposed.png');
    await proposed.getByRole('link', { name: subject }).click();
    await expert.getByRole('heading', { level: 1, name: subject }).waitFor();
    await expert.getByTestId('quesito-proposed').getByText('te', { exact: false }).waitFor();
    await expert.getByRole('button', { name: 'Prendi in carico' }).click();
    await expert.getByTestId('quesito-status').getByText('In lavorazione').waitFor();

    // Waiting for the citizen, with what is asked (required).
    await expert.getByRole('button', { name: 'In attesa del cittadino' }).click();
    await expert.getByRole('button', { name: 'Metti in attesa del cittadino' }).click();
    await expert.getByText('Scrivi cosa si chiede al cittadino.').waitFor();
    await expert.getByLabel('Cosa si chiede al cittadino *').fill(request);
    await assertAccessible(expert, 'ask the citizen form');
    await expert.getByRole('button', { name: 'Metti in attesa del cittadino' }).click();
    await expert.getByTestId('quesito-status').getByText('In attesa del cittadino').waitFor();
    await expert.getByTestId('quesito-waiting').getByText(request).waitFor();
    assert.deepEqual((await statusesOfHistory(expert)).at(-1), ['IN_PROGRESS', 'WAITING_FOR_CITIZEN']);
    await assertAccessible(expert, 'quesito waiting for the citizen');
    await assertFitsPhone(expert, 'quesito waiting for the citizen', '/tmp/cric-quesito-waiting.png');

    // The citizen calls the CCM: the operator records the contact and the reply.
    const ccm = await newPage(app.browser, app.server.baseUrl);
    await signIn(ccm, 'ccm.op');
    await mainNav(ccm).getByRole('link', { name: 'CCM' }).click();
    await ccm.getByRole('navigation', { name: 'Sezioni del CCM' }).getByRole('link', { name: 'Contatti' }).click();
    await ccm.getByRole('heading', { level: 2, name: 'Registra un contatto' }).waitFor();
    await ccm.getByLabel('Codice fiscale del cittadino').fill(FISCAL_CODE);
    const waiting = ccm.getByRole('group', { name: `Risposta del cittadino al quesito «${subject}»` });
    await waiting.getByText(request, { exact: false }).waitFor();
    await waiting.getByLabel('Risposta del cittadino *').fill('Ho inviato l’estratto contributivo via PEC.');
    await assertAccessible(ccm, 'CCM contact with a quesito waiting for the citizen');
    await assertFitsPhone(ccm, 'CCM contact with a waiting quesito', '/tmp/ccm-citizen-reply.png');
    await waiting.getByRole('button', { name: 'Registra la risposta' }).click();
    await ccm.getByText('Risposta registrata', { exact: false }).waitFor();
    assert.deepEqual(ccm.pageErrors, []);
    await ccm.context().close();

    // Back with the expert, the clock running again.
    await expert.reload();
    await expert.getByTestId('quesito-status').getByText('In lavorazione').waitFor();
    await expert
      .getByRole('region', { name: 'Risposta del cittadino' })
      .getByText('Ho inviato l’estratto contributivo via PEC.')
      .waitFor();
    assert.deepEqual((await statusesOfHistory(expert)).at(-1), ['WAITING_FOR_CITIZEN', 'IN_PROGRESS']);
    assert.equal(await expert.getByTestId('quesito-holder').innerText(), 'te');
    assert.deepEqual(expert.pageErrors, []);
    await expert.context().close();
  });

  it('cric.lazio does not see it', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'cric.lazio');
    await mainNav(page).getByRole('link', { name: 'Coda CRIC' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coda CRIC' }).waitFor();
    await page.getByLabel('Stato').selectOption({ label: 'Tutti' });
    // Lazio's own quesiti are listed; the Sardegna one is not, even searched by its words.
    await page
      .getByRole('table', { name: 'Quesiti in coda' })
      .getByRole('link', { name: 'Cumulo gratuito con cassa professionale' })
      .waitFor();
    assert.equal(await page.getByText(SUBJECT).count(), 0);
    await page.getByLabel("Parole nell'oggetto o nel quesito").fill(SUBJECT);
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByText('Nessun quesito in coda con questi filtri').waitFor();
    assert.equal(await page.getByText(SUBJECT).count(), 0);
    await assertAccessible(page, 'CRIC queue (empty)');

    await page.goto(quesitoPath.replace('/ccm/', '/cric/'));
    await page.getByRole('alert').getByRole('heading', { name: 'Quesito non trovato' }).waitFor();
    assert.equal(await page.getByText(SUBJECT).count(), 0);
    assert.equal(await page.getByText(FISCAL_CODE).count(), 0);
    await page.context().close();
  });

  it('cric.sardegna converts a quesito into an appointment at a Sardinian office', async () => {
    const subject = `Fascicolo cartaceo da ricostruire ${Date.now()}`;
    const { quesitoClassifications } = await gql(
      'ccm.op',
      'query { quesitoClassifications(regionCode: "DR-SAR", section: PENSIONI, first: 1) { nodes { id } } }',
    );
    const { fileQuesito } = await gql('ccm.op', 'mutation($i: FileQuesitoInput!) { fileQuesito(input: $i) { id } }', {
      i: {
        regionCode: 'DR-SAR',
        section: 'PENSIONI',
        classification: quesitoClassifications.nodes[0].id,
        subject,
        question: 'La posizione assicurativa del cittadino risulta incompleta negli archivi.',
        citizenFiscalCode: FISCAL_CODE,
      },
    });

    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'cric.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await page.goto(`/cric/quesiti/${fileQuesito.id}`);
    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    await page.getByRole('button', { name: 'Converti in appuntamento' }).click();
    const form = page.getByRole('form', { name: 'Converti in appuntamento' });
    // Only the offices of the quesito's region are offered.
    const offices = await form.getByLabel('Ufficio *').locator('option').allInnerTexts();
    assert.ok(offices.includes('UT Cagliari 1'), offices.join());
    assert.ok(!offices.some((name) => name.includes('Roma')), offices.join());

    await form.getByLabel('Motivo *').fill('Occorre ricostruire il fascicolo cartaceo della posizione assicurativa.');
    await form.getByLabel('Ufficio *').selectOption({ label: 'UT Cagliari 1' });
    await form.locator('option', { hasText: 'Rimborsi' }).first().waitFor({ state: 'attached' });
    await form.getByLabel('Servizio *').selectOption({ index: 1 });
    await form.getByLabel(/^Giorno/).fill(await openDay(app.server.baseUrl, 'dir.cagliari1', 'UT-CA1', 7));
    await form.getByLabel('Ora *').fill('10:30');
    await form.getByLabel('Cognome e nome del cittadino *').fill('Rossi Mario');
    await assertAccessible(page, 'convert form');
    await form.getByRole('button', { name: 'Prenota e converti' }).click();

    await page.getByTestId('quesito-status').getByText('Convertito in appuntamento').waitFor();
    const appointment = page.getByTestId('quesito-appointment');
    await appointment.getByText('UT Cagliari 1').waitFor();
    assert.deepEqual((await statusesOfHistory(page)).at(-1), ['NEW', 'CONVERTED_TO_APPOINTMENT']);
    assert.equal(await page.getByRole('group', { name: 'Azioni sul quesito' }).count(), 0);
    await assertAccessible(page, 'quesito converted');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
