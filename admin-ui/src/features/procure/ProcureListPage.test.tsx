import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, callsOf, fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ProcureListPage } from './ProcureListPage';

const base = {
  clientKind: 'PERSON',
  services: ['REFUND_DOCUMENTATION'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  collaboratorsAuthorized: true,
  privacyNoticeGiven: true,
  declaredAt: '2026-01-01T09:00:00Z',
  revokedAt: null,
  version: 1,
};
const procure = [
  { ...base, id: 'p1', clientFiscalCode: 'BNCGPP70C10B354K', status: 'ACTIVE' },
  { ...base, id: 'p2', clientFiscalCode: '02987654320', clientKind: 'COMPANY', status: 'NOT_YET_VALID' },
  { ...base, id: 'p3', clientFiscalCode: 'PNNLNE85D45B354L', status: 'EXPIRED' },
  { ...base, id: 'p4', clientFiscalCode: 'CLLMRC88L22H501W', status: 'REVOKED', revokedAt: '2026-02-01T09:00:00Z' },
];
const page = (nodes: unknown[]) => ({
  data: { procure: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } },
});

function setup(respond: Parameters<typeof fakeClient>[0]) {
  const client = fakeClient(respond);
  renderWithProviders(<ProcureListPage />, { client, route: '/procure' });
  return { client, user: userEvent.setup() };
}

describe('ProcureListPage', { timeout: 20_000 }, () => {
  beforeEach(() => sessionStorage.clear());

  it('shows each procura with its status in Italian, revocable only while in force or yet to start', () => {
    setup((name) => (name === 'ProcuraList' ? page(procure) : 'pending'));
    const status = (code: string) => within(screen.getByTestId(`procura-${code}`));
    expect(status('BNCGPP70C10B354K').getByText('Attiva')).toBeInTheDocument();
    expect(status('02987654320').getByText('Non ancora valida')).toBeInTheDocument();
    expect(status('PNNLNE85D45B354L').getByText('Scaduta')).toBeInTheDocument();
    expect(status('CLLMRC88L22H501W').getByText('Revocata')).toBeInTheDocument();
    expect(status('BNCGPP70C10B354K').getByRole('button', { name: /^Revoca/ })).toBeInTheDocument();
    expect(status('02987654320').getByRole('button', { name: /^Revoca/ })).toBeInTheDocument();
    expect(status('PNNLNE85D45B354L').queryByRole('button', { name: /^Revoca/ })).not.toBeInTheDocument();
    expect(status('CLLMRC88L22H501W').queryByRole('button', { name: /^Revoca/ })).not.toBeInTheDocument();
  });

  it('shows the empty state and the error state', () => {
    setup((name) => (name === 'ProcuraList' ? page([]) : 'pending'));
    expect(screen.getByText('Non hai ancora dichiarato procure')).toBeInTheDocument();
  });

  it("shows the API's message when the list fails", () => {
    setup((name) =>
      name === 'ProcuraList'
        ? { error: apiError('FORBIDDEN', 'Non risulti registrato come professionista') }
        : 'pending',
    );
    expect(screen.getByText('Non risulti registrato come professionista')).toBeInTheDocument();
  });

  it('filters by client only with a valid code, normalised', async () => {
    const { client, user } = setup((name) => (name === 'ProcuraList' ? page(procure) : 'pending'));
    const field = screen.getByLabelText('Codice fiscale o partita IVA del cliente');
    await user.type(field, 'bncgpp70c10b354x');
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(screen.getByText(/carattere di controllo/)).toBeInTheDocument();
    expect(
      callsOf(client, 'ProcuraList').every((v) => !(v.filter as { clientFiscalCode?: string }).clientFiscalCode),
    ).toBe(true);
    await user.clear(field);
    await user.type(field, 'bncgpp70c10b354k');
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(callsOf(client, 'ProcuraList').at(-1)!.filter).toEqual({ clientFiscalCode: 'BNCGPP70C10B354K' });
  });

  it('revokes after confirming and says so', async () => {
    const { client, user } = setup((name) =>
      name === 'ProcuraList'
        ? page(procure)
        : name === 'ProcuraRevoke'
          ? { data: { revokeProcura: { ...procure[0], status: 'REVOKED' } } }
          : 'pending',
    );
    await user.click(screen.getByRole('button', { name: 'Revoca la procura del cliente BNCGPP70C10B354K' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('non autorizzerà più nulla da oggi');
    await user.click(within(dialog).getByRole('button', { name: 'Revoca la procura' }));
    expect(await screen.findByText(/Procura del cliente BNCGPP70C10B354K revocata/)).toBeInTheDocument();
    const calls = mutationsOf(client, 'ProcuraRevoke');
    expect(calls).toEqual([{ id: 'p1' }]);
  });

  it('shows the refusal inside the dialog', async () => {
    const { user } = setup((name) =>
      name === 'ProcuraList'
        ? page(procure)
        : name === 'ProcuraRevoke'
          ? { error: apiError('CONFLICT', 'La procura è già stata revocata') }
          : 'pending',
    );
    await user.click(screen.getByRole('button', { name: 'Revoca la procura del cliente BNCGPP70C10B354K' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoca la procura' }));
    expect(await within(dialog).findByText('La procura è già stata revocata')).toBeInTheDocument();
  });
});
