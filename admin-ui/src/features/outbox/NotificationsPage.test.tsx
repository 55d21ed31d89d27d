import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { NotificationsPage } from './NotificationsPage';

const admin = fakeMe([{ role: 'ADMIN', unitCode: 'ROOT', unitName: 'Amministrazione centrale', section: null }]);

const failed = {
  id: 'm-1',
  channel: 'WEBHOOK',
  event: 'procura.revoked',
  status: 'FAILED',
  recipient: 'https://gestionale.example.invalid',
  reference: 'webhook:demo',
  attempts: 8,
  nextAttemptAt: '2026-11-22T09:00:00Z',
  lastError: 'dns error',
  createdAt: '2026-11-22T08:00:00Z',
  sentAt: null,
  unit: null,
  deliveries: [
    {
      attempt: 1,
      at: '2026-11-22T08:10:00Z',
      outcome: 'RETRY',
      statusCode: null,
      response: null,
      error: 'dns error',
      durationMs: 40,
    },
    {
      attempt: 2,
      at: '2026-11-22T08:20:00Z',
      outcome: 'FAILED',
      statusCode: 503,
      response: null,
      error: 'dns error',
      durationMs: 41,
    },
  ],
};
const sent = {
  ...failed,
  id: 'm-2',
  channel: 'EMAIL',
  event: 'quesito.answered',
  status: 'SENT',
  recipient: 'c***@example.it',
  reference: null,
  attempts: 1,
  lastError: null,
  sentAt: '2026-11-22T08:00:02Z',
  unit: { id: 'u-CRIC-SAR', code: 'CRIC-SAR', name: 'CRIC Sardegna' },
  deliveries: [],
};
const list = (nodes: unknown[]) => ({
  data: { outboxMessages: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } },
});

type Answer = ReturnType<Parameters<typeof fakeClient>[0]>;

function setup(answers: Partial<Record<string, Answer>>, route = '/notifiche') {
  const client = fakeClient((name) => answers[name] ?? 'pending');
  renderWithProviders(<NotificationsPage />, { client, me: admin, route });
  return { client, user: userEvent.setup() };
}

const rowOf = (event: string) =>
  screen
    .getAllByRole('row')
    .find((row) => within(row).queryByText(event) && within(row).queryAllByRole('cell').length > 5)!;

describe('NotificationsPage', () => {
  it('lists the messages with their masked recipient, status and attempts', () => {
    setup({ OutboxMessageList: list([failed, sent]) });
    const row = rowOf('Risposta al quesito');
    expect(row).toHaveTextContent('E-mail');
    expect(row).toHaveTextContent('c***@example.it');
    expect(row).toHaveTextContent('Inviata');
    expect(row).toHaveTextContent('CRIC Sardegna');
    expect(rowOf('Procura revocata')).toHaveTextContent('Non riuscita');
    expect(rowOf('Procura revocata')).toHaveTextContent('Indirizzo del destinatario inesistente (DNS)');
  });

  it('shows events, references and errors in Italian, never codes or identifiers', () => {
    const answered = { ...sent, reference: 'quesito:01a2b3c4-0000-7000-8000-000000000001' };
    const timedOut = { ...failed, id: 'm-3', lastError: 'error sending request: operation timed out' };
    setup({ OutboxMessageList: list([answered, timedOut]) });
    const table = screen.getByRole('table', { name: /^Notifiche/ });
    expect(table).not.toHaveTextContent('quesito.answered');
    expect(table).not.toHaveTextContent('01a2b3c4');
    expect(rowOf('Risposta al quesito')).toHaveTextContent('Riguarda un quesito');
    expect(rowOf('Procura revocata')).toHaveTextContent('Il destinatario non ha risposto in tempo');
    expect(rowOf('Procura revocata')).toHaveTextContent('Webhook del professionista');
  });

  it('offers "Riprova" only for failed messages, and shows the answer at once', async () => {
    const retried = { ...failed, status: 'PENDING', nextAttemptAt: '2026-11-22T10:00:00Z' };
    const { client, user } = setup({
      OutboxMessageList: list([failed, sent]),
      OutboxMessageRetry: { data: { retryOutboxMessage: retried } },
    });
    expect(within(rowOf('Risposta al quesito')).queryByRole('button', { name: /^Riprova/ })).not.toBeInTheDocument();
    await user.click(within(rowOf('Procura revocata')).getByRole('button', { name: /^Riprova/ }));
    expect(callsOf(client, 'OutboxMessageRetry')).toEqual([{ id: 'm-1' }]);
    expect(await screen.findByText(/rimessa in coda/)).toBeInTheDocument();
    expect(rowOf('Procura revocata')).toHaveTextContent('In attesa');
    expect(within(rowOf('Procura revocata')).queryByRole('button', { name: /^Riprova/ })).not.toBeInTheDocument();
  });

  it("shows the server's refusal of a retry", async () => {
    const { user } = setup({
      OutboxMessageList: list([failed]),
      OutboxMessageRetry: { error: apiError('CONFLICT', 'Il messaggio è già stato inviato') },
    });
    await user.click(screen.getByRole('button', { name: /^Riprova/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('La notifica non può essere reinviata');
    expect(alert).toHaveTextContent('Il messaggio è già stato inviato');
  });

  it('opens the delivery log of a message', async () => {
    const { user } = setup({ OutboxMessageList: list([failed]) });
    const toggle = screen.getByRole('button', { name: /^Registro invii/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const log = screen.getByRole('table', { name: 'Registro degli invii della notifica «Procura revocata»' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Non riuscita, nessun altro tentativo');
    expect(rows[1]).toHaveTextContent('503');
  });

  it('filters by status and channel through the address', async () => {
    const { client, user } = setup({ OutboxMessageList: list([]) });
    expect(screen.getByText('Nessuna notifica')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Stato'), 'FAILED');
    await user.selectOptions(screen.getByLabelText('Canale'), 'WEBHOOK');
    expect(callsOf(client, 'OutboxMessageList').at(-1)).toEqual({
      filter: { status: 'FAILED', channel: 'WEBHOOK' },
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
      first: 50,
      after: null,
    });
    expect(screen.getByTestId('location')).toHaveTextContent('/notifiche?stato=FAILED&canale=WEBHOOK');
    expect(screen.getByText('Nessuna notifica corrisponde ai filtri')).toBeInTheDocument();
  });

  it('asks the server for time order, newest first, and another order from a column header, with the total', async () => {
    const { client, user } = setup({
      OutboxMessageList: { data: { outboxMessages: { ...list([failed, sent]).data.outboxMessages, totalCount: 7 } } },
    });
    expect(callsOf(client, 'OutboxMessageList')[0]).toMatchObject({
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
    expect(screen.getByRole('columnheader', { name: /Creata/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('2 di 7 elementi mostrati')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Prossimo tentativo/ }));
    expect(callsOf(client, 'OutboxMessageList').at(-1)).toMatchObject({
      orderBy: { field: 'NEXT_ATTEMPT_AT', direction: 'ASC' },
      after: null,
    });
  });

  it('shows FORBIDDEN and no messages', () => {
    setup({ OutboxMessageList: { data: list([failed]).data, error: apiError('FORBIDDEN', 'Accesso negato') } });
    expect(screen.getByRole('heading', { name: 'Operazione non consentita' })).toBeInTheDocument();
    expect(screen.queryByText('Procura revocata')).not.toBeInTheDocument();
  });
});
