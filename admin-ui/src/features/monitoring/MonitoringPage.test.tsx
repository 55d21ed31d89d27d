import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRequest, type AnyVariables, type Client, type DocumentInput } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pipe, take, toPromise } from 'wonka';
import { apiError, callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { MonitoringPage } from './MonitoringPage';
import { figures } from './testFigures';

const me = fakeMe([{ role: 'REGIONAL_DIRECTOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }]);
const PERIOD = 'dal=2026-11-01&al=2026-11-03';

const unit = (code: string, name: string, kind: string) => ({ id: `u-${code}`, code, name, kind });

function statsAnswer(unitCode: string, from: string, to: string) {
  const total = figures(
    {
      bookings: 12,
      cancelled: 1,
      toPrecall: 10,
      precalled: 8,
      precalledInTime: 6,
      precallCoverage: 0.6,
      notReachingCounter: 4,
      notReachingCounterShare: 0.4,
      sessions: 5,
      completedOver15Minutes: 2,
    },
    { followUps: { opened: 4, closed: 3, done: 2, cancelled: 1, stillOpen: 1, overdue: 1, medianClosingHours: 30 } },
  );
  return {
    data: {
      stats: {
        unit: {
          ...unit(unitCode, unitCode === 'DR-SAR' ? 'DR Sardegna' : 'DP Cagliari', 'REGIONAL_DIRECTORATE'),
          parent: null,
        },
        from,
        to,
        figures: total,
        children: [
          { unit: unit('DP-CA', 'DP Cagliari', 'PROVINCIAL_DIRECTORATE'), figures: figures({ bookings: 9 }) },
          { unit: unit('CRIC-SAR', 'CRIC Sardegna', 'CRIC'), figures: figures() },
        ],
        daily: ['2026-11-01', '2026-11-02', '2026-11-03'].map((date, i) => ({
          date,
          figures: figures({ bookings: 4 * i }),
        })),
      },
    },
  };
}

/** The fake client with `client.query(…).toPromise()`, as the CSV button calls it, going through `executeQuery`. */
function withImperativeQuery(client: Client): Client {
  const query = (document: DocumentInput, variables: AnyVariables, context?: object) => ({
    toPromise: () => pipe(client.executeQuery(createRequest(document, variables), context), take(1), toPromise),
  });
  return Object.assign(client, { query });
}

function client(
  stats?: (
    variables: Record<string, unknown>,
  ) => ReturnType<typeof statsAnswer> | { error: ReturnType<typeof apiError> },
) {
  return withImperativeQuery(
    fakeClient((name, variables) => {
      if (name === 'OrgUnitChoices') return unitChoicesAnswer(demoUnits());
      if (name === 'MonitoringStats')
        return stats
          ? stats(variables)
          : statsAnswer(String(variables.unitCode), String(variables.from), String(variables.to));
      if (name === 'MonitoringCsv') return { data: { statsCsv: 'Codice unità,Unità\nDR-SAR,DR Sardegna\n' } };
      return 'pending';
    }),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('MonitoringPage', () => {
  it("opens on the director's region for the last 30 days and names them in the address", async () => {
    const api = client();
    renderWithProviders(<MonitoringPage />, { client: api, me, route: '/monitoraggio' });
    expect(await screen.findByRole('heading', { level: 2, name: 'DR Sardegna' })).toBeInTheDocument();
    expect(screen.getByTestId('location').textContent).toMatch(
      /^\/monitoraggio\?unita=DR-SAR&dal=\d{4}-\d{2}-\d{2}&al=\d{4}-\d{2}-\d{2}$/,
    );
    expect(callsOf(api, 'MonitoringStats').at(-1)).toMatchObject({ unitCode: 'DR-SAR' });
  });

  it('shows the figures, the charts in words and the child units as drill-down links', async () => {
    renderWithProviders(<MonitoringPage />, { client: client(), me, route: `/monitoraggio?unita=DR-SAR&${PERIOD}` });
    await screen.findByRole('heading', { level: 2, name: 'DR Sardegna' });
    expect(within(screen.getByTestId('figure-bookings')).getByText('12')).toBeInTheDocument();
    expect(within(screen.getByTestId('figure-precallCoverage')).getByText('60%')).toBeInTheDocument();
    expect(within(screen.getByTestId('figure-notReachingCounter')).getByText('40%')).toBeInTheDocument();
    expect(within(screen.getByTestId('figure-completedOver15Minutes')).getByText('2')).toBeInTheDocument();
    expect(within(screen.getByTestId('figure-followUpsOpened')).getByText('4')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('figure-followUpsClosed')).getByText('Svolte: 2; annullate: 1'),
    ).toBeInTheDocument();
    expect(within(screen.getByTestId('figure-followUpsOverdue')).getByText('1')).toBeInTheDocument();
    expect(screen.getByText('Prenotazioni: 12 in totale, al massimo 8 il 03/11/2026.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Andamento giornaliero: dati per giorno' })).toBeInTheDocument();

    const children = screen.getByRole('table', { name: /^Dati delle unità sotto DR Sardegna/ });
    expect(within(children).getByRole('link', { name: 'DP Cagliari' })).toHaveAttribute(
      'href',
      `/monitoraggio?unita=DP-CA&${PERIOD}`,
    );
    expect(within(children).getByRole('link', { name: 'CRIC Sardegna' })).toBeInTheDocument();

    // The picker offers Sardinian units only, though orgUnits answered with every unit.
    const options = within(screen.getByLabelText('Unità'))
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(options).toEqual(['DR-SAR', 'DP-CA', 'UT-CA1', 'UT-CA2', 'CRIC-SAR']);
  });

  it('shows an office no CRIC table of zeros and no empty box of units below it', async () => {
    const office = (variables: Record<string, unknown>) => {
      const answer = statsAnswer('UT-CA1', String(variables.from), String(variables.to));
      answer.data.stats.unit = { ...unit('UT-CA1', 'UT Cagliari 1', 'TERRITORIAL_OFFICE'), parent: null };
      answer.data.stats.children = [];
      return answer;
    };
    renderWithProviders(<MonitoringPage />, {
      client: client(office),
      me,
      route: `/monitoraggio?unita=UT-CA1&${PERIOD}`,
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'UT Cagliari 1' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Quesiti al CRIC' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Unità sottostanti' })).not.toBeInTheDocument();
  });

  it('shows the NOT_FOUND message and no figures for a unit outside the scope', async () => {
    renderWithProviders(<MonitoringPage />, {
      client: client(() => ({ error: apiError('NOT_FOUND', 'Unità organizzativa non trovata') })),
      me,
      route: `/monitoraggio?unita=DR-LAZ&${PERIOD}`,
    });
    expect(await screen.findByRole('heading', { name: 'Unità non trovata' })).toBeInTheDocument();
    expect(screen.getByText('Unità organizzativa non trovata')).toBeInTheDocument();
    expect(screen.queryByTestId('figure-bookings')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Riprova' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Unità')).toHaveValue('');
  });

  it("never leaves the previous unit's figures on screen when the next unit is refused", async () => {
    const api = client((variables) =>
      variables.unitCode === 'DP-CA'
        ? { error: apiError('FORBIDDEN', 'Operazione non consentita su questa unità') }
        : statsAnswer('DR-SAR', '2026-11-01', '2026-11-03'),
    );
    renderWithProviders(<MonitoringPage />, { client: api, me, route: `/monitoraggio?unita=DR-SAR&${PERIOD}` });
    await screen.findByRole('heading', { level: 2, name: 'DR Sardegna' });
    await userEvent.click(screen.getByRole('link', { name: 'DP Cagliari' }));
    expect(await screen.findByText('Operazione non consentita su questa unità')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/monitoraggio?unita=DP-CA&${PERIOD}`);
    expect(screen.queryByRole('heading', { level: 2, name: 'DR Sardegna' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('figure-bookings')).not.toBeInTheDocument();
  });

  it('does not ask the API for a period that ends before it starts, nor for one longer than 366 days', async () => {
    const api = client();
    renderWithProviders(<MonitoringPage />, {
      client: api,
      me,
      route: '/monitoraggio?unita=DR-SAR&dal=2026-11-10&al=2026-11-01',
    });
    expect(screen.getByRole('heading', { name: 'Periodo non valido' })).toBeInTheDocument();
    expect(screen.getByText('La data di fine non può precedere la data di inizio.')).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Dal'));
    await userEvent.type(screen.getByLabelText('Dal'), '2025-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Mostra' }));
    expect(screen.getByLabelText(/^Al/)).toHaveAccessibleDescription(/Il periodo non può superare 366 giorni/);
    expect(screen.getByLabelText(/^Al/)).toHaveFocus();
    expect(callsOf(api, 'MonitoringStats')).toEqual([]);
  });

  it('downloads the CSV of the selection as a file', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:monitoraggio');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('monitoraggio-DR-SAR-2026-11-01-2026-11-03.csv');
    });
    const api = client();
    renderWithProviders(<MonitoringPage />, { client: api, me, route: `/monitoraggio?unita=DR-SAR&${PERIOD}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Scarica CSV' }));
    expect(
      await screen.findByText('File monitoraggio-DR-SAR-2026-11-01-2026-11-03.csv scaricato.'),
    ).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    expect(await createObjectURL.mock.calls[0][0].text()).toBe('Codice unità,Unità\nDR-SAR,DR Sardegna\n');
    expect(callsOf(api, 'MonitoringCsv')).toEqual([
      { unitCode: 'DR-SAR', from: '2026-11-01', to: '2026-11-03', dialect: 'ITALIAN' },
    ]);
  });
});
