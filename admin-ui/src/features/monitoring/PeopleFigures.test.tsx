import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { PeopleFigures } from './PeopleFigures';

const me = fakeMe([{ role: 'REGIONAL_DIRECTOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }]);
const selection = { unitCode: 'DR-SAR', from: '2026-11-01', to: '2026-11-30' };
const office = { id: 'u-ca1', code: 'UT-CA1', name: 'UT Cagliari 1' };
const cric = { id: 'u-cric', code: 'CRIC-SAR', name: 'CRIC Sardegna' };

function operator(personId: string, name: string, precallsAssigned: number, sessions: number, median: number | null) {
  return {
    personId,
    name,
    unit: office,
    precallsAssigned,
    precallsDone: precallsAssigned,
    precallsInTime: precallsAssigned - 1,
    precallsInTimeShare: precallsAssigned > 0 ? (precallsAssigned - 1) / precallsAssigned : null,
    sessions,
    sessionsByOutcome: [
      { outcome: 'COMPLETED', count: sessions - 1 },
      { outcome: 'TRANSFERRED_TO_BACK_OFFICE', count: 1 },
      { outcome: 'NO_SHOW', count: 0 },
      { outcome: 'NOT_DELIVERABLE', count: 0 },
    ],
    medianSessionMinutes: median,
    sessionsOver15Minutes: 1,
    followUpsOpen: 1,
    followUpsOverdue: 0,
  };
}

const answer = {
  data: {
    stats: {
      unit: { id: 'u-dr', code: 'DR-SAR' },
      operators: [
        operator('p1', 'Anna Melis', 4, 6, 7.5),
        operator('p2', 'Bruno Sanna', 10, 2, null),
        operator('p3', 'Carla Loi', 1, 3, 12),
      ],
      experts: [
        {
          personId: 'e1',
          name: 'Elena Porcu',
          unit: cric,
          taken: 5,
          answered: 3,
          medianAnswerHours: 26,
          slaBreaches: 1,
          openNow: 2,
        },
      ],
      classifications: [
        { section: 'PENSIONI', code: 'DECORRENZA', label: 'Decorrenza', received: 6 },
        { section: 'PENSIONI', code: 'IMPORTO', label: 'Importo', received: 2 },
        { section: 'SOSTEGNO_REDDITO', code: 'NASPI', label: 'NASpI', received: 1 },
      ],
    },
  },
};

function render(respond = () => answer) {
  const client = fakeClient((name) => (name === 'MonitoringPeople' ? respond() : 'pending'));
  renderWithProviders(<PeopleFigures selection={selection} />, { client, me, route: '/monitoraggio' });
}

const names = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1, -1)
    .map((row) => within(row).getByRole('rowheader').firstChild?.textContent);

describe('PeopleFigures', () => {
  it('lists operators by name with their office, the count and a total row, and sorts by any column', async () => {
    render();
    const table = await screen.findByRole('table', { name: /^Dati per operatore: 3 operatori/ });
    expect(names(table)).toEqual(['Anna Melis', 'Bruno Sanna', 'Carla Loi']);
    expect(within(table).getAllByText('UT Cagliari 1')).toHaveLength(3);
    expect(within(table).getByText('7,5 min')).toBeInTheDocument();
    const total = within(table).getAllByRole('row').at(-1)!;
    // Precalls assigned 4 + 10 + 1; medians and shares are not added up.
    expect(within(total).getAllByRole('cell')[0]).toHaveTextContent('15');

    await userEvent.click(within(table).getByRole('button', { name: /Prechiamate assegnate/ }));
    expect(names(table)).toEqual(['Carla Loi', 'Anna Melis', 'Bruno Sanna']);
    await userEvent.click(within(table).getByRole('button', { name: /Prechiamate assegnate/ }));
    expect(names(table)).toEqual(['Bruno Sanna', 'Anna Melis', 'Carla Loi']);
    expect(within(table).getByRole('columnheader', { name: /Prechiamate assegnate/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    // No median: last, whichever the direction.
    await userEvent.click(within(table).getByRole('button', { name: /Durata mediana/ }));
    expect(names(table)).toEqual(['Anna Melis', 'Carla Loi', 'Bruno Sanna']);
    // Never a username.
    expect(within(table).queryByText(/op\./)).not.toBeInTheDocument();
  });

  it('shows the experts with their median answer time in hours', async () => {
    render();
    const table = await screen.findByRole('table', { name: /^Dati per esperto CRIC: 1 esperto/ });
    const row = within(table).getByRole('row', { name: /Elena Porcu/ });
    expect(within(row).getByText('26 ore')).toBeInTheDocument();
    expect(within(row).getByText('CRIC Sardegna')).toBeInTheDocument();
  });

  it('shows the quesiti per classification within each section, with shares and bars', async () => {
    render();
    const table = await screen.findByRole('table', { name: /^Quesiti ricevuti nel periodo per sezione e tipologia/ });
    expect(within(table).getByRole('rowheader', { name: 'Pensioni · 8 quesiti' })).toBeInTheDocument();
    const decorrenza = within(table).getByRole('row', { name: /Decorrenza/ });
    expect(within(decorrenza).getByText('75%')).toBeInTheDocument();
    expect(
      within(table).getByRole('rowheader', { name: 'Prestazioni a sostegno del reddito · 1 quesito' }),
    ).toBeInTheDocument();
    const bars = table.querySelectorAll<HTMLElement>('.monitoring-bar');
    expect([...bars].map((b) => b.style.width)).toEqual(['100%', `${(100 * 2) / 6}%`, '100%']);
  });

  it('shows nothing for a unit without work per person', async () => {
    render(() => ({
      data: { stats: { unit: { id: 'u', code: 'UT-NU' }, operators: [], experts: [], classifications: [] } },
    }));
    await waitFor(() => expect(screen.queryByText('Caricamento dei dati per persona…')).not.toBeInTheDocument());
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
