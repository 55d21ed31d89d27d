import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { followUpTotals } from './labels';
import { MyFollowUpsPanel } from './MyFollowUpsPanel';

const item = (overrides: Record<string, unknown>) => ({
  __typename: 'FollowUp',
  id: 'f1',
  origin: 'COUNTER_BACK_OFFICE',
  status: 'OPEN',
  citizenName: 'Melis Giovanna',
  protocolNumber: 'PROT-1',
  dueOn: '2026-12-01',
  overdue: true,
  assignee: 'op.cagliari1',
  outcome: null,
  version: 3,
  appointmentId: null,
  documentsSubject: null,
  virtualCounterMailbox: null,
  ...overrides,
});

const list = {
  data: {
    followUps: {
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [
        item({}),
        item({
          id: 'f2',
          origin: 'PRECALL_EMAIL_PEC',
          citizenName: 'Rossi Mario',
          protocolNumber: null,
          dueOn: '2026-12-09',
          overdue: false,
          documentsSubject: 'Prenotazione n. 40114 appuntamento virtuale CONSEGNA DOCUMENTI – Rossi Mario',
          virtualCounterMailbox: 'sportello.virtuale.ss@agenzia.example.it',
        }),
      ],
    },
  },
};

const outcomeRefused = new CombinedError({
  graphQLErrors: [
    { message: 'Indica che cosa è stato fatto', extensions: { code: 'BAD_USER_INPUT', field: 'outcome' } },
  ],
});

describe('MyFollowUpsPanel', () => {
  it('asks only for the caller open items and flags the overdue ones in Italian', async () => {
    const client = fakeClient((name) => (name === 'FollowUpList' ? list : 'pending'));
    renderWithProviders(<MyFollowUpsPanel />, { client });
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('In ritardo')).toBeInTheDocument();
    expect(within(items[0]).getByText('Trasferita al back office')).toBeInTheDocument();
    expect(within(items[0]).getByText('entro il 01/12/2026')).toBeInTheDocument();
    expect(within(items[1]).queryByText('In ritardo')).not.toBeInTheDocument();
    expect(within(items[1]).getByText('Documenti via e-mail/PEC')).toBeInTheDocument();
    expect(screen.getByText('1 attività in ritardo')).toBeInTheDocument();
    const spy = client.executeQuery as unknown as { mock: { calls: [{ variables: Record<string, unknown> }][] } };
    expect(spy.mock.calls[0][0].variables).toMatchObject({ mineOnly: true, status: 'OPEN' });
  });

  it('shows the e-mail subject and the virtual-counter address with copy buttons for documents by e-mail', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const client = fakeClient((name) => (name === 'FollowUpList' ? list : 'pending'));
    renderWithProviders(<MyFollowUpsPanel />, { client });
    const items = await screen.findAllByRole('listitem');
    expect(within(items[0]).queryByText(/Oggetto dell'e-mail/)).not.toBeInTheDocument();
    const subject = 'Prenotazione n. 40114 appuntamento virtuale CONSEGNA DOCUMENTI – Rossi Mario';
    expect(within(items[1]).getByText(subject)).toBeInTheDocument();
    expect(within(items[1]).getByText('sportello.virtuale.ss@agenzia.example.it')).toBeInTheDocument();
    await user.click(within(items[1]).getByRole('button', { name: "Copia oggetto dell'e-mail" }));
    expect(writeText).toHaveBeenCalledWith(subject);
    expect(within(items[1]).getByText('Copiato.')).toBeInTheDocument();
    await user.click(within(items[1]).getByRole('button', { name: 'Copia indirizzo dello sportello virtuale' }));
    expect(writeText).toHaveBeenLastCalledWith('sportello.virtuale.ss@agenzia.example.it');
  });

  it('completes in a dialog that takes the focus, shows the refusal by the text and sends the version', async () => {
    const user = userEvent.setup();
    let answer: 'refuse' | 'accept' = 'refuse';
    const client = fakeClient((name) => {
      if (name === 'FollowUpList') return list;
      if (name === 'FollowUpComplete')
        return answer === 'refuse'
          ? { error: outcomeRefused }
          : { data: { completeFollowUp: { id: 'f1', status: 'DONE', outcome: 'Fatto', version: 4, overdue: false } } };
      return 'pending';
    });
    renderWithProviders(<MyFollowUpsPanel />, { client });
    await user.click(await screen.findByRole('button', { name: /^Completa\s*l'attività di Melis Giovanna/ }));
    const dialog = await screen.findByRole('dialog');
    const text = within(dialog).getByLabelText('Che cosa è stato fatto');
    await waitFor(() => expect(text).toHaveFocus());

    await user.click(within(dialog).getByRole('button', { name: 'Completa' }));
    expect(within(dialog).getByText('Scrivi una risposta prima di confermare.')).toBeInTheDocument();
    expect(mutationsOf(client, 'FollowUpComplete')).toHaveLength(0);

    await user.type(text, ' x ');
    await user.click(within(dialog).getByRole('button', { name: 'Completa' }));
    expect(await within(dialog).findByText('Indica che cosa è stato fatto')).toBeInTheDocument();
    expect(text).toHaveAttribute('aria-invalid', 'true');

    answer = 'accept';
    await user.clear(text);
    await user.type(text, 'Pratica lavorata');
    await user.click(within(dialog).getByRole('button', { name: 'Completa' }));
    expect(await screen.findByText('Attività completata: Melis Giovanna — prot. PROT-1.')).toBeInTheDocument();
    expect(mutationsOf(client, 'FollowUpComplete').at(-1)).toEqual({
      id: 'f1',
      version: 3,
      outcome: 'Pratica lavorata',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('followUpTotals', () => {
  it('says how many and how many late', () => {
    expect(followUpTotals(3, 1)).toBe('3 attività, di cui 1 in ritardo');
    expect(followUpTotals(1, 0)).toBe('1 attività, nessuna in ritardo');
    expect(followUpTotals(0, 0)).toBe('0 attività, nessuna in ritardo');
  });
});
