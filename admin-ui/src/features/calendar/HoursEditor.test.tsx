import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { HoursEditor } from './HoursEditor';

const HOURS = [{ weekday: 'MONDAY' as const, opens: '08:45:00', closes: '12:45:00' }];

describe('HoursEditor', () => {
  it('refuses a wrong interval by its row, without calling the server', async () => {
    const user = userEvent.setup();
    const client = fakeClient(() => 'pending');
    renderWithProviders(<HoursEditor unitCode="UT-T1" hours={HOURS} onSaved={vi.fn()} onReload={vi.fn()} />, {
      client,
    });
    const tuesday = screen.getByRole('group', { name: 'martedì' });
    expect(within(tuesday).getByText('Chiuso')).toBeInTheDocument();
    await user.click(within(tuesday).getByRole('button', { name: /^Aggiungi orario\s*a martedì$/ }));
    await user.click(screen.getByRole('button', { name: 'Salva orari' }));
    expect(within(tuesday).getByText("Indica l'ora di apertura e quella di chiusura.")).toBeInTheDocument();
    expect(within(tuesday).getByLabelText(/^Apre/)).toHaveFocus();
    expect(mutationsOf(client, 'UnitCalendarSetHours')).toHaveLength(0);
  });

  it('sends the week as HH:MM:SS and shows the server refusal of the hours', async () => {
    const user = userEvent.setup();
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'Due orari dello stesso giorno si sovrappongono',
          extensions: { code: 'BAD_USER_INPUT', field: 'hours' },
        },
      ],
    });
    const client = fakeClient((name) => (name === 'UnitCalendarSetHours' ? { error } : 'pending'));
    renderWithProviders(<HoursEditor unitCode="UT-T2" hours={HOURS} onSaved={vi.fn()} onReload={vi.fn()} />, {
      client,
    });
    const monday = screen.getByRole('group', { name: 'lunedì' });
    await user.click(within(monday).getByRole('button', { name: /^Rimuovi\s*l'orario 1 di lunedì$/ }));
    const friday = screen.getByRole('group', { name: 'venerdì' });
    await user.click(within(friday).getByRole('button', { name: /^Aggiungi orario\s*a venerdì$/ }));
    await user.type(within(friday).getByLabelText(/^Apre/), '09:00');
    await user.type(within(friday).getByLabelText(/^Chiude/), '13:00');
    await user.click(screen.getByRole('button', { name: 'Salva orari' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Due orari dello stesso giorno si sovrappongono');
    expect(mutationsOf(client, 'UnitCalendarSetHours')).toEqual([
      { unitCode: 'UT-T2', hours: [{ weekday: 'FRIDAY', opens: '09:00:00', closes: '13:00:00' }] },
    ]);
  });
});
