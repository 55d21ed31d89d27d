import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { QuesitoStatus } from '../../gql/graphql';
import { apiError, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { actionsFor, CONFLICT_MESSAGE, QuesitoActions, type QuesitoActor } from './QuesitoActions';

const buttons = () =>
  screen.queryByRole('group', { name: 'Azioni sul quesito' })
    ? within(screen.getByRole('group', { name: 'Azioni sul quesito' }))
        .getAllByRole('button')
        .map((b) => b.textContent)
    : [];

describe('QuesitoActions', () => {
  it.each<[QuesitoStatus, QuesitoActor, boolean, string[]]>([
    [
      'NEW',
      'cric',
      false,
      ['Prendi in carico', 'In attesa del cittadino', 'Inoltra alla Direzione Centrale', 'Annulla'],
    ],
    ['IN_PROGRESS', 'cric', false, ['Rispondi', 'Inoltra alla Direzione Centrale', 'Annulla']],
    // Only the expert holding it releases it or puts it waiting for the citizen.
    [
      'IN_PROGRESS',
      'cric',
      true,
      ['Rispondi', 'In attesa del cittadino', 'Rilascia', 'Inoltra alla Direzione Centrale', 'Annulla'],
    ],
    ['WAITING_FOR_CITIZEN', 'cric', true, ['Risposta del cittadino', 'Annulla']],
    ['ANSWERED', 'cric', false, []],
    ['FORWARDED_CENTRAL', 'cric', false, []],
    ['CONVERTED_TO_APPOINTMENT', 'cric', false, []],
    ['CANCELLED', 'cric', false, []],
    ['NEW', 'ccm', false, ['Annulla']],
    ['IN_PROGRESS', 'ccm', false, ['Annulla']],
    ['WAITING_FOR_CITIZEN', 'ccm', false, ['Risposta del cittadino', 'Annulla']],
    ['ANSWERED', 'ccm', false, []],
  ])('offers for %s (%s, holder: %s) the buttons %j', (status, actor, takenByMe, expected) => {
    renderWithProviders(
      <QuesitoActions
        id="q1"
        status={status}
        subject="Oggetto"
        actor={actor}
        takenByMe={takenByMe}
        onChanged={() => {}}
      />,
    );
    expect(buttons()).toEqual(expected);
    expect(actionsFor(status, actor, false, takenByMe)).toHaveLength(expected.length);
  });

  it('puts the quesito waiting for the citizen with what is asked, required', async () => {
    const client = fakeClient(() => ({
      data: {
        requestCitizenInfo: {
          id: 'q1',
          status: 'WAITING_FOR_CITIZEN',
          waitingRequest: 'Estratto contributivo',
          waitingSince: '2026-11-09T09:00:00Z',
          version: 3,
        },
      },
    }));
    const onChanged = vi.fn();
    renderWithProviders(
      <QuesitoActions id="q1" status="IN_PROGRESS" subject="Oggetto" actor="cric" takenByMe onChanged={onChanged} />,
      { client },
    );
    await userEvent.click(screen.getByRole('button', { name: 'In attesa del cittadino' }));
    await userEvent.click(screen.getByRole('button', { name: 'Metti in attesa del cittadino' }));
    expect(screen.getByText('Scrivi cosa si chiede al cittadino.')).toBeInTheDocument();
    expect(client.executeMutation).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Cosa si chiede al cittadino *'), 'Estratto contributivo');
    await userEvent.click(screen.getByRole('button', { name: 'Metti in attesa del cittadino' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).toEqual({
      id: 'q1',
      request: 'Estratto contributivo',
    });
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it("records the citizen's reply from the CCM", async () => {
    const client = fakeClient(() => ({
      data: {
        recordQuesitoCitizenReply: {
          id: 'q1',
          status: 'IN_PROGRESS',
          dueAt: '2026-11-12T22:59:59Z',
          pausedWorkingDays: 2,
          version: 4,
        },
      },
    }));
    const onChanged = vi.fn();
    renderWithProviders(
      <QuesitoActions id="q1" status="WAITING_FOR_CITIZEN" subject="Oggetto" actor="ccm" onChanged={onChanged} />,
      { client },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Risposta del cittadino' }));
    await userEvent.type(screen.getByLabelText('Risposta del cittadino *'), 'Inviato via PEC');
    await userEvent.click(screen.getByRole('button', { name: 'Registra la risposta' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).toEqual({
      id: 'q1',
      reply: 'Inviato via PEC',
    });
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('releases a quesito its expert holds', async () => {
    const client = fakeClient(() => ({ data: { releaseQuesito: { id: 'q1', status: 'NEW', version: 3 } } }));
    const onChanged = vi.fn();
    renderWithProviders(
      <QuesitoActions id="q1" status="IN_PROGRESS" subject="Oggetto" actor="cric" takenByMe onChanged={onChanged} />,
      { client },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Rilascia' }));
    expect(vi.mocked(client.executeMutation).mock.calls[0][0].variables).toEqual({ id: 'q1' });
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('takes a NEW quesito and reloads it', async () => {
    const onChanged = vi.fn();
    const client = fakeClient(() => ({ data: { takeQuesito: { id: 'q1', status: 'IN_PROGRESS', version: 2 } } }));
    renderWithProviders(<QuesitoActions id="q1" status="NEW" subject="Oggetto" actor="cric" onChanged={onChanged} />, {
      client,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Prendi in carico' }));
    expect(client.executeMutation).toHaveBeenCalledOnce();
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('says clearly when someone else changed the quesito first', async () => {
    const client = fakeClient(() => ({ error: apiError('CONFLICT', 'Quesito già preso in carico') }));
    renderWithProviders(<QuesitoActions id="q1" status="NEW" subject="Oggetto" actor="cric" onChanged={() => {}} />, {
      client,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Prendi in carico' }));
    expect(await screen.findByRole('heading', { name: CONFLICT_MESSAGE })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ricarica il quesito' })).toBeInTheDocument();
  });

  it('requires a reason to forward, then sends it', async () => {
    const client = fakeClient(() => ({
      data: { forwardQuesito: { id: 'q1', status: 'FORWARDED_CENTRAL', version: 3 } },
    }));
    const onChanged = vi.fn();
    renderWithProviders(
      <QuesitoActions id="q1" status="IN_PROGRESS" subject="Oggetto" actor="cric" onChanged={onChanged} />,
      { client },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Inoltra alla Direzione Centrale' }));
    await userEvent.click(screen.getByRole('button', { name: "Conferma l'inoltro" }));
    expect(screen.getByText('Scrivi il motivo.')).toBeInTheDocument();
    expect(client.executeMutation).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText("Motivo dell'inoltro *"), 'Caso eccezionale');
    await userEvent.click(screen.getByRole('button', { name: "Conferma l'inoltro" }));
    expect(client.executeMutation).toHaveBeenCalledOnce();
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it.each([
    ['Direzione Centrale Pensioni', /Sarà inoltrato a: Direzione Centrale Pensioni/],
    [null, /Nessuna Direzione centrale a cui tu possa inoltrarlo/],
  ])('says before the forward where it goes (%s)', async (target, expected) => {
    renderWithProviders(
      <QuesitoActions
        id="q1"
        status="IN_PROGRESS"
        subject="Oggetto"
        actor="cric"
        forwardTarget={target}
        onChanged={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Inoltra alla Direzione Centrale' }));
    expect(screen.getByTestId('forward-target')).toHaveTextContent(expected);
  });

  it('answers with the "pubblica come FAQ" choice', async () => {
    const client = fakeClient(() => ({
      data: { answerQuesito: { id: 'q1', status: 'ANSWERED', version: 3, faqEntryId: 'f1' } },
    }));
    renderWithProviders(
      <QuesitoActions id="q1" status="IN_PROGRESS" subject="Oggetto" actor="cric" onChanged={() => {}} />,
      { client },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Rispondi' }));
    await userEvent.type(screen.getByLabelText('Risposta *'), 'La risposta.');
    await userEvent.click(screen.getByLabelText('Pubblica come FAQ'));
    await userEvent.click(screen.getByRole('button', { name: 'Invia la risposta' }));
    const operation = vi.mocked(client.executeMutation).mock.calls[0][0];
    expect(operation.variables).toMatchObject({
      id: 'q1',
      answer: 'La risposta.',
      publishAsFaq: true,
      faqQuestion: null,
    });
  });

  it('converts to an appointment at an office of the region, only where the API lists offices', async () => {
    const offices = [
      { code: 'UT-CA1', name: 'UT Cagliari 1', virtualCounter: true },
      { code: 'UT-OR', name: 'UT Oristano', virtualCounter: false },
    ];
    const client = fakeClient((name) =>
      name === 'ServiceList'
        ? { data: { services: [{ id: 's1', code: 'RIMB', name: 'Rimborsi', fast: false, active: true }] } }
        : {
            data: {
              convertQuesitoToAppointment: {
                id: 'q1',
                status: 'CONVERTED_TO_APPOINTMENT',
                appointmentId: 'a1',
                version: 3,
              },
            },
          },
    );
    const onChanged = vi.fn();
    renderWithProviders(
      <QuesitoActions
        id="q1"
        status="IN_PROGRESS"
        subject="Oggetto"
        actor="cric"
        conversionOffices={offices}
        onChanged={onChanged}
      />,
      { client },
    );
    expect(buttons()).toEqual(['Rispondi', 'Inoltra alla Direzione Centrale', 'Converti in appuntamento', 'Annulla']);
    await userEvent.click(screen.getByRole('button', { name: 'Converti in appuntamento' }));
    await userEvent.click(screen.getByRole('button', { name: 'Prenota e converti' }));
    expect(screen.getByText("Scegli l'ufficio.")).toBeInTheDocument();
    const conversions = () =>
      vi
        .mocked(client.executeMutation)
        .mock.calls.map((c) => c[0])
        .filter((o) => 'input' in (o.variables ?? {}));
    expect(conversions()).toHaveLength(0);

    await userEvent.type(screen.getByLabelText('Motivo *'), 'Fascicolo cartaceo da ricostruire');
    await userEvent.selectOptions(screen.getByLabelText('Ufficio *'), 'UT Oristano');
    expect(Array.from((screen.getByLabelText('Canale') as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      'In presenza',
    ]);
    await userEvent.selectOptions(screen.getByLabelText('Ufficio *'), 'UT Cagliari 1');
    await userEvent.selectOptions(screen.getByLabelText('Canale'), 'Sportello virtuale');
    await userEvent.selectOptions(screen.getByLabelText('Servizio *'), 'Rimborsi');
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' });
    await userEvent.type(screen.getByLabelText(/^Giorno/), tomorrow);
    await userEvent.type(screen.getByLabelText('Ora *'), '10:30');
    await userEvent.type(screen.getByLabelText('Cognome e nome del cittadino *'), 'Porcu Elena');
    await userEvent.click(screen.getByRole('button', { name: 'Prenota e converti' }));
    expect(conversions()).toHaveLength(1);
    expect(conversions()[0].variables).toMatchObject({
      id: 'q1',
      input: {
        officeCode: 'UT-CA1',
        serviceCode: 'RIMB',
        date: tomorrow,
        time: '10:30:00',
        channel: 'VIRTUAL',
        citizenName: 'Porcu Elena',
        cupNumber: null,
      },
    });
    expect(onChanged).toHaveBeenCalledOnce();
  });
});
