// "Richiamate": the callbacks queue of a provincial directorate (docs/callbacks.md §2). The DP
// director sees the waiting requests oldest first with their total, assigns one by picking a
// person of the unit's staff, finds it among the assigned ones and reassigns it.
// Real server, demo data, Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const TOPIC = 'Stato del rimborso IRPEF 2024';

async function openQueue(page, username) {
  await signIn(page, username);
  await mainNav(page).getByRole('link', { name: 'Richiamate' }).click();
  await page.getByRole('heading', { level: 1, name: 'Richiamate' }).waitFor();
}

/** No horizontal scroll at a phone's width; back to the desktop after. */
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

describe('callbacks queue', () => {
  it('dp.cagliari assigns a waiting request to a person picked from the staff, then reassigns it', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openQueue(page, 'dp.cagliari');

    // DP Cagliari's queue: the demo's two waiting requests, oldest first, with their total.
    const queue = page.getByRole('list', { name: 'Richieste di richiamata di DP Cagliari' });
    await queue.waitFor();
    await page.getByTestId('callback-total').getByText('2 richieste in attesa').waitFor();
    const topics = await queue.getByRole('heading', { level: 3 }).allInnerTexts();
    assert.deepEqual(topics, [TOPIC, 'Informazioni su una cartella di pagamento']);
    await assertAccessible(page, 'Richiamate, coda della DP');
    await page.screenshot({ path: '/tmp/callbacks-queue.png', fullPage: true });
    await assertFitsPhone(page, 'Richiamate', '/tmp/callbacks-queue-phone.png');

    // Assign by picking the person (never typing a username).
    const entry = queue.getByRole('listitem').filter({ hasText: TOPIC });
    const form = entry.getByRole('form', { name: `Assegnazione della richiesta: ${TOPIC}` });
    const options = await form.getByLabel('Assegna a').locator('option').allInnerTexts();
    assert.ok(options.includes('Laura Serra') && options.includes('Paolo Deiana'), options.join(', '));
    assert.ok(!options.includes('Maria Fadda'), 'no staff of another province');
    await form.getByLabel('Assegna a').selectOption({ label: 'Laura Serra' });
    await form.getByRole('button', { name: /^Assegna/ }).click();
    await page.getByText(`«${TOPIC}»: assegnata a Laura Serra.`).waitFor();
    await page.getByTestId('callback-total').getByText('1 richiesta in attesa').waitFor();

    // Among the assigned ones, with its assignee; reassigned to another person of the unit.
    await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Assegnata' });
    const assigned = queue.getByRole('listitem').filter({ hasText: TOPIC });
    await assigned.getByText('Assegnata a Laura Serra').waitFor();
    const again = assigned.getByRole('form', { name: `Assegnazione della richiesta: ${TOPIC}` });
    await again.getByLabel('Riassegna a').selectOption({ label: 'Paolo Deiana' });
    await again.getByRole('button', { name: /^Riassegna/ }).click();
    await page.getByText(`«${TOPIC}»: assegnata a Paolo Deiana.`).waitFor();
    await queue.getByRole('listitem').filter({ hasText: TOPIC }).getByText('Assegnata a Paolo Deiana').waitFor();
    await assertAccessible(page, 'Richiamate, assegnate');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it("dir.cagliari1 sees only the office's queue, newest first on request", async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await openQueue(page, 'dir.cagliari1');
    // The picker appears once the reachable units have loaded (the heading comes first).
    const unitPicker = page.getByLabel('Unità', { exact: true });
    await unitPicker.waitFor();
    const units = await unitPicker.locator('option').allInnerTexts();
    assert.deepEqual(units, ['UT Cagliari 1 (UT-CA1)']);
    await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Tutte' });
    await page.getByLabel('Ordine', { exact: true }).selectOption({ label: 'Prima le più recenti' });
    const queue = page.getByRole('list', { name: 'Richieste di richiamata di UT Cagliari 1' });
    await queue.getByRole('heading', { name: 'Registrazione di un contratto di locazione' }).waitFor();
    // The server orders by request time, newest first (issue 16): "richiesta il gg/mm/aaaa, hh:mm".
    // (Only the requests' own items: an item's attempt history is a list of its own.)
    const requested = (await queue.locator(':scope > li').allInnerTexts()).map((text) => {
      const [, d, m, y, hh, mm] = /richiesta il (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})/.exec(text) ?? [];
      return `${y}${m}${d}${hh}${mm}`;
    });
    assert.ok(requested.length > 0 && requested.every((at) => /^\d{12}$/.test(at)), requested.join(', '));
    assert.deepEqual(requested, [...requested].sort().reverse());
    await page.getByText(/element[oi] (mostrat[oi]|in tutto)$/).waitFor();
    await assertAccessible(page, 'Richiamate, ufficio');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
