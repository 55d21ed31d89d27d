import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ContactForm } from './ContactsPage';

const filed = { id: 'q-1', subject: 'Decorrenza della pensione di vecchiaia' };
const found = {
  id: 'q-2',
  status: 'NEW',
  section: 'PENSIONI',
  priority: 'NORMAL',
  subject: 'Ricongiunzione dei contributi',
  classification: null,
  cric: { id: 'c', name: 'CRIC Sardegna' },
  citizenFiscalCode: null,
  dueAt: '2026-12-10T16:00:00Z',
  overdue: false,
  filedAt: '2026-12-01T09:00:00Z',
  version: 1,
};

function setup(route: string) {
  const client = fakeClient((name) => {
    if (name === 'QuesitoShow') return { data: { quesito: { ...filed } } };
    if (name === 'QuesitoList') {
      return { data: { quesiti: { nodes: [found], pageInfo: { hasNextPage: false, endCursor: null } } } };
    }
    if (name === 'ContactRecord') return { data: { recordContact: { id: 'k-1', outcome: 'QUESITO_FILED' } } };
    return 'pending';
  });
  renderWithProviders(<ContactForm onRecorded={() => {}} />, { client, route });
  return { client, user: userEvent.setup() };
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByLabelText('Sezione *'), 'PENSIONI');
  await user.type(screen.getByLabelText('Argomento *'), 'Pensione');
}

beforeEach(() => sessionStorage.clear());

describe('ContactForm', () => {
  it('links the quesito just filed by its subject, and forgets it once the contact is saved', async () => {
    const { client, user } = setup('/ccm/contatti?quesito=q-1');
    expect(await screen.findByRole('button', { name: /^Scollega/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /Quesito inoltrato/ })).toHaveTextContent('Decorrenza della pensione');
    expect(screen.queryByLabelText(/Identificativo del quesito/)).not.toBeInTheDocument();
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Registra il contatto' }));
    expect(mutationsOf(client, 'ContactRecord')[0]).toMatchObject({ input: { quesitoId: 'q-1' } });
    expect(await screen.findByText('Contatto registrato.')).toBeInTheDocument();
    // The next contact is not silently linked to the same quesito.
    expect(screen.queryByRole('button', { name: /^Scollega/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('location')).not.toHaveTextContent('quesito=');
  });

  it('finds a quesito by words of its subject instead of asking for its identifier', async () => {
    const { client, user } = setup('/ccm/contatti');
    await fillRequired(user);
    await user.selectOptions(screen.getByLabelText('Esito *'), 'QUESITO_FILED');
    await user.type(screen.getByLabelText("Parole dell'oggetto"), 'ricongiunzione');
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    const result = (await screen.findAllByText('Ricongiunzione dei contributi', { exact: false }))[0].closest('li')!;
    await user.click(within(result).getByRole('button', { name: /^Collega/ }));
    expect(screen.getByRole('button', { name: /^Scollega/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registra il contatto' }));
    expect(mutationsOf(client, 'ContactRecord')[0]).toMatchObject({ input: { quesitoId: 'q-2' } });
  });
});
