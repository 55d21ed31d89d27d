// Alerts and live updates (docs/alerts.md): a quesito filed by ccm.op appears in cric.sardegna's queue and
// notification area without a reload, while cric.lazio, signed in at the same time, is told nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphqlAs } from './api.mjs';
import { assertAccessible } from './axe.mjs';
import { newPage, signIn, serverAndBrowser } from './browser.mjs';

const app = serverAndBrowser();

const mainNav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });

async function openQueue(username) {
  const page = await newPage(app.browser, app.server.baseUrl);
  await signIn(page, username);
  await mainNav(page).getByRole('link', { name: 'Coda CRIC' }).click();
  await page.getByRole('heading', { level: 1, name: 'Coda CRIC' }).waitFor();
  return page;
}

async function fileQuesito(subject) {
  const gql = (query, variables) => graphqlAs(app.server.baseUrl, 'ccm.op', query, variables);
  const { quesitoClassifications } = await gql(
    'query { quesitoClassifications(regionCode: "DR-SAR", section: PENSIONI, first: 1) { nodes { id } } }',
  );
  await gql('mutation($i: FileQuesitoInput!) { fileQuesito(input: $i) { id } }', {
    i: {
      regionCode: 'DR-SAR',
      section: 'PENSIONI',
      classification: quesitoClassifications.nodes[0].id,
      subject,
      question: 'Il cittadino chiede quando decorre la pensione di vecchiaia.',
      citizenFiscalCode: 'RSSMRA80A01H501U',
    },
  });
}

const unreadOf = async (page) => {
  const badge = page.getByTestId('alerts-unread');
  return (await badge.count()) === 0 ? 0 : Number((await badge.innerText()).split(' ')[0]);
};

describe('Alerts and live updates', () => {
  it("a new quesito reaches cric.sardegna's queue and notification area live, and nothing reaches cric.lazio", async () => {
    const sardegna = await openQueue('cric.sardegna');
    const lazio = await openQueue('cric.lazio');
    const lazioUnread = await unreadOf(lazio);
    // Subscriptions start when the screens have connected.
    await sardegna.waitForTimeout(1000);

    const subject = `Pensione di vecchiaia, decorrenza ${Date.now()}`;
    await fileQuesito(subject);

    // No reload: the queue refreshes itself when the alert arrives.
    await sardegna.getByRole('link', { name: subject }).waitFor({ timeout: 10_000 });
    await sardegna.getByTestId('alerts-unread').waitFor();
    const bell = sardegna.getByRole('button', { name: /^Avvisi/ });
    await bell.click();
    const panel = sardegna.getByRole('region', { name: 'Avvisi' });
    await panel.getByText(`Nuovo quesito: ${subject}`).waitFor();
    await assertAccessible(sardegna, 'notification area open');
    // Opening the list marks it read.
    await sardegna.getByTestId('alerts-unread').waitFor({ state: 'detached' });

    // cric.lazio: the queue never shows it, the count does not move.
    await lazio.waitForTimeout(3000);
    assert.equal(await lazio.getByText(subject).count(), 0);
    assert.equal(await unreadOf(lazio), lazioUnread);

    // At a phone's width the panel stays within the screen.
    await sardegna.setViewportSize({ width: 390, height: 844 });
    const overflow = await sardegna.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
    assert.deepEqual(sardegna.pageErrors, []);
    await sardegna.context().close();
    await lazio.context().close();
  });
});
