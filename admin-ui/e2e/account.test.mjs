// Il mio profilo: a person sees their sessions and ends the others; a person
// created by a director must choose their own password first; a reset link sent
// by the director works once — against the real server and demo data (issue 17).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser, submitSignIn } from './browser.mjs';

const app = serverAndBrowser();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const welcome = (page) => page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ });

async function graphql(query, variables, token) {
  const response = await fetch(`${app.server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body));
  return body.data;
}

/** The body of an .eml file as text, whichever transfer encoding the mailer chose. */
function decodedBody(eml) {
  const [head, ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const joined = body.replace(/=\r?\n/g, '');
    return Buffer.from(
      joined.replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return body;
}

/** Waits for the outbox worker to write the reset e-mail to `to`, and returns its link. */
async function resetLinkSentTo(to) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    let files = [];
    try {
      files = readdirSync(app.server.mailDir).filter((f) => f.endsWith('.eml'));
    } catch {
      // no mail yet
    }
    for (const file of files) {
      const eml = readFileSync(join(app.server.mailDir, file), 'utf8');
      if (!eml.includes(to)) continue;
      const link = decodedBody(eml).match(/https?:\/\/\S+\/reimposta-password#\S+/);
      if (link) return link[0];
    }
    await sleep(250);
  }
  throw new Error(`no reset e-mail to ${to}`);
}

describe('Il mio profilo', () => {
  it('op.cagliari1 sees the sessions of two browsers and ends the other one', async () => {
    const laptop = await newPage(app.browser, app.server.baseUrl);
    const phone = await newPage(app.browser, app.server.baseUrl);
    await signIn(phone, 'op.cagliari1');
    await welcome(phone).waitFor();
    await signIn(laptop, 'op.cagliari1');
    await welcome(laptop).waitFor();

    await laptop.getByTestId('signed-in-name').click();
    await laptop.getByRole('heading', { level: 1, name: 'Il mio profilo' }).waitFor();
    await laptop.getByTestId('sessions-total').getByText('2 sessioni attive').waitFor();
    const sessions = laptop.getByRole('list', { name: 'Sessioni attive' }).getByRole('listitem');
    assert.equal(await sessions.count(), 2);
    await sessions.filter({ hasText: 'Questa sessione' }).waitFor();
    await assertAccessible(laptop, 'profile with sessions');

    await laptop.getByRole('button', { name: 'Termina le altre' }).click();
    await laptop.getByText('Terminata 1 altra sessione.').waitFor();
    await laptop.getByTestId('sessions-total').getByText('1 sessione attiva').waitFor();

    // The other browser's next request is refused: it is sent to sign in again.
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    assert.deepEqual([...laptop.pageErrors, ...phone.pageErrors], []);
    await laptop.context().close();
    await phone.context().close();
  });

  it('a person created by dr.sardegna chooses a password first; a reset link works once', async () => {
    const { login } = await graphql(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'dr.sardegna', p: 'demo' },
    );
    await graphql(
      'mutation($i: CreatePersonInput!) { createPerson(input: $i) { username } }',
      {
        i: {
          username: 'op.nuova',
          displayName: 'Nuova Operatrice',
          email: 'op.nuova@agenzia.example.it',
          initialPassword: 'scelta-dal-direttore',
          assignment: { role: 'OPERATOR', unitCode: 'UT-CA1' },
        },
      },
      login.token,
    );

    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'op.nuova', 'scelta-dal-direttore');
    await page.getByRole('heading', { level: 1, name: 'Scegli la tua password' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Navigazione principale' }).count(), 0);
    await assertAccessible(page, 'forced password change');
    await page.getByLabel('Password attuale').fill('scelta-dal-direttore');
    await page.getByLabel('Nuova password', { exact: true }).fill('scelta-da-me-stessa');
    await page.getByLabel('Ripeti la nuova password').fill('scelta-da-me-stessa');
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await welcome(page).waitFor();
    await page.getByRole('link', { name: 'La mia lista' }).first().waitFor();

    // The director sends a reset link instead of typing a password.
    const director = await newPage(app.browser, app.server.baseUrl);
    await signIn(director, 'dr.sardegna');
    await welcome(director).waitFor();
    await director.goto('/organizzazione/persone/op.nuova');
    await director.getByRole('heading', { level: 1, name: 'Nuova Operatrice' }).waitFor();
    await director.getByRole('button', { name: 'Invia link per nuova password' }).click();
    const dialog = director.getByRole('dialog', { name: 'Inviare il collegamento?' });
    await dialog.getByRole('button', { name: 'Invia' }).click();
    await director.getByText(/Collegamento inviato a o\*\*\*@agenzia\.example\.it/).waitFor();

    const link = await resetLinkSentTo('op.nuova@agenzia.example.it');
    const stranger = await newPage(app.browser, app.server.baseUrl);
    await stranger.goto(link);
    await stranger.getByRole('heading', { level: 1, name: 'Imposta una nuova password' }).waitFor();
    assert.equal(new URL(stranger.url()).hash, '', 'the token leaves the address bar');
    await assertAccessible(stranger, 'reset page');
    await stranger.getByLabel('Nuova password', { exact: true }).fill('dal-collegamento-ok');
    await stranger.getByLabel('Ripeti la nuova password').fill('dal-collegamento-ok');
    await stranger.getByRole('button', { name: 'Imposta la password' }).click();
    await stranger.getByText(/Password impostata/).waitFor();
    await stranger.getByRole('link', { name: "Vai all'accesso" }).click();
    await submitSignIn(stranger, 'op.nuova', 'dal-collegamento-ok');
    await welcome(stranger).waitFor();

    // Used once: the same link is refused.
    const again = await newPage(app.browser, app.server.baseUrl);
    await again.goto(link);
    await again.getByLabel('Nuova password', { exact: true }).fill('unaltra-ancora-nuova');
    await again.getByLabel('Ripeti la nuova password').fill('unaltra-ancora-nuova');
    await again.getByRole('button', { name: 'Imposta la password' }).click();
    await again.getByText('Collegamento non valido').waitFor();
    assert.deepEqual([...page.pageErrors, ...director.pageErrors, ...stranger.pageErrors, ...again.pageErrors], []);
    for (const p of [page, director, stranger, again]) await p.context().close();
  });
});
