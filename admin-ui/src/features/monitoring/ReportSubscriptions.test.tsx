import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ReportSubscriptions } from './ReportSubscriptions';

const me = fakeMe([{ role: 'OFFICE_DIRECTOR', unitCode: 'UT-CA1', unitName: 'UT Cagliari 1', section: null }]);
const ca1 = { id: 'u-ca1', code: 'UT-CA1', name: 'UT Cagliari 1' };

function render(subscriptions: unknown[]) {
  const client = fakeClient((name) => {
    if (name === 'MyReportSubscriptions') return { data: { myReportSubscriptions: subscriptions } };
    if (name === 'SubscribeToReport') return { data: { subscribeToReport: { id: 's-new', frequency: 'MONTHLY' } } };
    if (name === 'UnsubscribeFromReport') return { data: { unsubscribeFromReport: 's1' } };
    return 'pending';
  });
  renderWithProviders(<ReportSubscriptions unitCode="UT-CA1" unitName="UT Cagliari 1" />, {
    client,
    me,
    route: '/monitoraggio',
  });
  return client;
}

describe('ReportSubscriptions', () => {
  it('offers the reports not held yet and lists those held with their last sending, in Italian', async () => {
    render([{ id: 's1', frequency: 'WEEKLY', lastSentAt: '2026-12-14T07:00:00Z', unit: ca1 }]);
    expect(await screen.findByRole('button', { name: 'Settimanale: già attivo' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Ricevi il rapporto mensile' })).toBeEnabled();
    const list = screen.getByRole('list', { name: 'I tuoi rapporti periodici' });
    expect(within(list).getByText(/UT Cagliari 1/)).toBeInTheDocument();
    expect(within(list).getByText(/Settimanale · ultimo invio 14\/12\/2026/)).toBeInTheDocument();
    expect(within(list).queryByText('WEEKLY')).not.toBeInTheDocument();
  });

  it('subscribes with one click and says when the report arrives', async () => {
    const client = render([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Ricevi il rapporto mensile' }));
    expect(await screen.findByText(/il primo del mese, per il mese appena concluso/)).toBeInTheDocument();
    const calls = (client.executeMutation as unknown as { mock: { calls: [{ variables: unknown }][] } }).mock.calls;
    expect(calls.map(([op]) => op.variables)).toContainEqual({ unitCode: 'UT-CA1', frequency: 'MONTHLY' });
  });

  it('asks before ending a subscription', async () => {
    render([{ id: 's1', frequency: 'WEEKLY', lastSentAt: null, unit: ca1 }]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Annulla iscrizione al rapporto settimanale di UT Cagliari 1' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Non riceverai più il rapporto settimanale di UT Cagliari 1/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annulla iscrizione' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Non riceverai più il rapporto settimanale/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
