import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CricQueuePage } from './CricQueuePage';

const quesito = (id: string, subject: string, overdue: boolean) => ({
  id,
  status: 'NEW',
  section: 'PENSIONI',
  priority: 'HIGH',
  subject,
  classification: { id: 'c1', label: "Calcolo dell'importo" },
  cric: { id: 'u1', name: 'CRIC Sardegna' },
  citizenFiscalCode: 'RSSMRA80A01H501U',
  dueAt: '2026-11-20T22:59:59Z',
  overdue,
  filedAt: '2026-11-10T09:00:00Z',
  waitingRequest: null,
  takenBy: null,
  takenByMe: false,
  proposedTo: null,
  proposedToMe: false,
  version: 1,
});

describe('CricQueuePage', () => {
  it('lists the open quesiti with classification, priority, due date and the overdue mark', () => {
    const client = fakeClient(() => ({
      data: {
        quesiti: {
          nodes: [quesito('q1', 'Importo errato', true), quesito('q2', 'Ricalcolo', false)],
          pageInfo: { hasNextPage: true, endCursor: 'c' },
          totalCount: 31,
        },
      },
    }));
    renderWithProviders(<CricQueuePage />, { client });
    expect(vi.mocked(client.executeQuery).mock.calls[0][0].variables).toMatchObject({
      orderBy: 'DUE_FIRST',
      filter: { status: ['NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN'], section: null, overdue: null, text: null },
    });
    const rows = within(screen.getByRole('table', { name: 'Quesiti in coda' })).getAllByRole('row');
    // The server's order: soonest due first, and the column says so.
    expect(within(rows[0]).getByRole('columnheader', { name: 'Scadenza' })).toHaveAttribute('aria-sort', 'ascending');
    expect(rows[1]).toHaveTextContent('Importo errato');
    expect(rows[1]).toHaveTextContent("Calcolo dell'importo");
    expect(rows[1]).toHaveTextContent('Alta');
    expect(rows[1]).toHaveTextContent('in ritardo');
    // When it arrived, beside when it is due.
    expect(within(rows[0]).getByRole('columnheader', { name: 'Ricevuto' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('10/11/2026, 10:00');
    expect(rows[2]).not.toHaveTextContent('in ritardo');
    expect(within(rows[1]).getByRole('link', { name: 'Importo errato' })).toHaveAttribute('href', '/cric/quesiti/q1');
    expect(screen.getByRole('button', { name: 'Carica altri' })).toBeInTheDocument();
    // The queue's total, and its order said in words.
    expect(screen.getByText('2 di 31 elementi mostrati')).toBeInTheDocument();
    expect(screen.getByText(/a pari scadenza, per priorità/)).toBeInTheDocument();
  });

  it('filters by section, status and overdue', async () => {
    const client = fakeClient(() => ({
      data: { quesiti: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    }));
    renderWithProviders(<CricQueuePage />, { client });
    expect(screen.getByText('Nessun quesito in coda con questi filtri')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Prestazioni a sostegno del reddito' }));
    await userEvent.selectOptions(screen.getByLabelText('Stato'), 'ANSWERED');
    await userEvent.click(screen.getByLabelText('Solo in ritardo'));
    const last = vi.mocked(client.executeQuery).mock.calls.at(-1)![0];
    expect(last.variables).toMatchObject({
      filter: { section: 'SOSTEGNO_REDDITO', status: ['ANSWERED'], overdue: true },
    });
    expect(screen.getByRole('button', { name: 'Prestazioni a sostegno del reddito' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('shows first the quesiti proposed to the expert, and who holds or is proposed each one', () => {
    const proposed = { ...quesito('q3', 'Secondo quesito dello stesso cittadino', false), proposedToMe: true };
    const waiting = {
      ...quesito('q4', 'Documento richiesto', false),
      status: 'WAITING_FOR_CITIZEN',
      waitingRequest: 'Copia del documento di identità',
      takenBy: { username: 'cric.sardegna', displayName: 'Esperto Sardegna' },
      takenByMe: false,
    };
    const client = fakeClient((_name, variables) => {
      const filter = variables.filter as { proposedToMe?: boolean };
      const nodes = filter.proposedToMe ? [proposed] : [proposed, waiting];
      return { data: { quesiti: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } };
    });
    renderWithProviders(<CricQueuePage />, { client });
    const list = screen.getByRole('list', { name: 'Quesiti proposti a te' });
    expect(within(list).getByRole('link', { name: 'Secondo quesito dello stesso cittadino' })).toHaveAttribute(
      'href',
      '/cric/quesiti/q3',
    );
    expect(screen.getByRole('heading', { name: 'Proposti a te (1)' })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Quesiti in coda' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('proposto a te');
    expect(rows[2]).toHaveTextContent('In attesa del cittadino');
    expect(rows[2]).toHaveTextContent('chiesto: Copia del documento di identità');
    expect(rows[2]).toHaveTextContent('in carico a Esperto Sardegna');
  });
});
