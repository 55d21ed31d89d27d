import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { callsOf, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CollaboratorCheckPanel } from './CollaboratorCheckPanel';

const procura = {
  id: 'p1',
  status: 'ACTIVE',
  services: ['REFUND_DOCUMENTATION'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  collaboratorsAuthorized: true,
  professional: { id: 'pr1', name: 'Mario Rossi', fiscalCode: 'RSSMRA80A01H501U' },
};

const positive = {
  data: {
    collaboratorCheck: {
      authorized: true,
      reason: 'AUTHORIZED',
      message: 'Autorizzato: una procura attiva copre il servizio',
      on: '2026-03-10',
      procura,
    },
  },
};

const negative = {
  data: {
    collaboratorCheck: {
      authorized: false,
      reason: 'SERVICE_NOT_DELEGATED',
      message: 'La procura non comprende questo servizio',
      on: '2026-03-10',
      procura,
    },
  },
};

async function fill(user: ReturnType<typeof userEvent.setup>, service = 'Documentazione per i rimborsi') {
  await user.type(screen.getByLabelText('Codice fiscale del collaboratore *'), 'bnclra92s55b354i');
  await user.type(screen.getByLabelText('Codice fiscale o partita IVA del cliente *'), 'vrdlgu75m15f205b');
  await user.selectOptions(screen.getByLabelText('Servizio richiesto *'), service);
}

const result = () => screen.getByTestId('collaborator-check-result');

describe('CollaboratorCheckPanel', { timeout: 20_000 }, () => {
  beforeEach(() => sessionStorage.clear());

  it('offers the four delegable services by their Italian names', () => {
    renderWithProviders(<CollaboratorCheckPanel />);
    const options = Array.from((screen.getByLabelText('Servizio richiesto *') as HTMLSelectElement).options).map(
      (o) => o.text,
    );
    expect(options).toEqual([
      'Scegli il servizio',
      'Riesame di comunicazioni di irregolarità e cartelle',
      'Documentazione per i rimborsi',
      'Riesame di avvisi di accertamento (art. 41-bis)',
      'Informazioni sullo stato delle pratiche',
    ]);
  });

  it('checks the fiscal codes and the service before asking', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => positive);
    renderWithProviders(<CollaboratorCheckPanel />, { client });
    await user.type(screen.getByLabelText('Codice fiscale del collaboratore *'), '02987654320');
    await user.type(screen.getByLabelText('Codice fiscale o partita IVA del cliente *'), 'VRDLGU75M15F205A');
    await user.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(screen.getByLabelText('Codice fiscale del collaboratore *')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/carattere di controllo/)).toBeInTheDocument();
    expect(screen.getByText('Scegli il servizio richiesto.')).toBeInTheDocument();
    expect(screen.getByLabelText('Codice fiscale del collaboratore *')).toHaveFocus();
    expect(callsOf(client, 'CollaboratorCheck')).toHaveLength(0);
  });

  it('shows a positive answer in a live region, with the reason the API gives', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => positive);
    renderWithProviders(<CollaboratorCheckPanel />, { client });
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(callsOf(client, 'CollaboratorCheck')).toEqual([
      {
        collaboratorFiscalCode: 'BNCLRA92S55B354I',
        clientFiscalCode: 'VRDLGU75M15F205B',
        service: 'REFUND_DOCUMENTATION',
        on: null,
      },
    ]);
    expect(result()).toHaveAttribute('aria-live', 'polite');
    expect(within(result()).getByRole('heading')).toHaveTextContent('Esito positivo');
    expect(result()).toHaveTextContent('Autorizzato: una procura attiva copre il servizio');
    expect(result()).toHaveTextContent('Mario Rossi');
    expect(result()).toHaveTextContent('10/03/2026');
  });

  it('shows a negative answer with its reason', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => negative);
    renderWithProviders(<CollaboratorCheckPanel />, { client });
    await fill(user, 'Informazioni sullo stato delle pratiche');
    await user.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(within(result()).getByRole('heading')).toHaveTextContent('Esito negativo');
    expect(result()).toHaveTextContent('La procura non comprende questo servizio');
    expect(result()).toHaveTextContent('Servizio non delegato');
    expect(result()).toHaveTextContent('Informazioni sullo stato delle pratiche');
  });

  it('asks the server again when the same check is repeated (the answer may have changed)', async () => {
    const user = userEvent.setup();
    const answers = [
      positive,
      {
        data: {
          collaboratorCheck: {
            ...negative.data.collaboratorCheck,
            reason: 'REVOKED',
            message: 'La procura è stata revocata',
          },
        },
      },
    ];
    const client = fakeClient(() => answers.shift() ?? 'pending');
    renderWithProviders(<CollaboratorCheckPanel />, { client });
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(within(result()).getByRole('heading')).toHaveTextContent('Esito positivo');
    await user.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(await within(result()).findByText(/La procura è stata revocata/)).toBeInTheDocument();
    expect(callsOf(client, 'CollaboratorCheck')).toHaveLength(2);
  });

  it("puts the server's field error on its field", async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => ({
      error: new CombinedError({
        graphQLErrors: [
          { message: 'Partita IVA non valida', extensions: { code: 'BAD_USER_INPUT', field: 'clientFiscalCode' } },
        ],
      }),
    }));
    renderWithProviders(<CollaboratorCheckPanel />, { client });
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(await screen.findByText('Partita IVA non valida')).toBeInTheDocument();
    expect(screen.getByLabelText('Codice fiscale o partita IVA del cliente *')).toHaveAttribute('aria-invalid', 'true');
    expect(result()).toBeEmptyDOMElement();
  });

  it('shows an error without a field (e.g. not office staff) as an alert', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => ({
      error: new CombinedError({
        graphQLErrors: [
          {
            message: 'Solo il personale degli uffici può verificare un collaboratore',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      }),
    }));
    renderWithProviders(<CollaboratorCheckPanel />, { client });
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(
      await screen.findByText('Solo il personale degli uffici può verificare un collaboratore'),
    ).toBeInTheDocument();
    expect(screen.getByText('Operazione non consentita')).toBeInTheDocument();
  });
});
