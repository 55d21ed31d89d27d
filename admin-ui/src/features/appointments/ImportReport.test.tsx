import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportReport } from './ImportReport';

describe('ImportReport', () => {
  it('shows the counts and each rejected row with its number and reason', () => {
    render(
      <ImportReport
        report={{
          created: 2,
          updated: 1,
          unchanged: 0,
          cancelled: 3,
          days: ['2026-11-28'],
          rejected: [
            { row: 3, cupNumber: '880002', reason: 'Data mancante o non valida (gg/mm/aaaa)' },
            { row: 5, cupNumber: null, reason: 'Codice fiscale non valido' },
          ],
          outsideOpeningHours: [],
        }}
      />,
    );
    expect(screen.getByTestId('cup-created')).toHaveTextContent('2');
    expect(screen.getByTestId('cup-cancelled')).toHaveTextContent('3');
    expect(screen.getByText('28/11/2026')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Righe scartate \(2\)/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['3', '880002', 'Data mancante o non valida (gg/mm/aaaa)'],
      ['5', '—', 'Codice fiscale non valido'],
    ]);
  });

  it('lists the rows imported outside opening hours with why', () => {
    render(
      <ImportReport
        report={{
          created: 2,
          updated: 0,
          unchanged: 0,
          cancelled: 0,
          days: ['2026-12-27'],
          rejected: [],
          outsideOpeningHours: [
            { row: 3, cupNumber: '880002', startsAt: '2026-12-27T09:00:00+00:00', reason: 'è sabato o domenica' },
          ],
        }}
      />,
    );
    const table = screen.getByRole('table', { name: /Fuori orario di apertura \(1\)/ });
    const cells = within(within(table).getAllByRole('row')[1]).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['3', '880002', '27/12/2026, 10:00', 'è sabato o domenica']);
  });

  it('says when no row was rejected', () => {
    render(
      <ImportReport
        report={{ created: 8, updated: 0, unchanged: 0, cancelled: 0, days: [], rejected: [], outsideOpeningHours: [] }}
      />,
    );
    expect(screen.getByText('Nessuna riga scartata.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
