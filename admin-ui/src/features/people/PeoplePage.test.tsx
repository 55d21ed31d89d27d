import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { PeoplePage } from './PeoplePage';

const drSardegna = fakeMe([{ role: 'REGIONAL_DIRECTOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }]);

const laura = {
  id: 'p-1',
  username: 'op.cagliari1',
  displayName: 'Laura Serra',
  active: true,
  assignments: [
    { id: 'a-1', role: 'OPERATOR', section: null, unit: { id: 'u-UT-CA1', code: 'UT-CA1', name: 'UT Cagliari 1' } },
  ],
};
const people = { data: { people: { nodes: [laura], pageInfo: { hasNextPage: false, endCursor: null } } } };

type Answer = ReturnType<Parameters<typeof fakeClient>[0]>;

function setup(list: Answer = people, route = '/organizzazione/persone') {
  const client = fakeClient((name) => {
    if (name === 'OrgUnitChoices') return unitChoicesAnswer(demoUnits('/IT/SAR/'));
    if (name === 'PersonList') return list;
    return 'pending';
  });
  renderWithProviders(<PeoplePage />, { client, me: drSardegna, route });
  return { client, user: userEvent.setup() };
}

describe('PeoplePage', () => {
  it('lists people with their roles, linking to each person', () => {
    setup();
    const table = screen.getByRole('table', { name: 'Persone' });
    expect(within(table).getByRole('link', { name: 'Laura Serra' })).toHaveAttribute(
      'href',
      '/organizzazione/persone/op.cagliari1',
    );
    expect(table).toHaveTextContent('Funzionario — UT Cagliari 1');
  });

  it('sends search, unit and role as the filter, and keeps them in the address', async () => {
    const { client, user } = setup();
    await user.type(screen.getByLabelText('Cerca'), '  serra ');
    await user.selectOptions(screen.getByLabelText('Unità'), 'UT-CA1');
    await user.selectOptions(screen.getByLabelText('Ruolo'), 'OPERATOR');
    expect(callsOf(client, 'PersonList')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(callsOf(client, 'PersonList').at(-1)).toEqual({
      filter: { search: 'serra', unitCode: 'UT-CA1', role: 'OPERATOR' },
      orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' },
      first: 25,
      after: null,
    });
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/organizzazione/persone?q=serra&unita=UT-CA1&ruolo=OPERATOR',
    );

    await user.click(screen.getByRole('button', { name: 'Azzera filtri' }));
    expect(callsOf(client, 'PersonList').at(-1)).toEqual({
      filter: {},
      orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' },
      first: 25,
      after: null,
    });
    expect(screen.getByLabelText('Cerca')).toHaveValue('');
  });

  it('starts from the filters in the address', () => {
    const { client } = setup(people, '/organizzazione/persone?q=serra&ruolo=OPERATOR');
    expect(callsOf(client, 'PersonList')[0]).toEqual({
      filter: { search: 'serra', role: 'OPERATOR' },
      orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' },
      first: 25,
      after: null,
    });
    expect(screen.getByLabelText('Cerca')).toHaveValue('serra');
  });

  it('says so when nobody matches', () => {
    setup(
      { data: { people: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } },
      '/organizzazione/persone?q=zzz',
    );
    expect(screen.getByText('Nessuna persona corrisponde ai filtri')).toBeInTheDocument();
  });

  it('shows FORBIDDEN and no people', () => {
    setup({ data: people.data, error: apiError('FORBIDDEN', 'Accesso negato') });
    expect(screen.getByRole('heading', { name: 'Operazione non consentita' })).toBeInTheDocument();
    expect(screen.queryByText('Laura Serra')).not.toBeInTheDocument();
  });
});
