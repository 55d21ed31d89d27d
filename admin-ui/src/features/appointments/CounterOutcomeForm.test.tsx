import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CounterOutcomeForm } from './CounterOutcomeForm';

const closed = {
  data: {
    recordCounterOutcome: {
      id: 'a1',
      version: 5,
      status: 'CLOSED',
      counter: {
        outcome: 'COMPLETED',
        protocolNumber: null,
        startedAt: null,
        endedAt: null,
        durationMinutes: 3,
        overTimeLimit: false,
      },
    },
  },
};

function renderForm(startedAt?: string) {
  const client = fakeClient(() => closed);
  const onRecorded = vi.fn();
  renderWithProviders(
    <CounterOutcomeForm appointmentId="a1" version={4} startedAt={startedAt} onRecorded={onRecorded} />,
    { client },
  );
  return { client, onRecorded };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('CounterOutcomeForm', () => {
  it('asks for the protocol number only for a transfer to back office', async () => {
    const user = userEvent.setup();
    renderForm();
    const protocol = () => screen.queryByLabelText('Numero di protocollo');
    for (const label of ['Servizio concluso', 'Cittadino non presentato', 'Servizio non erogabile']) {
      await user.click(screen.getByLabelText(label));
      expect(protocol()).not.toBeInTheDocument();
    }
    await user.click(screen.getByLabelText('Servizio trasferito in back office'));
    expect(protocol()).toBeRequired();
  });

  it('refuses a transfer without a protocol number, then sends it with one', async () => {
    const user = userEvent.setup();
    const { client, onRecorded } = renderForm();
    await user.click(screen.getByLabelText('Servizio trasferito in back office'));
    await user.click(screen.getByRole('button', { name: 'Registra esito sportello' }));
    expect(screen.getByText(/Il numero di protocollo è obbligatorio/)).toBeInTheDocument();
    expect(client.executeMutation).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Numero di protocollo'), 'PROT-2026-42');
    await user.click(screen.getByRole('button', { name: 'Registra esito sportello' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).toEqual({
      id: 'a1',
      outcome: 'TRANSFERRED_TO_BACK_OFFICE',
      protocolNumber: 'PROT-2026-42',
      version: 4,
    });
    expect(onRecorded).toHaveBeenCalled();
  });

  it('sends no protocol number for other outcomes', async () => {
    const user = userEvent.setup();
    const { client } = renderForm();
    await user.click(screen.getByLabelText('Servizio concluso'));
    await user.click(screen.getByRole('button', { name: 'Registra esito sportello' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).toMatchObject({
      outcome: 'COMPLETED',
      protocolNumber: null,
    });
  });

  it('within 15 minutes shows the elapsed time and closes as concluded without confirmation', async () => {
    const user = userEvent.setup();
    const { client } = renderForm(minutesAgo(5));
    expect(screen.getByRole('timer')).toHaveTextContent(/^0[45]:/);
    expect(screen.queryByText(/Superati i 15 minuti/)).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Servizio concluso'));
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registra esito sportello' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).not.toHaveProperty(
      'confirmOverFifteenMinutes',
    );
  });

  it('past 15 minutes suggests the back office and asks to confirm a concluded service', async () => {
    const user = userEvent.setup();
    const { client, onRecorded } = renderForm(minutesAgo(20));
    expect(screen.getByText(/Superati i 15 minuti: trasferisci la pratica in back office/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Servizio concluso'));
    await user.click(screen.getByRole('button', { name: 'Registra esito sportello' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Conferma la chiusura come conclusa oltre i 15 minuti/);
    expect(client.executeMutation).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText(/Confermo la chiusura come servizio concluso oltre i 15 minuti/));
    await user.click(screen.getByRole('button', { name: 'Registra esito sportello' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).toMatchObject({
      outcome: 'COMPLETED',
      confirmOverFifteenMinutes: true,
    });
    expect(onRecorded).toHaveBeenCalled();
  });

  it('past 15 minutes a transfer to back office needs no confirmation', async () => {
    const user = userEvent.setup();
    renderForm(minutesAgo(20));
    await user.click(screen.getByLabelText('Servizio trasferito in back office'));
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
