import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CombinedError } from 'urql';
import { fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { NewQuesitoForm } from './NewQuesitoPage';

const classifications = {
  data: {
    quesitoClassifications: {
      nodes: [
        {
          id: 'c1',
          section: 'PENSIONI',
          code: 'DECORRENZA',
          label: 'Requisiti e decorrenza della pensione',
          active: true,
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
  },
};

const regions = {
  data: {
    quesitoRegions: [
      { id: 'r2', code: 'DR-LAZ', name: 'DR Lazio' },
      { id: 'r1', code: 'DR-SAR', name: 'DR Sardegna' },
    ],
  },
};

function clientFiling(fileAnswer: () => { data?: unknown; error?: CombinedError }) {
  return fakeClient((name) =>
    name === 'QuesitoRegions' ? regions : name === 'QuesitoClassificationList' ? classifications : fileAnswer(),
  );
}

async function fillValid() {
  await userEvent.selectOptions(screen.getByLabelText('Direzione regionale *'), 'DR-SAR');
  await userEvent.selectOptions(screen.getByLabelText('Sezione *'), 'Pensioni');
  await userEvent.selectOptions(screen.getByLabelText('Classificazione *'), 'Requisiti e decorrenza della pensione');
  await userEvent.click(screen.getByLabelText('Oggetto *'));
  await userEvent.paste('Decorrenza pensione');
  await userEvent.click(screen.getByLabelText('Quesito *'));
  await userEvent.paste('Da quando decorre la pensione di vecchiaia?');
  await userEvent.type(screen.getByLabelText('Codice fiscale del cittadino *'), 'rssmra80a01h501u');
}

const mutations = (client: ReturnType<typeof fakeClient>) =>
  vi
    .mocked(client.executeMutation)
    .mock.calls.map((call) => call[0])
    .filter((operation) => 'input' in (operation.variables ?? {}));

const filed = { data: { fileQuesito: { id: 'q1', status: 'NEW', dueAt: '2026-12-01T22:59:59Z' } } };

// Typing a whole form is slow under a loaded machine: more room than the 5 s default.
describe('NewQuesitoForm', { timeout: 20_000 }, () => {
  beforeEach(() => sessionStorage.clear());

  it('offers the regions the API lists, by name', () => {
    renderWithProviders(<NewQuesitoForm />, { client: clientFiling(() => filed) });
    const options = Array.from((screen.getByLabelText('Direzione regionale *') as HTMLSelectElement).options).map(
      (o) => o.text,
    );
    expect(options).toEqual(['Scegli la direzione regionale', 'DR Lazio', 'DR Sardegna']);
  });

  it('offers the three sections by their Italian names', () => {
    renderWithProviders(<NewQuesitoForm />);
    const options = Array.from((screen.getByLabelText('Sezione *') as HTMLSelectElement).options).map((o) => o.text);
    expect(options).toEqual([
      'Scegli la sezione',
      'Pensioni',
      'Prestazioni a sostegno del reddito',
      'Soggetto contribuente',
    ]);
  });

  it('checks the fields before sending and sends nothing when they are wrong', async () => {
    const client = clientFiling(() => filed);
    renderWithProviders(<NewQuesitoForm />, { client });
    await userEvent.type(screen.getByLabelText('Codice fiscale del cittadino *'), 'RSSMRA80A01H501X');
    await userEvent.type(screen.getByLabelText('Quesito *'), 'corto');
    await userEvent.type(screen.getByLabelText('Telefono del cittadino'), '12ab');
    await userEvent.type(screen.getByLabelText('E-mail del cittadino'), 'mario@');
    await userEvent.click(screen.getByRole('button', { name: 'Inoltra il quesito' }));
    expect(screen.getByText('Scegli la direzione regionale.')).toBeInTheDocument();
    expect(screen.getByText('Scegli la sezione.')).toBeInTheDocument();
    expect(screen.getByText("Scrivi l'oggetto.")).toBeInTheDocument();
    expect(screen.getByText(/almeno 10 caratteri/)).toBeInTheDocument();
    expect(screen.getByText(/carattere di controllo/)).toBeInTheDocument();
    expect(screen.getByText(/Numero di telefono non valido/)).toBeInTheDocument();
    expect(screen.getByText('Indirizzo e-mail non valido.')).toBeInTheDocument();
    expect(screen.getByLabelText('Codice fiscale del cittadino *')).toHaveAttribute('aria-invalid', 'true');
    expect(mutations(client)).toHaveLength(0);
  });

  it('sends a valid quesito with an idempotency key, normalised fiscal code', async () => {
    const client = clientFiling(() => filed);
    renderWithProviders(<NewQuesitoForm />, { client });
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Inoltra il quesito' }));
    expect(mutations(client)).toHaveLength(1);
    const input = mutations(client)[0].variables!.input;
    expect(input).toMatchObject({
      regionCode: 'DR-SAR',
      section: 'PENSIONI',
      classification: 'c1',
      citizenFiscalCode: 'RSSMRA80A01H501U',
      priority: 'NORMAL',
      citizenPhone: null,
      citizenEmail: null,
    });
    expect(input.idempotencyKey).toMatch(/.{16,}/);
    expect(screen.getByTestId('location')).toHaveTextContent('/ccm/quesiti/q1');
  });

  it('sends the same idempotency key again when the first attempt failed', async () => {
    const answers = [{ error: new CombinedError({ networkError: new Error('down') }) }, filed];
    const client = clientFiling(() => answers.shift()!);
    renderWithProviders(<NewQuesitoForm />, { client });
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Inoltra il quesito' }));
    await userEvent.click(screen.getByRole('button', { name: 'Inoltra il quesito' }));
    const keys = mutations(client).map((operation) => operation.variables!.input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("shows the server's field error on its field", async () => {
    const client = clientFiling(() => ({
      error: new CombinedError({
        graphQLErrors: [
          { message: 'Oggetto già usato oggi', extensions: { code: 'BAD_USER_INPUT', field: 'subject' } },
        ],
      }),
    }));
    renderWithProviders(<NewQuesitoForm />, { client });
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Inoltra il quesito' }));
    expect(await screen.findByText('Oggetto già usato oggi')).toBeInTheDocument();
    expect(screen.getByLabelText('Oggetto *')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps what was typed in a draft (survives re-login)', async () => {
    const { unmount } = renderWithProviders(<NewQuesitoForm />);
    await userEvent.type(screen.getByLabelText('Oggetto *'), 'Ricostituzione');
    unmount();
    renderWithProviders(<NewQuesitoForm />);
    expect(screen.getByLabelText('Oggetto *')).toHaveValue('Ricostituzione');
  });
});
