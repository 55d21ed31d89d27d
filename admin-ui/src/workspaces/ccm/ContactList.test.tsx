import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { callsOf, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ContactList } from './ContactsPage';

const contact = {
  id: 'k-1',
  channel: 'PHONE',
  section: 'PENSIONI',
  topic: 'Decorrenza della pensione',
  citizenFiscalCode: null,
  outcome: 'ANSWERED',
  quesito: null,
  recordedAt: '2026-12-07T08:00:00Z',
};

function setup() {
  const client = fakeClient((name) =>
    name === 'ContactList'
      ? { data: { contacts: { totalCount: 42, nodes: [contact], pageInfo: { hasNextPage: true, endCursor: 'c' } } } }
      : 'pending',
  );
  renderWithProviders(<ContactList />, { client });
  return { client, user: userEvent.setup() };
}

describe('ContactList', () => {
  it('asks for the contacts by date, newest first, and shows their total', () => {
    const { client } = setup();
    expect(callsOf(client, 'ContactList')[0]).toMatchObject({ orderBy: { field: 'RECORDED_AT', direction: 'DESC' } });
    const table = screen.getByRole('table', { name: 'Contatti registrati' });
    expect(within(table).getByRole('columnheader', { name: /Quando/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('1 di 42 elementi mostrati')).toBeInTheDocument();
  });

  it('sorts by topic from its column header', async () => {
    const { client, user } = setup();
    await user.click(screen.getByRole('button', { name: /Argomento/ }));
    expect(callsOf(client, 'ContactList').at(-1)).toMatchObject({
      orderBy: { field: 'TOPIC', direction: 'ASC' },
      after: null,
    });
  });
});
