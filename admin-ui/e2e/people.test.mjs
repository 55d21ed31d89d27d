// Persone: a regional director lists the people of his region, creates an
// operator, grants and revokes a role — against the real server and demo data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const peopleTable = (page) => page.getByRole('table', { name: /^Persone/ });

async function openPeople(page) {
  await mainNav(page).getByRole('link', { name: 'Organizzazione' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organizzazione' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Sezioni di Organizzazione' })
    .getByRole('link', { name: 'Persone' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Persone' }).waitFor();
  await peopleTable(page).waitFor();
}

describe('Persone', () => {
  it('dr.sardegna sees the people of Sardegna only, and creates an operator on UT Cagliari 2', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();

    await openPeople(page);
    await peopleTable(page).getByRole('cell', { name: 'op.cagliari1', exact: true }).waitFor();
    assert.equal(await page.getByText('op.roma1').count(), 0);
    assert.equal(await page.getByText('Luca Conti').count(), 0);
    await assertAccessible(page, 'people list');

    // Search narrows the list; the filter is kept in the address.
    await page.getByLabel('Cerca').fill('sassari');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.waitForURL(/\?q=sassari$/);
    await peopleTable(page).getByRole('cell', { name: 'op.sassari', exact: true }).waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('op.cagliari1'));
    await page.getByRole('button', { name: 'Azzera filtri' }).click();
    await peopleTable(page).getByRole('cell', { name: 'op.cagliari1', exact: true }).waitFor();

    // The new-person form checks its fields before sending.
    await page.getByRole('link', { name: 'Nuova persona' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova persona' }).waitFor();
    const role = page.getByLabel('Ruolo', { exact: true });
    await role.waitFor();
    await assertAccessible(page, 'new person form');
    await page.getByRole('button', { name: 'Crea persona' }).click();
    await page.getByText('Inserisci il nome utente.').waitFor();
    assert.equal(await page.getByLabel('Nome utente').evaluate((el) => el === document.activeElement), true);
    await assertAccessible(page, 'new person form with errors');

    // Only the roles below a regional director, and for an operator only offices of the region.
    const roles = await role.locator('option').allInnerTexts();
    assert.ok(roles.includes('Funzionario'));
    assert.ok(!roles.includes('Amministratore'));
    assert.ok(!roles.includes('Direttore regionale'));
    await role.selectOption({ label: 'Funzionario' });
    const units = await page.getByLabel('Unità', { exact: true }).locator('option').allInnerTexts();
    assert.ok(units.includes('UT Cagliari 2 (UT-CA2)'), units.join(', '));
    assert.ok(!units.some((unit) => /DR Sardegna|DP Cagliari|Roma/.test(unit)), units.join(', '));

    await page.getByLabel('Nome utente').fill('op.nuovo');
    await page.getByLabel('Nome e cognome').fill('Nuovo Operatore');
    await page.getByLabel('E-mail (facoltativa)').fill('op.nuovo@agenzia.example.it');
    await page.getByLabel('Password iniziale', { exact: true }).fill('corta');
    await page.getByLabel('Unità', { exact: true }).selectOption('UT-CA2');
    await page.getByRole('button', { name: 'Crea persona' }).click();
    await page.getByText('La password iniziale deve avere almeno 12 caratteri.').waitFor();
    await page.getByLabel('Password iniziale', { exact: true }).fill('una-password-lunga');
    await page.getByRole('button', { name: 'Crea persona' }).click();

    await page.getByRole('heading', { level: 1, name: 'Nuovo Operatore' }).waitFor();
    await page.getByText('Persona creata.').waitFor();
    await page
      .getByRole('table', { name: 'Ruoli di Nuovo Operatore' })
      .getByRole('link', { name: 'UT Cagliari 2' })
      .waitFor();
    await assertAccessible(page, 'person page');

    // A second role, then revoked after confirming.
    await page.getByLabel('Ruolo', { exact: true }).selectOption({ label: 'Direttore provinciale' });
    await page.getByLabel('Unità', { exact: true }).selectOption('DP-CA');
    await page.getByRole('button', { name: 'Aggiungi ruolo' }).click();
    await page.getByText('Ruolo aggiunto: Direttore provinciale — DP Cagliari.').waitFor();
    await page.getByRole('button', { name: 'Revoca Direttore provinciale — DP Cagliari' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revocare il ruolo?' });
    await dialog.waitFor();
    await assertAccessible(page, 'revoke dialog');
    await dialog.getByRole('button', { name: 'Revoca' }).click();
    await page.getByText('Ruolo revocato: Direttore provinciale — DP Cagliari.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: 'Revoca Direttore provinciale — DP Cagliari' })
      .waitFor({ state: 'detached' });

    // The new person is in the list.
    await page.getByRole('navigation', { name: 'Percorso' }).getByRole('link', { name: 'Persone' }).click();
    await peopleTable(page).getByRole('cell', { name: 'op.nuovo', exact: true }).waitFor();
    assert.ok(await peopleTable(page).getByRole('link', { name: 'Nuovo Operatore' }).isVisible());

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('a person of another region is not found, and shows nothing of them', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await page.goto('/organizzazione/persone/op.roma1');
    await page.getByRole('heading', { name: 'Persona non trovata' }).waitFor();
    assert.equal(await page.getByText('Luca Conti').count(), 0);
    await assertAccessible(page, 'person not found');
    await page.context().close();
  });
});
