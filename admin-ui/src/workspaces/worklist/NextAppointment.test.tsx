import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { NextAppointmentSection } from './WorklistPage';

const started = {
  id: 'a-1',
  cupNumber: '40100',
  citizenName: 'Melis Giovanna',
  date: '2026-12-07',
  time: '09:00:00',
  service: { code: 'SUCC', name: 'Dichiarazione di successione' },
  status: 'IN_SESSION',
  counter: { channel: 'IN_PERSON' },
};

describe('Prossimo appuntamento', () => {
  it('asks before starting the next session, and says which one it started', async () => {
    const client = fakeClient((name) =>
      name === 'AppointmentNext' ? { data: { nextAppointment: started } } : 'pending',
    );
    renderWithProviders(<NextAppointmentSection />, { client });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Avvia il prossimo appuntamento' }));
    // Nothing starts before the operator confirms.
    expect(mutationsOf(client, 'AppointmentNext')).toHaveLength(0);
    expect(screen.getByRole('dialog', { name: 'Avviare il prossimo appuntamento?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Avvia la sessione' }));
    expect(mutationsOf(client, 'AppointmentNext')).toHaveLength(1);
    expect(await screen.findByText(/Sessione avviata — prenotazione n\. 40100/)).toBeInTheDocument();
  });

  it('starts nothing when the operator cancels', async () => {
    const client = fakeClient(() => 'pending');
    renderWithProviders(<NextAppointmentSection />, { client });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Avvia il prossimo appuntamento' }));
    await user.click(screen.getByRole('button', { name: 'Annulla' }));
    expect(mutationsOf(client, 'AppointmentNext')).toHaveLength(0);
  });
});
