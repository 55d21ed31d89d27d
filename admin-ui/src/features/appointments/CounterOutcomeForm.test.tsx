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

function renderForm() {
  const client = fakeClient(() => closed);
  const onRecorded = vi.fn();
  renderWithProviders(<CounterOutcomeForm appointmentId="a1" version={4} onRecorded={onRecorded} />, { client });
  return { client, onRecorded };
}

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
});
