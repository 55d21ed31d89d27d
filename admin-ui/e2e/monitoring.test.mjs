// Monitoraggio (docs/domain.md §7): the regional director of Sardegna reads the
// figures of the region, drills down to a DP and an office and downloads the
// CSV; every number on screen is checked against what the API answers for the
// same unit and period. A Lazio unit typed in the address shows NOT_FOUND only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';
import { romeDay } from './days.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });

async function graphql(query, variables = {}, token) {
  const response = await fetch(`${app.server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function login(username) {
  const body = await graphql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: username,
    p: 'demo',
  });
  assert.ok(body.data?.login?.token, JSON.stringify(body));
  return body.data.login.token;
}

const FIGURES = `
  appointments { bookings toPrecall precallCoverage servedWithoutCounterShare notReachingCounterShare sessions
                 sessionsOver15Minutes transfersToBackOffice noShows }
  callbacks { requested waiting served }
  quesiti { section received answered backlog forwarded slaBreaches }`;

/** What the API says of a unit for a period: the screen must show exactly this. */
async function apiStats(token, unitCode, from, to) {
  const body = await graphql(
    `query($u: String!, $f: NaiveDate!, $t: NaiveDate!) {
       stats(unitCode: $u, from: $f, to: $t) {
         unit { code name kind }
         figures { ${FIGURES} }
         children { unit { code name } figures { ${FIGURES} } }
       }
     }`,
    { u: unitCode, f: from, t: to },
    token,
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data.stats;
}

const count = new Intl.NumberFormat('it-IT');
const percent = new Intl.NumberFormat('it-IT', {
  style: 'percent',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const share = (value) => (value === null ? '—' : percent.format(value));

/** The cards' values as the screen must print them, by test id. */
function expectedCards(figures) {
  const a = figures.appointments;
  const c = figures.callbacks;
  return {
    bookings: count.format(a.bookings),
    toPrecall: count.format(a.toPrecall),
    precallCoverage: share(a.precallCoverage),
    servedWithoutCounter: share(a.servedWithoutCounterShare),
    notReachingCounter: share(a.notReachingCounterShare),
    sessions: count.format(a.sessions),
    sessionsOver15Minutes: count.format(a.sessionsOver15Minutes),
    transfersToBackOffice: count.format(a.transfersToBackOffice),
    noShows: count.format(a.noShows),
    callbacksRequested: count.format(c.requested),
    callbacksWaiting: count.format(c.waiting),
    callbacksServed: count.format(c.served),
  };
}

const sum = (figures, key) => figures.quesiti.reduce((total, q) => total + q[key], 0);

/** The unit's heading, its cards, its quesiti and its child table equal the API's answer. */
async function assertShowsStats(page, stats) {
  await page.getByRole('heading', { level: 2, name: stats.unit.name, exact: true }).waitFor();
  const shown = {};
  for (const id of Object.keys(expectedCards(stats.figures))) {
    shown[id] = (await page.getByTestId(`figure-${id}`).locator('.monitoring-figure-value').innerText()).trim();
  }
  assert.deepEqual(shown, expectedCards(stats.figures), `cards of ${stats.unit.code}`);

  const quesiti = page.getByRole('table', { name: 'Quesiti al CRIC per sezione' });
  const withoutCric = ['TERRITORIAL_OFFICE', 'PROVINCIAL_DIRECTORATE'].includes(stats.unit.kind);
  if (withoutCric && sum(stats.figures, 'received') + sum(stats.figures, 'backlog') === 0) {
    assert.equal(await quesiti.count(), 0, `no CRIC table of zeros for ${stats.unit.code}`);
  } else {
    const totals = await quesiti.locator('tfoot td').allInnerTexts();
    assert.deepEqual(
      totals.slice(0, 5),
      ['received', 'answered', 'backlog', 'forwarded', 'slaBreaches'].map((key) =>
        count.format(sum(stats.figures, key)),
      ),
      `quesiti of ${stats.unit.code}`,
    );
  }

  if (stats.children.length === 0) {
    assert.equal(await page.getByRole('heading', { name: 'Unità sottostanti' }).count(), 0);
    return;
  }
  const table = page.getByRole('table', { name: new RegExp(`^Dati delle unità sotto ${stats.unit.name}`) });
  const rows = table.locator('tbody > tr');
  assert.deepEqual(
    await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.unit)),
    stats.children.map((child) => child.unit.code),
  );
  for (const child of stats.children) {
    const cells = await table.locator(`tbody > tr[data-unit="${child.unit.code}"] > td`).allInnerTexts();
    const a = child.figures.appointments;
    // Prenotazioni, Copertura prechiamata, Non arrivate allo sportello, Sessioni, … Richiamate richieste (7th).
    assert.deepEqual(
      [cells[0], cells[1], cells[2], cells[3], cells[6]],
      [
        count.format(a.bookings),
        share(a.precallCoverage),
        share(a.notReachingCounterShare),
        count.format(a.sessions),
        count.format(child.figures.callbacks.requested),
      ],
      `child ${child.unit.code}`,
    );
  }
}

describe('Monitoraggio', () => {
  it('dr.sardegna reads the figures of Sardegna, drills down to an office and downloads the CSV', async () => {
    const token = await login('dr.sardegna');
    const adminToken = await login('admin');
    // Every Lazio unit, from the admin's view of the tree: none may appear to dr.sardegna.
    const all = await graphql('{ orgUnits(first: 100) { nodes { code name path } } }', {}, adminToken);
    const lazioRoot = all.data.orgUnits.nodes.find((unit) => unit.code === 'DR-LAZ');
    assert.ok(lazioRoot, 'the demo has DR-LAZ');
    const lazio = all.data.orgUnits.nodes.filter((unit) => unit.path.startsWith(lazioRoot.path));
    assert.ok(lazio.length >= 4);

    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await mainNav(page).getByRole('link', { name: 'Monitoraggio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoraggio' }).waitFor();

    // Default: DR Sardegna, the last 30 days ending today, named in the address.
    const today = romeDay(0);
    const monthAgo = romeDay(-30);
    await page.waitForURL(`**/monitoraggio?unita=DR-SAR&dal=${monthAgo}&al=${today}`);
    const region = await apiStats(token, 'DR-SAR', monthAgo, today);
    assert.equal(region.unit.name, 'DR Sardegna');
    await assertShowsStats(page, region);
    assert.ok(region.children.some((child) => child.unit.code === 'DP-CA'));

    // The picker offers the region's units, and no Lazio unit.
    const picker = page.getByLabel('Unità', { exact: true });
    const offered = await picker
      .locator('option')
      .evaluateAll((options) => options.map((o) => ({ value: o.value, text: o.textContent })));
    assert.ok(
      offered.some((o) => o.value === 'DR-SAR') && offered.some((o) => o.value === 'UT-CA1'),
      JSON.stringify(offered),
    );
    for (const unit of lazio) {
      assert.ok(!offered.some((o) => o.value === unit.code || o.text.includes(unit.name)), `${unit.code} offered`);
      assert.equal(
        await page
          .getByRole('table', { name: /^Dati delle unità sotto/ })
          .getByText(unit.name, { exact: true })
          .count(),
        0,
      );
    }
    await assertAccessible(page, 'monitoring DR-SAR, last 30 days');

    // A period with the demo bookings (today and the coming working days).
    const from = romeDay(-7);
    const to = romeDay(14);
    await page.getByLabel('Dal', { exact: true }).fill(from);
    await page.getByLabel('Al', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Mostra' }).click();
    await page.waitForURL(`**/monitoraggio?unita=DR-SAR&dal=${from}&al=${to}`);
    const withBookings = await apiStats(token, 'DR-SAR', from, to);
    assert.ok(withBookings.figures.appointments.bookings > 0, 'the demo has bookings in the period');
    await assertShowsStats(page, withBookings);
    await page.getByRole('table', { name: 'Andamento giornaliero: dati per giorno' }).waitFor({ state: 'attached' });
    await page.getByRole('table', { name: 'Esiti delle prechiamate: numero e quota' }).waitFor();
    await assertAccessible(page, 'monitoring DR-SAR with bookings');

    // CSV: the file of the unit and its children for the period.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Scarica CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `monitoraggio-DR-SAR-${from}-${to}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark, for spreadsheet programs');
    // The units' table first; the tables per person follow, each after an empty line.
    const [unitsTable, ...personTables] = text.slice(1).trim().split('\n\n');
    const lines = unitsTable.split('\n');
    assert.ok(
      personTables.some((table) => table.startsWith('Operatore;Ufficio;Prechiamate assegnate;')),
      text,
    );
    // Italian by default: `;` between values, as spreadsheets set to Italian expect.
    assert.match(lines[0], /^Codice unità;Unità;Dal;Al;Prenotazioni;Annullate;Da prechiamare;/);
    assert.ok(
      lines[1].startsWith(`DR-SAR;DR Sardegna;${from};${to};${withBookings.figures.appointments.bookings};`),
      lines[1],
    );
    assert.equal(lines.length, 2 + withBookings.children.length);
    assert.ok(lines.slice(1).every((line) => !lazio.some((unit) => line.startsWith(`${unit.code};`))));
    await page.getByText(`File monitoraggio-DR-SAR-${from}-${to}.csv scaricato.`).waitFor();

    // Drill down: DP Cagliari, then its first office, same period.
    await page
      .getByRole('table', { name: /^Dati delle unità sotto DR Sardegna/ })
      .getByRole('link', { name: 'DP Cagliari' })
      .click();
    await page.waitForURL(`**/monitoraggio?unita=DP-CA&dal=${from}&al=${to}`);
    const province = await apiStats(token, 'DP-CA', from, to);
    await assertShowsStats(page, province);
    assert.ok(province.children.length > 0);
    await page
      .getByRole('navigation', { name: "Percorso dell'unità" })
      .getByRole('link', { name: 'DR Sardegna' })
      .waitFor();
    await assertAccessible(page, 'monitoring DP-CA');

    const office = province.children[0].unit;
    await page
      .getByRole('table', { name: /^Dati delle unità sotto DP Cagliari/ })
      .getByRole('link', { name: office.name })
      .click();
    await page.waitForURL(`**/monitoraggio?unita=${office.code}&dal=${from}&al=${to}`);
    await assertShowsStats(page, await apiStats(token, office.code, from, to));
    assert.equal(await picker.inputValue(), office.code);
    await assertAccessible(page, `monitoring ${office.code}`);

    // The back button returns to the province.
    await page.goBack();
    await page.waitForURL(`**/monitoraggio?unita=DP-CA&dal=${from}&al=${to}`);
    await page.getByRole('heading', { level: 2, name: 'DP Cagliari', exact: true }).waitFor();

    // A period the API would refuse is not sent: an Italian message instead.
    await page.getByLabel('Dal', { exact: true }).fill(to);
    await page.getByLabel('Al', { exact: true }).fill(from);
    await page.getByRole('button', { name: 'Mostra' }).click();
    await page.getByText('La data di fine non può precedere la data di inizio.').waitFor();
    assert.ok(page.url().endsWith(`unita=DP-CA&dal=${from}&al=${to}`));

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('a Lazio unit typed in the address shows NOT_FOUND and no figures', async () => {
    const token = await login('dr.sardegna');
    const from = romeDay(-7);
    const to = romeDay(14);
    const refused = await graphql(
      'query($u: String!, $f: NaiveDate!, $t: NaiveDate!) { stats(unitCode: $u, from: $f, to: $t) { unit { code } } }',
      { u: 'DR-LAZ', f: from, t: to },
      token,
    );
    assert.equal(refused.errors?.[0]?.extensions?.code, 'NOT_FOUND');

    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await page.goto(`/monitoraggio?unita=DR-LAZ&dal=${from}&al=${to}`);
    await page.getByRole('heading', { level: 1, name: 'Monitoraggio' }).waitFor();
    const alert = page.locator('[data-error-code="NOT_FOUND"]');
    await alert.getByRole('heading', { name: 'Unità non trovata' }).waitFor();
    await alert.getByText(refused.errors[0].message, { exact: true }).waitFor();

    assert.equal(await page.locator('[data-testid^="figure-"]').count(), 0);
    assert.equal(await page.getByRole('table').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Scarica CSV' }).count(), 0);
    assert.equal(await page.getByText('Lazio').count(), 0);
    assert.equal(await page.getByLabel('Unità', { exact: true }).inputValue(), '');
    await assertAccessible(page, 'monitoring NOT_FOUND');

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
  it('dir.cagliari1 reads the figures per operator of UT Cagliari 1, sorts them and they fit a phone', async () => {
    const from = romeDay(-7);
    const to = romeDay(14);
    const token = await login('dir.cagliari1');
    const body = await graphql(
      `query($u: String!, $f: NaiveDate!, $t: NaiveDate!) {
         stats(unitCode: $u, from: $f, to: $t) { operators { personId name precallsAssigned sessions } } }`,
      { u: 'UT-CA1', f: from, t: to },
      token,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const operators = body.data.stats.operators;
    assert.ok(operators.length >= 2, JSON.stringify(operators));

    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dir.cagliari1');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await page.goto(`/monitoraggio?unita=UT-CA1&dal=${from}&al=${to}`);
    const table = page.getByRole('table', { name: /^Dati per operatore:/ });
    await table.waitFor();
    const rowNames = () =>
      table.locator('tbody > tr > th').evaluateAll((ths) => ths.map((th) => th.firstChild.textContent));
    // Names (never usernames), in the API's order, each with what the API counted.
    assert.deepEqual(
      await rowNames(),
      operators.map((o) => o.name),
    );
    assert.ok((await rowNames()).every((name) => !name.includes('.')));
    for (const o of operators) {
      const cells = await table.locator(`tbody > tr[data-person="${o.personId}"] > td`).allInnerTexts();
      assert.equal(cells[0], count.format(o.precallsAssigned), `${o.name} precalls`);
      assert.equal(cells[4], count.format(o.sessions), `${o.name} sessions`);
    }
    const totals = await table.locator('tfoot td').allInnerTexts();
    assert.equal(totals[0], count.format(operators.reduce((n, o) => n + o.precallsAssigned, 0)));

    // Sorting by precalls assigned, most first.
    const header = table.getByRole('button', { name: /Prechiamate assegnate/ });
    await header.click();
    await header.click();
    const byPrecalls = [...operators].sort((a, b) => b.precallsAssigned - a.precallsAssigned);
    assert.deepEqual(
      (await table.locator('tbody > tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.person))).map(
        (id) => operators.find((o) => o.personId === id).precallsAssigned,
      ),
      byPrecalls.map((o) => o.precallsAssigned),
    );
    await assertAccessible(page, 'monitoring UT-CA1 per operator');

    // At 390 px the page does not scroll sideways: the table scrolls in its own box.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => window.innerWidth === 390);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/monitoring-operators-phone.png' });
    await table.screenshot({ path: '/tmp/monitoring-operators-table-phone.png' });
    assert.ok(scrollWidth <= innerWidth, `${scrollWidth} > ${innerWidth}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await table.screenshot({ path: '/tmp/monitoring-operators-table.png' });

    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('dir.cagliari1 subscribes to the weekly report of UT Cagliari 1 and ends it', async () => {
    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dir.cagliari1');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await page.goto(`/monitoraggio?unita=UT-CA1&dal=${romeDay(-7)}&al=${romeDay(0)}`);
    const section = page.getByRole('region', { name: 'Rapporti periodici via e-mail' });
    await section.getByRole('button', { name: 'Ricevi il rapporto settimanale' }).click();
    await section.getByText(/ogni lunedì mattina, per la settimana appena conclusa/).waitFor();
    await section.getByRole('button', { name: 'Settimanale: già attivo' }).waitFor();
    const list = section.getByRole('list', { name: 'I tuoi rapporti periodici' });
    assert.match(await list.innerText(), /UT Cagliari 1 · Settimanale · nessun invio ancora/);
    // What the screen shows is what the API holds for this person.
    const token = await login('dir.cagliari1');
    const mine = await graphql('{ myReportSubscriptions { frequency unit { code } } }', {}, token);
    assert.deepEqual(mine.data.myReportSubscriptions, [{ frequency: 'WEEKLY', unit: { code: 'UT-CA1' } }]);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/monitoring-reports.png' });
    await assertAccessible(page, 'monitoring report subscriptions');

    // Ending it asks first, then says so.
    await list.getByRole('button', { name: 'Annulla iscrizione al rapporto settimanale di UT Cagliari 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Annulla iscrizione' }).click();
    await section.getByText('Non riceverai più il rapporto settimanale di UT Cagliari 1.').waitFor();
    await section.getByRole('button', { name: 'Ricevi il rapporto settimanale' }).waitFor();
    const after = await graphql('{ myReportSubscriptions { id } }', {}, token);
    assert.deepEqual(after.data.myReportSubscriptions, []);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  it('dr.sardegna reads the figures per expert of CRIC Sardegna and the quesiti per classification', async () => {
    const from = romeDay(-60);
    const to = romeDay(0);
    const token = await login('dr.sardegna');
    const body = await graphql(
      `query($u: String!, $f: NaiveDate!, $t: NaiveDate!) {
         stats(unitCode: $u, from: $f, to: $t) {
           experts { personId name taken answered unit { code } }
           classifications { section label received } } }`,
      { u: 'CRIC-SAR', f: from, t: to },
      token,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const { experts, classifications } = body.data.stats;
    assert.ok(experts.length > 0 && classifications.length > 0, JSON.stringify(body.data));
    assert.ok(experts.every((e) => e.unit.code === 'CRIC-SAR'));

    const page = await newPage(app.browser, app.server.baseUrl);
    await signIn(page, 'dr.sardegna');
    await page.getByRole('heading', { level: 1, name: /^Ti diamo il benvenuto/ }).waitFor();
    await page.goto(`/monitoraggio?unita=CRIC-SAR&dal=${from}&al=${to}`);
    const table = page.getByRole('table', { name: /^Dati per esperto CRIC:/ });
    await table.waitFor();
    for (const e of experts) {
      const cells = await table.locator(`tbody > tr[data-person="${e.personId}"] > td`).allInnerTexts();
      assert.deepEqual(cells.slice(0, 2), [count.format(e.taken), count.format(e.answered)], e.name);
    }
    assert.equal(await page.getByText('Davide Romano').count(), 0, 'no Lazio expert');
    const chart = page.getByRole('table', { name: /^Quesiti ricevuti nel periodo per sezione e tipologia/ });
    for (const c of classifications) {
      const row = chart.getByRole('row', { name: new RegExp(`^${c.label}`) }).first();
      assert.equal((await row.locator('td').first().innerText()).trim(), count.format(c.received), c.label);
    }
    await assertAccessible(page, 'monitoring CRIC-SAR per expert');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => window.innerWidth === 390);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    await page.screenshot({ path: '/tmp/monitoring-experts-phone.png', fullPage: true });
    await chart.screenshot({ path: '/tmp/monitoring-classifications-phone.png' });
    assert.ok(scrollWidth <= innerWidth, `${scrollWidth} > ${innerWidth}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await table.screenshot({ path: '/tmp/monitoring-experts-table.png' });
    await chart.screenshot({ path: '/tmp/monitoring-classifications.png' });
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
