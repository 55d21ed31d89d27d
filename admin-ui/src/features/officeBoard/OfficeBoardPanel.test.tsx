import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { callsOf, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { sortDays } from './BoardDaysTable';
import { formatCoverage } from './labels';
import { OfficeBoardPanel } from './OfficeBoardPanel';

const day = (date: string, n: Partial<Record<string, number | null>>) => ({
  __typename: 'OfficeBoardDay',
  date,
  bookings: 0,
  toPrecall: 0,
  assigned: 0,
  precalled: 0,
  reached: 0,
  late: 0,
  coverage: null,
  ...n,
});

const board = {
  data: {
    officeBoard: {
      __typename: 'OfficeBoard',
      from: '2026-12-07',
      to: '2026-12-09',
      alarmUntil: '2026-12-10',
      days: [
        day('2026-12-07', { bookings: 4, toPrecall: 2, assigned: 2, precalled: 2, reached: 2, coverage: 100 }),
        day('2026-12-08', {}),
        day('2026-12-09', { bookings: 3, toPrecall: 3, assigned: 1, precalled: 1, late: 2, coverage: 33.3 }),
      ],
      totals: {
        __typename: 'BoardCounts',
        bookings: 7,
        toPrecall: 5,
        assigned: 3,
        precalled: 3,
        reached: 2,
        late: 2,
        coverage: 60,
      },
      alarms: { __typename: 'OfficeBoardAlarmConnection', totalCount: 2 },
      noReply: { __typename: 'OfficeBoardAppointmentConnection', totalCount: 0 },
    },
  },
};

const appointment = (id: string, assignee: string | null, reason: string | null) => ({
  __typename: 'Appointment',
  id,
  cupNumber: `N-${id}`,
  date: '2026-12-09',
  time: '10:00:00',
  citizenName: 'Rossi Mario',
  service: { __typename: 'Service', name: 'Rimborsi' },
  precall: {
    __typename: 'AppointmentPrecall',
    status: assignee ? 'DONE' : 'UNASSIGNED',
    outcome: reason ? 'NEGATIVE' : null,
    reason,
    assignee: assignee ? { __typename: 'StaffRef', username: assignee, displayName: 'Laura Serra' } : null,
  },
});

const alarms = {
  data: {
    officeBoard: {
      __typename: 'OfficeBoard',
      alarms: {
        __typename: 'OfficeBoardAlarmConnection',
        totalCount: 2,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        nodes: [
          {
            __typename: 'OfficeBoardAlarm',
            notEvenAssigned: true,
            attempted: false,
            appointment: appointment('1', null, null),
          },
          {
            __typename: 'OfficeBoardAlarm',
            notEvenAssigned: false,
            attempted: true,
            appointment: appointment('2', 'op.cagliari1', 'NO_ANSWER'),
          },
        ],
      },
    },
  },
};

const staff = {
  data: {
    officeStaff: [
      { __typename: 'StaffMember', username: 'op.cagliari1', displayName: 'Laura Serra' },
      { __typename: 'StaffMember', username: 'op2.cagliari1', displayName: 'Paolo Melis' },
    ],
  },
};

function client() {
  return fakeClient((name) => {
    if (name === 'OfficeBoardDays') return board;
    if (name === 'OfficeBoardAlarms') return alarms;
    if (name === 'OfficeBoardStaff') return staff;
    return 'pending';
  });
}

describe('OfficeBoardPanel', () => {
  it('shows the days with their totals, the alarms flagged "not even assigned" and the attempts', async () => {
    renderWithProviders(<OfficeBoardPanel unitId="u1" officeCode="UT-CA1" />, { client: client() });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(5); // header, 3 days, totals
    expect(within(rows[4]).getByRole('rowheader')).toHaveTextContent('Totale');
    expect(within(rows[4]).getByText('60%')).toBeInTheDocument();
    expect(within(rows[3]).getByText('33,3%')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Allarmi' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[0]).getByText('Non ancora assegnata')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Assegnata a Laura Serra · tentata: Nessuna risposta');
    expect(within(items[1]).queryByText('Non ancora assegnata')).toBeNull();
    expect(screen.getByText('2 prenotazioni in allarme')).toBeInTheDocument();
  });

  it('sorts the days by a column and back', async () => {
    const user = userEvent.setup();
    renderWithProviders(<OfficeBoardPanel unitId="u1" officeCode="UT-CA1" />, { client: client() });
    const table = await screen.findByRole('table');
    await user.click(within(table).getByRole('button', { name: /In ritardo/ }));
    const header = within(table).getByRole('columnheader', { name: /In ritardo/ });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(within(table).getAllByRole('row')[1]).toHaveAttribute('data-date', '2026-12-09');
    await user.click(within(table).getByRole('button', { name: /In ritardo/ }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
  });

  it('picks the assignee from the office staff, never typed, and asks every part for that person', async () => {
    const user = userEvent.setup();
    const c = client();
    renderWithProviders(<OfficeBoardPanel unitId="u1" officeCode="UT-CA1" />, { client: c });
    const picker = await screen.findByRole('combobox', { name: 'Assegnatario delle prechiamate' });
    await screen.findByRole('option', { name: 'Paolo Melis' });
    expect(screen.queryByRole('textbox', { name: /Assegnatario/ })).toBeNull();
    await user.selectOptions(picker, 'op2.cagliari1');
    await waitFor(() => expect(callsOf(c, 'OfficeBoardDays').at(-1)).toMatchObject({ assignee: 'op2.cagliari1' }));
    expect(callsOf(c, 'OfficeBoardAlarms').at(-1)).toMatchObject({ assignee: 'op2.cagliari1' });
  });

  it('filters the bookings by the seed\'s "ESITO CONTATTO" labels', async () => {
    const user = userEvent.setup();
    const c = client();
    renderWithProviders(<OfficeBoardPanel unitId="u1" officeCode="UT-CA1" />, { client: c });
    const select = await screen.findByRole('combobox', { name: 'Esito del contatto' });
    await user.selectOptions(select, screen.getByRole('option', { name: 'Conferma CUP virtuali' }));
    await waitFor(() =>
      expect(callsOf(c, 'OfficeBoardBookings').at(-1)).toMatchObject({ result: 'CONFIRMED_VIRTUAL' }),
    );
    expect(screen.getByRole('button', { name: 'Scarica CSV' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scarica Excel (XLSX)' })).toBeInTheDocument();
  });
});

describe('board helpers', () => {
  it('sorts with missing coverage last and formats it in Italian', () => {
    const days = board.data.officeBoard.days as Parameters<typeof sortDays>[0];
    expect(sortDays(days, 'coverage', true).map((d) => d.date)).toEqual(['2026-12-07', '2026-12-09', '2026-12-08']);
    expect(sortDays(days, 'coverage', false).map((d) => d.date)).toEqual(['2026-12-09', '2026-12-07', '2026-12-08']);
    expect(formatCoverage(null)).toBe('—');
    expect(formatCoverage(62.5)).toBe('62,5%');
  });
});
