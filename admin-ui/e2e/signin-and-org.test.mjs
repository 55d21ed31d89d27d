// Sign-in, sign-out, session expiry and the organisation screens, against the
// real server with the demo data (docs/domain.md §2), in Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, submitSignIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const orgTree = (page) => page.getByRole('list', { name: 'Albero delle unità organizzative' });

async function openOrganisationTree(page) {
  await mainNav(page).getByRole('link', { name: 'Organizzazione' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organizzazione' }).waitFor();
  await orgTree(page).waitFor();
  await page.getByRole('button', { name: 'Espandi tutto' }).click();
}

describe('sign-in and organisation', () => {
  it('dr.sardegna sees the Sardegna tree and no Lazio unit', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await page.goto('/accesso');
    await assertAccessible(page, 'sign-in page');

    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    assert.match(await page.getByTestId('signed-in-roles').innerText(), /Direttore regionale — DR Sardegna/);
    await assertAccessible(page, 'home');

    await openOrganisationTree(page);
    await orgTree(page).getByRole('link', { name: 'DR Sardegna', exact: true }).waitFor();
    assert.ok(await orgTree(page).getByRole('link', { name: 'UT Cagliari 1', exact: true }).isVisible());
    assert.equal(await page.getByText('DR Lazio').count(), 0);
    assert.equal(await page.getByText('UT Roma 1').count(), 0);
    await assertAccessible(page, 'organisation tree');

    // Drill down to a provincial directorate and one of its offices.
    await orgTree(page).getByRole('link', { name: 'DP Cagliari', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'DP Cagliari' }).waitFor();
    await assertAccessible(page, 'org unit page');
    await page.getByRole('main').getByRole('link', { name: 'UT Cagliari 1', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'UT Cagliari 1' }).waitFor();

    // A unit of another region does not exist for this person (deep link, served by the SPA fallback).
    await page.goto('/organizzazione/DR-LAZ');
    await page.getByRole('alert').getByRole('heading', { name: 'Unità non trovata' }).waitFor();
    assert.equal(await page.getByText('DR Lazio').count(), 0);
    await assertAccessible(page, 'unit not found');

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('admin sees both regions', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'admin');
    await openOrganisationTree(page);
    await orgTree(page).getByRole('link', { name: 'DR Sardegna', exact: true }).waitFor();
    assert.ok(await orgTree(page).getByRole('link', { name: 'DR Lazio', exact: true }).isVisible());
    assert.ok(await orgTree(page).getByRole('link', { name: 'UT Roma 1', exact: true }).isVisible());
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('a wrong password shows the error and stays on sign-in', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna', 'sbagliata');
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Accesso non riuscito' }).waitFor();
    assert.ok((await alert.innerText()).length > 'Accesso non riuscito'.length, 'shows the app.server message too');
    assert.equal(new URL(page.url()).pathname, '/accesso');
    assert.equal(await page.getByLabel('Password').inputValue(), '');
    await assertAccessible(page, 'sign-in error');
    await page.context().close();
  });

  it('an operator has only their own menu entries', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'op.cagliari1');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    const entries = await mainNav(page).getByRole('link').allInnerTexts();
    assert.deepEqual(
      entries.map((e) => e.trim()),
      ['Home', 'La mia lista'],
    );
    await page.goto('/organizzazione');
    await page.getByRole('heading', { name: 'Operazione non consentita' }).waitFor();
    await page.context().close();
  });

  it('sign-out revokes the session; signing in again returns to the page asked for', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    const token = await page.evaluate(() => sessionStorage.getItem('accoglienza.token'));
    assert.ok(token);

    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByText('Sei uscito da Accoglienza.').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('accoglienza.token')), null);

    // The old token no longer works on the app.server.
    const response = await fetch(`${app.server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    const body = await response.json();
    assert.equal(body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

    await page.goto('/organizzazione/DP-CA');
    await page.waitForURL(/\/accesso\?ritorno=%2Forganizzazione%2FDP-CA$/);
    await submitSignIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: 'DP Cagliari' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/organizzazione/DP-CA');
    await page.context().close();
  });

  it('an expired session leads back to sign-in and then to where the person was', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();

    // Revoke the token behind the app's back, as an expiry would.
    await page.evaluate(async () => {
      const token = sessionStorage.getItem('accoglienza.token');
      await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      });
    });

    await mainNav(page).getByRole('link', { name: 'Organizzazione' }).click();
    await page.waitForURL(/\/accesso\?ritorno=%2Forganizzazione$/);
    await page.getByText('La sessione è scaduta').waitFor();

    await assertAccessible(page, 'sign-in after expiry');
    await submitSignIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: 'Organizzazione' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/organizzazione');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
