import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { PrecallOutcomeForm } from './PrecallOutcomeForm';

function radiosOf(legend: string): string[] {
  const group = screen.getByRole('group', { name: legend });
  return within(group)
    .getAllByRole('radio')
    .map((radio) => (radio as HTMLInputElement).value);
}

function renderForm(respond: Parameters<typeof fakeClient>[0] = () => 'pending') {
  const client = fakeClient(respond);
  const onRecorded = vi.fn();
  renderWithProviders(<PrecallOutcomeForm appointmentId="a1" version={3} onRecorded={onRecorded} />, { client });
  return { client, onRecorded };
}

describe('PrecallOutcomeForm', () => {
  it('offers only the reasons and results of each outcome', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(radiosOf('Esito della prechiamata')).toEqual(['NOT_CONTACTABLE', 'NEGATIVE', 'POSITIVE']);
    expect(screen.queryByRole('group', { name: 'Motivazione' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Esito del contatto' })).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Non contattabile'));
    expect(radiosOf('Motivazione')).toEqual(['MISSING_PHONE']);
    expect(screen.getByLabelText('Mancanza del numero di telefono')).toBeChecked();
    expect(screen.queryByRole('group', { name: 'Esito del contatto' })).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Esito negativo del contatto'));
    expect(radiosOf('Motivazione')).toEqual(['WRONG_NUMBER', 'NO_ANSWER']);
    expect(screen.queryByRole('group', { name: 'Esito del contatto' })).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Esito positivo del contatto'));
    expect(screen.queryByRole('group', { name: 'Motivazione' })).not.toBeInTheDocument();
    expect(radiosOf('Esito del contatto')).toEqual([
      'SERVED_REMOTELY',
      'REDIRECTED_EMAIL_PEC',
      'CONFIRMED_VIRTUAL',
      'CONFIRMED_IN_PERSON',
      'CANCELLED_BY_CITIZEN',
    ]);
  });

  it('shows the note only for confirmations', async () => {
    const user = userEvent.setup();
    renderForm();
    const note = () => screen.queryByLabelText(/Note motivazione conferma/);
    await user.click(screen.getByLabelText('Non contattabile'));
    expect(note()).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Esito negativo del contatto'));
    await user.click(screen.getByLabelText('Nessuna risposta'));
    expect(note()).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Esito positivo del contatto'));
    for (const label of [/Servizio reso al telefono/, /Invio documenti/, 'Annullato dal cittadino']) {
      await user.click(screen.getByLabelText(label));
      expect(note()).not.toBeInTheDocument();
    }
    await user.click(screen.getByLabelText('Conferma appuntamento allo sportello virtuale'));
    expect(note()).toBeInTheDocument();
    await user.click(screen.getByLabelText('Conferma appuntamento in presenza'));
    expect(note()).toBeInTheDocument();
  });

  it("shows the directive's five-step script as a checklist that is not sent", async () => {
    const user = userEvent.setup();
    const { client } = renderForm();
    const script = screen.getByRole('group', { name: 'Traccia della prechiamata' });
    expect(within(script).getAllByRole('checkbox')).toHaveLength(5);
    await user.click(within(script).getByLabelText('1. Illustra brevemente i motivi del contatto'));
    await user.click(screen.getByLabelText('Esito positivo del contatto'));
    await user.click(screen.getByLabelText(/Servizio reso al telefono/));
    await user.click(screen.getByRole('button', { name: 'Registra esito' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).toEqual({
      appointmentId: 'a1',
      version: 3,
      input: { outcome: 'POSITIVE', reason: null, result: 'SERVED_REMOTELY', note: null },
    });
  });

  it('sends a confirmation with its note and nothing that does not apply', async () => {
    const user = userEvent.setup();
    const { client, onRecorded } = renderForm(() => ({
      data: {
        recordPrecallOutcome: {
          id: 'a1',
          version: 4,
          status: 'CONFIRMED',
          precall: {
            status: 'DONE',
            outcome: 'POSITIVE',
            reason: null,
            result: 'CONFIRMED_IN_PERSON',
            note: 'porta il 730',
          },
        },
      },
    }));
    await user.click(screen.getByLabelText('Esito negativo del contatto'));
    await user.click(screen.getByLabelText('Numero errato'));
    await user.click(screen.getByLabelText('Esito positivo del contatto'));
    await user.click(screen.getByLabelText('Conferma appuntamento in presenza'));
    await user.type(screen.getByLabelText(/Note motivazione conferma/), 'porta il 730');
    await user.click(screen.getByRole('button', { name: 'Registra esito' }));
    const operation = vi.mocked(client.executeMutation).mock.calls[0][0];
    expect(operation.variables).toEqual({
      appointmentId: 'a1',
      version: 3,
      input: { outcome: 'POSITIVE', reason: null, result: 'CONFIRMED_IN_PERSON', note: 'porta il 730' },
    });
    expect(onRecorded).toHaveBeenCalled();
  });

  it('asks for a missing choice instead of sending', async () => {
    const user = userEvent.setup();
    const { client } = renderForm();
    await user.click(screen.getByLabelText('Esito positivo del contatto'));
    await user.click(screen.getByRole('button', { name: 'Registra esito' }));
    expect(screen.getByRole('alert')).toHaveTextContent("Scegli l'esito del contatto.");
    expect(client.executeMutation).not.toHaveBeenCalled();
  });

  it('words a CONFLICT as a change by someone else', async () => {
    const user = userEvent.setup();
    renderForm(() => ({ error: apiError('CONFLICT', 'La prenotazione è stata modificata') }));
    await user.click(screen.getByLabelText('Non contattabile'));
    await user.click(screen.getByRole('button', { name: 'Registra esito' }));
    expect(await screen.findByRole('heading', { name: 'Modificato da un altro utente: ricarica' })).toBeInTheDocument();
  });
});
