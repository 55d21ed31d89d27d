import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { CallbackQueuePage } from './CallbackQueuePage';

const director = fakeMe([{ role: 'OFFICE_DIRECTOR', unitCode: 'UT-CA1', unitName: 'UT Cagliari 1', section: null }]);

const request = {
  id: 'cb-1',
  topic: 'Registrazione di un contratto di locazione',
  phone: '3331234567',
  status: 'WAITING',
  requestedAt: '2026-12-07T08:00:00Z',
  availableFrom: '2026-12-07T08:00:00Z',
  nextWindowOpensAt: null,
  attempts: 0,
  outcome: null,
  version: 1,
  viaIvr: false,
  unit: { code: 'UT-CA1', name: 'UT Cagliari 1' },
  assignee: null,
  attemptHistory: [],
};

function setup() {
  const client = fakeClient((name) => {
    if (name === 'OrgUnitChoices') return unitChoicesAnswer(demoUnits('/IT/SAR/CA/CA1/'));
    if (name === 'CallbackQueue')
      return {
        data: { callbacks: { totalCount: 9, nodes: [request], pageInfo: { hasNextPage: true, endCursor: 'c' } } },
      };
    if (name === 'CallbackStaff') return { data: { callbackStaff: [] } };
    return 'pending';
  });
  renderWithProviders(<CallbackQueuePage />, { client, me: director, route: '/richiamate' });
  return { client, user: userEvent.setup() };
}

describe('CallbackQueuePage', () => {
  it("asks the server for the queue's order, oldest request first, and shows the totals", async () => {
    const { client } = setup();
    await screen.findByRole('heading', { name: request.topic });
    expect(callsOf(client, 'CallbackQueue')[0]).toMatchObject({
      unitCode: 'UT-CA1',
      orderBy: { field: 'REQUESTED_AT', direction: 'ASC' },
    });
    expect(screen.getByTestId('callback-total')).toHaveTextContent('9 richieste in attesa');
    expect(screen.getByText('1 di 9 elementi mostrati')).toBeInTheDocument();
  });

  it('asks the server for the order picked', async () => {
    const { client, user } = setup();
    await screen.findByRole('heading', { name: request.topic });
    await user.selectOptions(screen.getByLabelText('Ordine'), 'Prima le più recenti');
    expect(callsOf(client, 'CallbackQueue').at(-1)).toMatchObject({
      orderBy: { field: 'REQUESTED_AT', direction: 'DESC' },
      after: null,
    });
    await user.selectOptions(screen.getByLabelText('Ordine'), 'Prima le prime richiamabili');
    expect(callsOf(client, 'CallbackQueue').at(-1)).toMatchObject({
      orderBy: { field: 'AVAILABLE_FROM', direction: 'ASC' },
    });
  });
});
