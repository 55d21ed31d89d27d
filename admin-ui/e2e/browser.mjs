// Debian's Chromium driven by playwright-core (no browser download).
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own sessionStorage) with Italian locale, failing the test on page errors. */
export async function newPage(browser, baseUrl) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'it-IT',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  page.pageErrors = pageErrors;
  return page;
}

/** Fills and sends the sign-in form already on the page (demo password `demo`). */
export async function submitSignIn(page, username, password = 'demo') {
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/** Opens the sign-in page and signs in, as a person would. */
export async function signIn(page, username, password = 'demo') {
  await page.goto('/accesso');
  await submitSignIn(page, username, password);
}

/**
 * The real server (with the demo data) and Chromium for the tests of one file: started before
 * them, stopped after. `app.server` and `app.browser` are set once the file's tests run.
 */
export function serverAndBrowser() {
  const app = { server: undefined, browser: undefined };
  before(async () => {
    app.server = await startServer();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
