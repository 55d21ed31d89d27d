// The live office board (issue 18 item 4, docs/alerts.md): dir.cagliari1 keeps Giornata d'ufficio open on
// UT-CA1; meanwhile op.cagliari1 checks a citizen in at the counter, and a citizen is booked at the office,
// each from another session, and the open page shows both without a reload.
// Real server, demo data, Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphqlAs } from './api.mjs';
import { newPage, serverAndBrowser, signIn } from './browser.mjs';
import { openDay, romeDay } from './days.mjs';

const app = serverAndBrowser();

/** The demo booking of UT-CA1 whose counter is assigned to op.cagliari1, on the office's first working day. */
async function counterAssigned() {
  const data = await graphqlAs(
    app.server.baseUrl,
    'dir.cagliari1',
    `query($f: AppointmentFilter) {
      appointments(filter: $f, first: 100) { nodes { id cupNumber date status counter { operator { username } } } }
    }`,
    { f: { officeCode: 'UT-CA1', from: romeDay(0), to: romeDay(14), status: 'COUNTER_ASSIGNED' } },
  );
  const booking = data.appointments.nodes.find((a) => a.counter?.operator?.username === 'op.cagliari1');
  assert.ok(booking, 'the demo has a booking with its counter assigned to op.cagliari1');
  return booking;
}

describe('live office board', () => {
  it("dir.cagliari1's open board shows a check-in and a new booking made elsewhere, without a reload", async () => {
    const booking = await counterAssigned();
    const page = await newPage(app.browser, app.server.baseUrl);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, 'dir.cagliari1');
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: "Giornata d'ufficio" })
      .click();
    await page.locator('#day-date').fill(booking.date);
    const row = page.getByRole('row').filter({ hasText: booking.cupNumber });
    await row.getByText('Sportello assegnato').waitFor();
    const board = page.getByRole('region', { name: 'Prossimi giorni' });
    const total = board
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Totale' }) })
      .locator('td[data-label="Prenotazioni"]');
    await total.waitFor();
    const before = Number(await total.innerText());
    // The subscription starts once the page has connected.
    await page.waitForTimeout(1000);
    let loads = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) loads += 1;
    });

    // op.cagliari1, in their own session, starts the counter session: the day list shows it.
    await graphqlAs(app.server.baseUrl, 'op.cagliari1', 'mutation($id: ID!) { startCounterSession(id: $id) { id } }', {
      id: booking.id,
    });
    await row.getByText('In corso allo sportello').waitFor({ timeout: 10_000 });

    // A citizen is booked at UT-CA1 within the board's days (another session): the board's total goes up by one.
    const date = await openDay(app.server.baseUrl, 'dir.cagliari1', 'UT-CA1', 1);
    await graphqlAs(
      app.server.baseUrl,
      'dir.cagliari1',
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      {
        i: {
          officeCode: 'UT-CA1',
          date,
          time: '12:00:00',
          serviceCode: 'RIMB',
          fiscalCode: 'RSSMRA80A01H501U',
          citizenName: 'Rossi Mario',
          phone: '3331234567',
          cupNumber: `LIVE-${Date.now()}`,
        },
      },
    );
    await page.waitForFunction(([el, n]) => Number(el.textContent) === n, [await total.elementHandle(), before + 1], {
      timeout: 10_000,
    });
    assert.equal(loads, 0, 'the page was not reloaded');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
