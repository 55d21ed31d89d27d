import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { PersonPage } from './PersonPage';
import { searchTermFor } from './usePerson';

const drSardegna = fakeMe([{ role: 'REGIONAL_DIRECTOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }], {
  username: 'dr.sardegna',
});

const unit = (code: string) => {
  const found = demoUnits().find((u) => u.code === code)!;
  return { id: found.id, code: found.code, name: found.name, kind: found.kind, path: found.path };
};

const laura = {
  id: 'p-1',
  username: 'op.cagliari1',
  displayName: 'Laura Serra',
  email: 'op.cagliari1@agenzia.example.it',
  active: true,
  assignments: [
    { id: 'a-1', role: 'OPERATOR', section: null, unit: unit('UT-CA1') },
    { id: 'a-2', role: 'PROVINCIAL_DIRECTOR', section: null, unit: unit('DP-CA') },
  ],
};

const page = (nodes: unknown[]) => ({ data: { people: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } });

type Answer = ReturnType<Parameters<typeof fakeClient>[0]>;

function setup(respond: Partial<Record<string, Answer>>, username = 'op.cagliari1') {
  const client = fakeClient((name) => {
    if (name === 'OrgUnitChoices') return unitChoicesAnswer(demoUnits('/IT/SAR/'));
    return respond[name] ?? 'pending';
  });
  renderWithProviders(<PersonPage />, {
    client,
    me: drSardegna,
    route: `/organizzazione/persone/${username}`,
    path: '/organizzazione/persone/:username',
  });
  return { client, user: userEvent.setup() };
}

describe('PersonPage', () => {
  it('finds the person among the search results and lists their roles', async () => {
    const other = { ...laura, id: 'p-2', username: 'op.cagliari10', displayName: 'Altro' };
    const { client } = setup({ PersonShow: page([other, laura]) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Laura Serra' })).toBeInTheDocument();
    expect(callsOf(client, 'PersonShow')[0]).toMatchObject({ search: 'op.cagliari1' });
    const roles = screen.getByRole('table', { name: 'Ruoli di Laura Serra' });
    const rows = within(roles).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual([
      'Funzionario',
      'Direttore provinciale',
    ]);
    expect(within(roles).getByRole('link', { name: 'UT Cagliari 1' })).toHaveAttribute(
      'href',
      '/organizzazione/UT-CA1',
    );
  });

  it('revokes a role only after confirming', async () => {
    const { client, user } = setup({ PersonShow: page([laura]), PersonRevokeRole: { data: { revokeRole: true } } });
    await user.click(await screen.findByRole('button', { name: 'Revoca Direttore provinciale — DP Cagliari' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revocare il ruolo?' });
    expect(dialog).toHaveTextContent('Laura Serra non avrà più il ruolo Direttore provinciale — DP Cagliari');
    expect(callsOf(client, 'PersonRevokeRole')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(callsOf(client, 'PersonRevokeRole')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Revoca Direttore provinciale — DP Cagliari' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoca' }));
    expect(callsOf(client, 'PersonRevokeRole')).toEqual([{ assignmentId: 'a-2' }]);
    expect(await screen.findByText('Ruolo revocato: Direttore provinciale — DP Cagliari.')).toBeInTheDocument();
  });

  it("shows the server's refusal inside the dialog", async () => {
    const { user } = setup({
      PersonShow: page([laura]),
      PersonSetActive: { error: apiError('FORBIDDEN', 'Il tuo ruolo non può gestire tutti i ruoli di questa persona') },
    });
    await user.click(await screen.findByRole('button', { name: 'Disattiva' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disattivare la persona?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disattiva' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Il tuo ruolo non può gestire tutti i ruoli di questa persona',
    );
  });

  it('offers no revoke button and no role form on the signed-in person\u2019s own page', async () => {
    const self = {
      ...laura,
      username: 'dr.sardegna',
      displayName: 'Giovanna Pinna',
      assignments: [{ id: 'a-9', role: 'REGIONAL_DIRECTOR', section: null, unit: unit('DR-SAR') }],
    };
    setup({ PersonShow: page([self]) }, 'dr.sardegna');
    await screen.findByRole('heading', { level: 1, name: 'Giovanna Pinna' });
    expect(screen.queryByRole('button', { name: /^Revoca/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Disattiva' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Aggiungi un ruolo' })).not.toBeInTheDocument();
  });

  it('grants a role with the picked unit', async () => {
    const { client, user } = setup({
      PersonShow: page([laura]),
      PersonAssignRole: {
        data: {
          assignRole: {
            id: 'a-3',
            role: 'ROOM_COORDINATOR',
            section: null,
            unit: { id: 'u', code: 'UT-CA2', name: 'UT Cagliari 2' },
          },
        },
      },
    });
    const role = await screen.findByLabelText('Ruolo', { selector: 'select' });
    await user.click(screen.getByRole('button', { name: 'Aggiungi ruolo' }));
    expect(role).toHaveAccessibleDescription('Scegli il ruolo.');
    expect(callsOf(client, 'PersonAssignRole')).toEqual([]);

    await user.selectOptions(role, 'ROOM_COORDINATOR');
    await user.selectOptions(screen.getByLabelText('Unità', { selector: 'select' }), 'UT-CA2');
    await user.click(screen.getByRole('button', { name: 'Aggiungi ruolo' }));
    expect(callsOf(client, 'PersonAssignRole')).toEqual([
      { username: 'op.cagliari1', input: { role: 'ROOM_COORDINATOR', unitCode: 'UT-CA2', section: null } },
    ]);
    expect(await screen.findByText('Ruolo aggiunto: Coordinatore di sala — UT Cagliari 2.')).toBeInTheDocument();
  });

  it('says "Persona non trovata" when nobody has that username, and shows no one else', async () => {
    const other = { ...laura, username: 'op.cagliari10', displayName: 'Altro' };
    setup({ PersonShow: page([other]) });
    expect(await screen.findByRole('heading', { name: 'Persona non trovata' })).toBeInTheDocument();
    expect(screen.queryByText('Altro')).not.toBeInTheDocument();
  });

  it('shows a FORBIDDEN answer and no data', async () => {
    setup({ PersonShow: { data: page([laura]).data, error: apiError('FORBIDDEN', 'Accesso negato') } });
    expect(await screen.findByRole('heading', { name: 'Operazione non consentita' })).toBeInTheDocument();
    expect(screen.queryByText('Laura Serra')).not.toBeInTheDocument();
  });
});

describe('searchTermFor', () => {
  it('searches by the username, or its longest part without _ (which the server drops)', () => {
    expect(searchTermFor('op.cagliari1')).toBe('op.cagliari1');
    expect(searchTermFor('mario_rossi.it')).toBe('rossi.it');
  });
});
