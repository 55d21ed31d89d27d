import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { callsOf, fakeClient, fakeMe, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { VerificationQueuePage, pendingTotal } from './VerificationQueuePage';

const sanna = {
  id: 'pr-1',
  name: 'Anna Sanna',
  fiscalCode: 'SNNNNA80A41B354V',
  entratelUserType: 'A30',
  category: 'CONSULENTE_DEL_LAVORO',
  registeredAt: '2026-12-07T08:00:00Z',
  albo: { name: 'Ordine dei Consulenti del Lavoro di Cagliari', province: 'CA', number: '987' },
};

function setup(totalCount?: number) {
  const client = fakeClient((name) => {
    if (name === 'VerificationQueue')
      return {
        data: {
          professionals: {
            nodes: [sanna],
            pageInfo: { hasNextPage: totalCount !== undefined, endCursor: 'c1' },
            ...(totalCount !== undefined ? { totalCount } : {}),
          },
        },
      };
    if (name === 'VerificationApprove') return { data: { verifyProfessional: { id: 'pr-1', verified: true } } };
    if (name === 'VerificationReject') return { data: { rejectProfessional: { id: 'pr-1', rejectedAt: 'x' } } };
    return 'pending';
  });
  const admin = fakeMe([{ role: 'ADMIN', unitCode: 'IT', unitName: 'Italia', section: null }]);
  renderWithProviders(<VerificationQueuePage />, { client, me: admin });
  return { client, user: userEvent.setup() };
}

describe('VerificationQueuePage', () => {
  it('lists the registrations awaiting review with their total', async () => {
    setup();
    const item = await screen.findByTestId('pending-professional');
    expect(item).toHaveTextContent('Anna Sanna');
    expect(item).toHaveTextContent('Entratel A30 · Consulente del lavoro');
    expect(screen.getByTestId('queue-total')).toHaveTextContent('1 richiesta in attesa');
  });

  it("shows the server's total and asks the server for the order picked", async () => {
    const { client, user } = setup(12);
    await screen.findByTestId('pending-professional');
    expect(screen.getByTestId('queue-total')).toHaveTextContent('12 richieste in attesa');
    expect(screen.getByText('1 di 12 elementi mostrati')).toBeInTheDocument();
    expect(callsOf(client, 'VerificationQueue')[0]).toMatchObject({
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
    await user.selectOptions(screen.getByLabelText('Ordine'), 'Per nome (A–Z)');
    expect(callsOf(client, 'VerificationQueue').at(-1)).toMatchObject({
      orderBy: { field: 'NAME', direction: 'ASC' },
      after: null,
    });
  });

  it('approves after confirming', async () => {
    const { client, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Approva Anna Sanna' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approvare la registrazione?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approva' }));
    expect(mutationsOf(client, 'VerificationApprove')).toEqual([{ id: 'pr-1' }]);
    expect(await screen.findByText(/Registrazione di Anna Sanna approvata/)).toBeInTheDocument();
  });

  it('rejects only with a reason', async () => {
    const { client, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Respingi Anna Sanna' }));
    const dialog = await screen.findByRole('dialog', { name: 'Respingere la registrazione?' });
    await user.click(within(dialog).getByRole('button', { name: 'Respingi' }));
    expect(mutationsOf(client, 'VerificationReject')).toEqual([]);
    await user.type(within(dialog).getByLabelText(/Motivo/), "Numero di iscrizione all'albo non trovato");
    await user.click(within(dialog).getByRole('button', { name: 'Respingi' }));
    expect(mutationsOf(client, 'VerificationReject')).toEqual([
      { id: 'pr-1', reason: "Numero di iscrizione all'albo non trovato" },
    ]);
    expect(await screen.findByText(/Registrazione di Anna Sanna respinta/)).toBeInTheDocument();
  });

  it('counts in Italian', () => {
    expect(pendingTotal(1, false)).toBe('1 richiesta in attesa');
    expect(pendingTotal(50, true)).toBe('50 o più richieste in attesa');
  });
});
