import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CombinedError } from 'urql';
import { fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { DeclareProcuraForm } from './DeclareProcuraPage';

const declared = {
  data: {
    declareProcura: {
      id: 'p1',
      clientFiscalCode: 'VRDLGU75M15F205B',
      clientKind: 'PERSON',
      services: ['REFUND_DOCUMENTATION', 'STATUS_INFORMATION'],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      status: 'ACTIVE',
      collaboratorsAuthorized: true,
      privacyNoticeGiven: true,
      declaredAt: '2026-01-01T09:00:00Z',
      revokedAt: null,
      version: 1,
    },
  },
};

const mutations = (client: ReturnType<typeof fakeClient>) =>
  vi
    .mocked(client.executeMutation)
    .mock.calls.map((call) => call[0])
    .filter((operation) => 'input' in (operation.variables ?? {}));

const services = () => within(screen.getByRole('group', { name: /Servizi delegati/ }));

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Codice fiscale o partita IVA del cliente *'), 'vrdlgu75m15f205b');
  // Chosen out of order: sent in the API's canonical order.
  await user.click(services().getByLabelText('Informazioni sullo stato delle pratiche'));
  await user.click(services().getByLabelText('Documentazione per i rimborsi'));
  fireEvent.change(screen.getByLabelText('Valida dal *'), { target: { value: '2026-01-01' } });
  fireEvent.change(screen.getByLabelText('Valida fino al *'), { target: { value: '2026-12-31' } });
  await user.click(screen.getByLabelText(/Autorizza i collaboratori/));
  await user.click(screen.getByLabelText(/Dichiaro di aver informato/));
}

describe('DeclareProcuraForm', { timeout: 20_000 }, () => {
  beforeEach(() => sessionStorage.clear());

  it('offers exactly the four delegable services as checkboxes, in Italian', () => {
    renderWithProviders(<DeclareProcuraForm />);
    expect(
      services()
        .getAllByRole('checkbox')
        .map((box) => box.closest('.form-check')!.querySelector('label')!.textContent),
    ).toEqual([
      'Riesame di comunicazioni di irregolarità e cartelle',
      'Documentazione per i rimborsi',
      'Riesame di avvisi di accertamento (art. 41-bis)',
      'Informazioni sullo stato delle pratiche',
    ]);
    expect(screen.getByLabelText(/Autorizza i collaboratori/)).not.toBeChecked();
    expect(screen.getByLabelText(/Dichiaro di aver informato/)).not.toBeChecked();
  });

  it('checks the form before sending and sends nothing when it is wrong', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => declared);
    renderWithProviders(<DeclareProcuraForm />, { client });
    await user.type(screen.getByLabelText('Codice fiscale o partita IVA del cliente *'), 'VRDLGU75M15F205A');
    fireEvent.change(screen.getByLabelText('Valida dal *'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByLabelText('Valida fino al *'), { target: { value: '2026-05-31' } });
    await user.click(screen.getByRole('button', { name: 'Dichiara la procura' }));
    expect(screen.getByText(/carattere di controllo/)).toBeInTheDocument();
    expect(screen.getByText('Scegli almeno uno dei servizi delegati.')).toBeInTheDocument();
    expect(screen.getByText(/fine validità non può precedere/)).toBeInTheDocument();
    expect(screen.getByText(/Devi dichiarare di aver informato/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Dichiaro di aver informato/)).toHaveAttribute('aria-invalid', 'true');
    expect(services().getAllByRole('checkbox')[0]).toHaveAttribute('aria-invalid', 'true');
    // Focus goes to the first field to fix.
    expect(screen.getByLabelText('Codice fiscale o partita IVA del cliente *')).toHaveFocus();
    expect(mutations(client)).toHaveLength(0);
  });

  it('sends a valid procura and goes back to the list', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => declared);
    renderWithProviders(<DeclareProcuraForm />, { client, route: '/procure/nuova' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Dichiara la procura' }));
    expect(mutations(client)).toHaveLength(1);
    expect(mutations(client)[0].variables!.input).toEqual({
      clientFiscalCode: 'VRDLGU75M15F205B',
      services: ['REFUND_DOCUMENTATION', 'STATUS_INFORMATION'],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      collaboratorsAuthorized: true,
      privacyNoticeGiven: true,
    });
    // react-router renders a navigation as a transition: wait for it rather than race the scheduler.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/procure$/));
    expect(sessionStorage.length).toBe(0);
  });

  it('accepts a company VAT code', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => declared);
    renderWithProviders(<DeclareProcuraForm />, { client });
    await fillValid(user);
    const field = screen.getByLabelText('Codice fiscale o partita IVA del cliente *');
    await user.clear(field);
    await user.type(field, '02987654320');
    await user.click(screen.getByRole('button', { name: 'Dichiara la procura' }));
    expect(mutations(client)[0].variables!.input.clientFiscalCode).toBe('02987654320');
  });

  it("shows the server's field error on its field and other errors as an alert", async () => {
    const user = userEvent.setup();
    const answers = [
      {
        error: new CombinedError({
          graphQLErrors: [
            {
              message: 'Codice fiscale del cliente non valido',
              extensions: { code: 'BAD_USER_INPUT', field: 'clientFiscalCode' },
            },
          ],
        }),
      },
      {
        error: new CombinedError({
          graphQLErrors: [{ message: 'La registrazione è in attesa di verifica', extensions: { code: 'FORBIDDEN' } }],
        }),
      },
    ];
    const client = fakeClient(() => answers.shift()!);
    renderWithProviders(<DeclareProcuraForm />, { client });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Dichiara la procura' }));
    expect(await screen.findByText('Codice fiscale del cliente non valido')).toBeInTheDocument();
    expect(screen.getByLabelText('Codice fiscale o partita IVA del cliente *')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Dati non validi')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Dichiara la procura' }));
    expect(await screen.findByText('Operazione non consentita')).toBeInTheDocument();
    expect(screen.getByText('La registrazione è in attesa di verifica')).toBeInTheDocument();
  });

  it('keeps what was typed in a draft (survives re-login)', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithProviders(<DeclareProcuraForm />);
    await user.type(screen.getByLabelText('Codice fiscale o partita IVA del cliente *'), 'VRDLGU75M15F205B');
    await user.click(services().getByLabelText('Documentazione per i rimborsi'));
    unmount();
    renderWithProviders(<DeclareProcuraForm />);
    expect(screen.getByLabelText('Codice fiscale o partita IVA del cliente *')).toHaveValue('VRDLGU75M15F205B');
    expect(services().getByLabelText('Documentazione per i rimborsi')).toBeChecked();
  });
});
