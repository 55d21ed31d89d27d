// Single sign-on through a real OpenID provider (node-oidc-provider on loopback,
// e2e/oidc-provider.mjs): "Accedi con SSO" on the sign-in page, the provider's
// form, and back to the app, signed in; refusals in Italian.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { graphqlAs } from './api.mjs';
import { assertAccessible } from './axe.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { startOidcProvider, TEST_CLIENT, TEST_PASSWORD } from './oidc-provider.mjs';
import { freePort, startServer } from './server.mjs';

const app = { server: undefined, browser: undefined, provider: undefined };

before(async () => {
  // The provider allows only the redirect URI it knows: the server's port is chosen first.
  const port = await freePort();
  app.provider = await startOidcProvider({ redirectUris: [`http://127.0.0.1:${port}/auth/oidc/callback`] });
  app.server = await startServer({
    port,
    env: {
      OIDC_ISSUER_URL: app.provider.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    },
  });
  app.browser = await launchBrowser();
});

after(async () => {
  await app.browser?.close();
  await app.server?.stop();
  await app.provider?.stop();
});

/** From the app's sign-in page through the provider's form. */
async function signInWithSso(page, username) {
  await page.getByRole('link', { name: 'Accedi con SSO' }).click();
  await page.getByRole('heading', { name: 'Fornitore di identità di prova' }).waitFor();
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Entra' }).click();
}

describe('single sign-on', () => {
  it('op.cagliari1 signs in with "Accedi con SSO" and lands on their worklist', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    // A deep link: the sign-in page, then back to it.
    await page.goto('/lista');
    await page.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    await page.getByRole('link', { name: 'Accedi con SSO' }).waitFor();
    await assertAccessible(page, 'sign-in page with SSO');

    await signInWithSso(page, 'op.cagliari1');
    await page.getByRole('heading', { level: 1, name: 'La mia lista' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/lista');
    // The one-time code has left the address bar.
    assert.equal(new URL(page.url()).hash, '');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('someone Accoglienza does not know is refused in Italian', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/accesso');
    await signInWithSso(page, 'sconosciuto');
    await page.getByText('Il tuo account non è abilitato ad Accoglienza').waitFor();
    await assertAccessible(page, 'SSO refused');
    await page.context().close();
  });

  it('a deactivated person is refused in Italian', async () => {
    const deactivate = 'mutation($u: String!) { setPersonActive(username: $u, active: false) { username } }';
    await graphqlAs(app.server.baseUrl, 'admin', deactivate, { u: 'op2.cagliari1' });
    const page = await newPage(app.browser, app.server.baseUrl);
    await page.goto('/accesso');
    await signInWithSso(page, 'op2.cagliari1');
    await page.getByText('Il tuo account è disattivato').waitFor();
    await page.context().close();
  });
});
