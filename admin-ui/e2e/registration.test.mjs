// A professional gets started (issue 17 item 4): registers from the sign-in
// page, the admin approves the registration in "Professionisti", and the
// professional declares a procura — against the real server and demo data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, serverAndBrowser, signIn } from './browser.mjs';
import { romeDay } from './days.mjs';

const app = serverAndBrowser();

// Valid fiscal codes (check characters included) that the demo data does not use.
const PROFESSIONAL = 'NRENNA80A41B354V';
const CLIENT = 'VRDLGU75M15F205B';
const PASSWORD = 'password-molto-lunga';

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const tick = (scope, label) => scope.locator('label', { hasText: label }).click();

describe('Registrazione professionista', () => {
  it('a professional registers, the admin approves, the professional declares a procura', async () => {
    const prof = await newPage(app.browser, app.server.baseUrl);
    await prof.goto('/accesso');
    await prof.getByRole('link', { name: 'Registrati come professionista' }).click();
    await prof.getByRole('heading', { level: 1, name: 'Registrazione professionista' }).waitFor();
    const form = prof.getByRole('form', { name: 'Dati di registrazione' });
    // The form checks the fiscal code before sending.
    await form.getByLabel('Nome e cognome').fill('Anna Neri');
    await form.getByLabel('Codice fiscale').fill('NRENNA80A41B354X');
    await form.getByRole('button', { name: 'Invia la registrazione' }).click();
    await form.getByText('Il carattere di controllo del codice fiscale non corrisponde.').waitFor();
    await assertAccessible(prof, 'registration form with errors');
    await form.getByLabel('Codice fiscale').fill(PROFESSIONAL.toLowerCase());
    await form.getByLabel('E-mail').fill('anna.neri@example.it');
    await form.getByLabel('Tipo utente Entratel').selectOption('A10');
    await form.getByLabel('Albo professionale').fill('ODCEC di Cagliari');
    await form.getByLabel("Provincia dell'albo").fill('CA');
    await form.getByLabel('Numero di iscrizione').fill('123/A');
    await form.getByLabel('Nome utente').fill('prof.neri');
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Ripeti la password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Invia la registrazione' }).click();
    await prof.getByText(/Richiesta ricevuta/).waitFor();

    // The admin finds the registration in the queue and approves it.
    const admin = await newPage(app.browser, app.server.baseUrl);
    await signIn(admin, 'admin');
    await mainNav(admin).getByRole('link', { name: 'Professionisti' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Professionisti da verificare' }).waitFor();
    const item = admin.getByTestId('pending-professional').filter({ hasText: 'Anna Neri' });
    await item.waitFor();
    assert.match(await item.innerText(), new RegExp(PROFESSIONAL));
    await assertAccessible(admin, 'verification queue');
    await item.getByRole('button', { name: 'Approva Anna Neri' }).click();
    await admin
      .getByRole('dialog', { name: 'Approvare la registrazione?' })
      .getByRole('button', { name: 'Approva' })
      .click();
    await admin.getByText(/Registrazione di Anna Neri approvata/).waitFor();
    await admin.getByText('Nessuna registrazione in attesa di verifica').waitFor();

    // The professional signs in and declares a procura.
    await prof.getByRole('link', { name: "Vai all'accesso" }).click();
    await prof.getByLabel('Nome utente').fill('prof.neri');
    await prof.getByLabel('Password').fill(PASSWORD);
    await prof.getByRole('button', { name: 'Accedi' }).click();
    await mainNav(prof).getByRole('link', { name: 'Procure' }).click();
    await prof.getByRole('heading', { level: 1, name: 'Procure' }).waitFor();
    await prof
      .getByRole('navigation', { name: 'Sezioni delle procure' })
      .getByRole('link', { name: 'Nuova procura' })
      .click();
    const declare = prof.getByRole('form', { name: 'Nuova procura' });
    await declare.waitFor();
    await declare.getByLabel('Codice fiscale o partita IVA del cliente *').fill(CLIENT);
    await tick(declare.getByRole('group', { name: /Servizi delegati/ }), 'Documentazione per i rimborsi');
    await declare.getByLabel('Valida fino al *').fill(romeDay(180));
    await tick(declare, 'Dichiaro di aver informato');
    await declare.getByRole('button', { name: 'Dichiara la procura' }).click();
    await prof.getByText(`Procura dichiarata per il cliente ${CLIENT}.`).waitFor();
    assert.deepEqual([...prof.pageErrors, ...admin.pageErrors], []);
    await prof.context().close();
    await admin.context().close();
  });
});
