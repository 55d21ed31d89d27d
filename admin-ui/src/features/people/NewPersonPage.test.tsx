import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { readDraft } from '../../shared/forms/draftStore';
import { callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { NEW_PERSON_DRAFT_KEY, NewPersonPage } from './NewPersonPage';

const drSardegna = fakeMe([{ role: 'REGIONAL_DIRECTOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }], {
  username: 'dr.sardegna',
});

const created = {
  data: {
    createPerson: {
      id: 'p-9',
      username: 'op.nuovo',
      displayName: 'Nuovo Operatore',
      email: null,
      active: true,
      assignments: [],
    },
  },
};

type Answer = ReturnType<Parameters<typeof fakeClient>[0]>;

function setup(createAnswer: Answer = created, me = drSardegna, units = demoUnits('/IT/SAR/')) {
  const client = fakeClient((name) => {
    if (name === 'OrgUnitChoices') return unitChoicesAnswer(units);
    if (name === 'PersonCreate') return createAnswer;
    return 'pending';
  });
  const view = renderWithProviders(<NewPersonPage />, { client, me, route: '/organizzazione/nuova-persona' });
  return { client, view, user: userEvent.setup() };
}

const options = (label: string) =>
  within(screen.getByLabelText(label, { selector: 'select' }))
    .getAllByRole('option')
    .map((option) => option.textContent);

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Nome utente'), 'op.nuovo');
  await user.type(screen.getByLabelText('Nome e cognome'), 'Nuovo Operatore');
  await user.type(screen.getByLabelText('Password iniziale'), 'una-password-lunga');
  await user.selectOptions(screen.getByLabelText('Ruolo', { selector: 'select' }), 'OPERATOR');
  await user.selectOptions(screen.getByLabelText('Unità', { selector: 'select' }), 'UT-CA2');
}

describe('NewPersonPage — the role picker', () => {
  it('offers a regional director only the roles below his own, auditors excepted', async () => {
    setup();
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    expect(options('Ruolo')).toEqual([
      'Scegli un ruolo',
      'Direttore provinciale',
      "Direttore d'ufficio",
      'Coordinatore di sala',
      'Funzionario',
      'Esperto CRIC',
    ]);
  });

  it('offers, for the chosen role, only the units of a fitting kind', async () => {
    const { user } = setup();
    const role = await screen.findByLabelText('Ruolo', { selector: 'select' });
    expect(screen.getByLabelText('Unità', { selector: 'select' })).toBeDisabled();

    await user.selectOptions(role, 'OPERATOR');
    expect(options('Unità')).toEqual(["Scegli un'unità", 'UT Cagliari 1 (UT-CA1)', 'UT Cagliari 2 (UT-CA2)']);
    expect(screen.queryByLabelText('Sezione')).not.toBeInTheDocument();

    await user.selectOptions(role, 'PROVINCIAL_DIRECTOR');
    expect(screen.getByLabelText('Unità', { selector: 'select' })).toHaveValue('DP-CA');

    await user.selectOptions(role, 'CRIC_EXPERT');
    expect(options('Unità')).toEqual(["Scegli un'unità", 'CRIC Sardegna (CRIC-SAR)']);
    expect(options('Sezione')).toEqual([
      'Tutte le sezioni',
      'Pensioni',
      'Prestazioni a sostegno del reddito',
      'Soggetto contribuente',
    ]);
  });

  it('offers an admin the CCM operator role on the contact center only', async () => {
    const admin = fakeMe([{ role: 'ADMIN', unitCode: 'ROOT', unitName: 'Amministrazione centrale', section: null }]);
    const { user } = setup(created, admin, demoUnits());
    const role = await screen.findByLabelText('Ruolo', { selector: 'select' });
    expect(options('Ruolo')).toContain('Amministratore');
    expect(options('Ruolo')).not.toContain('Professionista');
    await user.selectOptions(role, 'CCM_OPERATOR');
    expect(options('Unità')).toEqual(["Scegli un'unità", 'CCM — Contact Center Multicanale (CCM)']);
  });
});

describe('NewPersonPage — validation and sending', () => {
  it('checks every field before sending, and moves focus to the first one to fix', async () => {
    const { client, user } = setup();
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    await user.type(screen.getByLabelText('Nome utente'), 'Mario Rossi');
    await user.type(screen.getByLabelText('E-mail (facoltativa)'), 'non-una-mail');
    await user.type(screen.getByLabelText('Password iniziale'), 'corta');
    await user.click(screen.getByRole('button', { name: 'Crea persona' }));

    expect(screen.getByLabelText('Nome utente')).toHaveAccessibleDescription(/lettere minuscole, cifre/);
    expect(screen.getByLabelText('Nome utente')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Nome utente')).toHaveFocus();
    expect(screen.getByLabelText('Nome e cognome')).toHaveAccessibleDescription('Inserisci nome e cognome.');
    expect(screen.getByLabelText('E-mail (facoltativa)')).toHaveAccessibleDescription(/indirizzo e-mail valido/);
    expect(screen.getByLabelText('Password iniziale')).toHaveAccessibleDescription(/almeno 12 caratteri\.$/);
    expect(screen.getByLabelText('Ruolo', { selector: 'select' })).toHaveAccessibleDescription('Scegli il ruolo.');
    expect(callsOf(client, 'PersonCreate')).toEqual([]);
  });

  it('asks for no password for a person who signs in only through SSO', async () => {
    const { client, user } = setup();
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    await fillValid(user);
    await user.click(screen.getByLabelText(/Solo con l'accesso unico/));
    expect(screen.queryByLabelText('Password iniziale')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Crea persona' }));
    expect(callsOf(client, 'PersonCreate')).toEqual([
      {
        input: {
          username: 'op.nuovo',
          displayName: 'Nuovo Operatore',
          email: null,
          initialPassword: null,
          assignment: { role: 'OPERATOR', unitCode: 'UT-CA2', section: null },
        },
      },
    ]);
  });

  it('sends the person with the first role, then opens their page and forgets the draft', async () => {
    const { client, user } = setup();
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    await fillValid(user);
    await user.type(screen.getByLabelText('E-mail (facoltativa)'), ' op.nuovo@agenzia.example.it ');
    await user.click(screen.getByRole('button', { name: 'Crea persona' }));
    expect(client.executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({
        variables: {
          input: {
            username: 'op.nuovo',
            displayName: 'Nuovo Operatore',
            email: 'op.nuovo@agenzia.example.it',
            initialPassword: 'una-password-lunga',
            assignment: { role: 'OPERATOR', unitCode: 'UT-CA2', section: null },
          },
        },
      }),
      expect.anything(),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('/organizzazione/persone/op.nuovo');
    expect(readDraft(NEW_PERSON_DRAFT_KEY)).toBeUndefined();
  });

  it("shows the server's field error on that field", async () => {
    const refused = {
      error: new CombinedError({
        graphQLErrors: [
          {
            message: 'La password deve avere almeno 12 caratteri',
            extensions: { code: 'BAD_USER_INPUT', field: 'initialPassword' },
          },
        ],
      }),
    };
    const { user } = setup(refused);
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Crea persona' }));
    const password = await screen.findByLabelText('Password iniziale');
    expect(password).toHaveAccessibleDescription(/La password deve avere almeno 12 caratteri$/);
    expect(password).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows an error without a field above the form', async () => {
    const taken = {
      error: new CombinedError({
        graphQLErrors: [{ message: 'Nome utente già in uso', extensions: { code: 'CONFLICT' } }],
      }),
    };
    const { user } = setup(taken);
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Crea persona' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nome utente già in uso');
  });

  it('keeps what was typed, but not the password, across a re-login', async () => {
    const { view, user } = setup();
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    await fillValid(user);
    view.unmount();

    setup();
    await screen.findByLabelText('Ruolo', { selector: 'select' });
    expect(screen.getByLabelText('Nome utente')).toHaveValue('op.nuovo');
    expect(screen.getByLabelText('Nome e cognome')).toHaveValue('Nuovo Operatore');
    expect(screen.getByLabelText('Unità', { selector: 'select' })).toHaveValue('UT-CA2');
    expect(screen.getByLabelText('Password iniziale')).toHaveValue('');
    expect(JSON.stringify(readDraft(NEW_PERSON_DRAFT_KEY))).not.toContain('una-password-lunga');
  });
});
