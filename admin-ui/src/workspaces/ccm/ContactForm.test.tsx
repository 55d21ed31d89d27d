import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ContactForm } from './ContactsPage';

const filed = { id: 'q-1', subject: 'Decorrenza della pensione di vecchiaia' };
const found = {
  id: 'q-2',
  status: 'NEW',
  section: 'PENSIONI',
  priority: 'NORMAL',
  subject: 'Ricongiunzione dei contributi',
  classification: null,
  cric: { id: 'c', name: 'CRIC Sardegna' },
  citizenFiscalCode: null,
  dueAt: '2026-12-10T16:00:00Z',
  overdue: false,
  filedAt: '2026-12-01T09:00:00Z',
  version: 1,
};

const WAITING_CITIZEN = 'PRCLNE75C45B354W';
const waiting = {
  ...found,
  id: 'q-3',
  status: 'WAITING_FOR_CITIZEN',
  subject: 'Supplemento di pensione',
  waitingRequest: "Serve l'estratto contributivo aggiornato.",
};

function setup(route: string) {
  const client = fakeClient((name, variables) => {
    if (name === 'QuesitoShow') return { data: { quesito: { ...filed } } };
    if (name === 'QuesitoList') {
      const filter = variables.filter as { status?: string[]; citizenFiscalCode?: string } | undefined;
      // Only this citizen has a quesito waiting for their reply.
      const waitingFor = filter?.status?.includes('WAITING_FOR_CITIZEN');
      const nodes = waitingFor ? (filter?.citizenFiscalCode === WAITING_CITIZEN ? [waiting] : []) : [found];
      return { data: { quesiti: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } };
    }
    if (name === 'QuesitoCitizenReply') {
      return {
        data: {
          recordQuesitoCitizenReply: {
            id: 'q-3',
            status: 'IN_PROGRESS',
            dueAt: '2026-12-14T22:59:59Z',
            pausedWorkingDays: 2,
            version: 4,
          },
        },
      };
    }
    if (name === 'ContactRecord') return { data: { recordContact: { id: 'k-1', outcome: 'QUESITO_FILED' } } };
    if (name === 'PickableRegions')
      return { data: { pickableRegions: [{ id: 'r', code: 'DR-SAR', name: 'DR Sardegna' }] } };
    if (name === 'PickableUnits') {
      return {
        data: {
          pickableUnits: [
            { id: 'u', code: 'UT-SS', name: 'UT Sassari', virtualCounter: true },
            { id: 'd', code: 'DP-SS', name: 'DP Sassari', virtualCounter: false },
          ],
        },
      };
    }
    if (name === 'ServiceList') {
      return {
        data: {
          services: [
            { id: 's1', code: 'SUCC', name: 'Dichiarazione di successione', fast: false, active: true },
            { id: 's2', code: 'CF', name: 'Codice fiscale', fast: true, active: true },
          ],
        },
      };
    }
    if (name === 'FreeSlots') {
      return {
        data: {
          freeSlots: [
            { startsAt: '2026-12-28T07:45:00Z', date: '2026-12-28', time: '08:45:00' },
            { startsAt: '2026-12-28T08:00:00Z', date: '2026-12-28', time: '09:00:00' },
          ],
        },
      };
    }
    if (name === 'AppointmentBook') {
      return {
        data: {
          bookAppointment: {
            id: 'a-1',
            cupNumber: 'ACC-1',
            date: '2026-12-28',
            time: '09:00:00',
            office: { id: 'u', name: 'UT Sassari' },
            service: { id: 's1', name: 'Dichiarazione di successione' },
          },
        },
      };
    }
    if (name === 'CallbackRequest') {
      return { data: { requestCallback: { id: 'cb-1', unit: { id: 'd', name: 'DP Sassari' } } } };
    }
    return 'pending';
  });
  renderWithProviders(<ContactForm onRecorded={() => {}} />, { client, route });
  return { client, user: userEvent.setup() };
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByLabelText('Sezione *'), 'PENSIONI');
  await user.type(screen.getByLabelText('Argomento *'), 'Pensione');
}

beforeEach(() => sessionStorage.clear());

describe('ContactForm', () => {
  it('links the quesito just filed by its subject, and forgets it once the contact is saved', async () => {
    const { client, user } = setup('/ccm/contatti?quesito=q-1');
    expect(await screen.findByRole('button', { name: /^Scollega/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /Quesito inoltrato/ })).toHaveTextContent('Decorrenza della pensione');
    expect(screen.queryByLabelText(/Identificativo del quesito/)).not.toBeInTheDocument();
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Registra il contatto' }));
    expect(mutationsOf(client, 'ContactRecord')[0]).toMatchObject({ input: { quesitoId: 'q-1' } });
    expect(await screen.findByText('Contatto registrato.')).toBeInTheDocument();
    // The next contact is not silently linked to the same quesito.
    expect(screen.queryByRole('button', { name: /^Scollega/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('location')).not.toHaveTextContent('quesito=');
  });

  it('finds a quesito by words of its subject instead of asking for its identifier', async () => {
    const { client, user } = setup('/ccm/contatti');
    await fillRequired(user);
    await user.selectOptions(screen.getByLabelText('Esito *'), 'QUESITO_FILED');
    await user.type(screen.getByLabelText("Parole dell'oggetto"), 'ricongiunzione');
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    const result = (await screen.findAllByText('Ricongiunzione dei contributi', { exact: false }))[0].closest('li')!;
    await user.click(within(result).getByRole('button', { name: /^Collega/ }));
    expect(screen.getByRole('button', { name: /^Scollega/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registra il contatto' }));
    expect(mutationsOf(client, 'ContactRecord')[0]).toMatchObject({ input: { quesitoId: 'q-2' } });
  });

  it('books a free slot picked by region, office, service and day, and links it to the contact', async () => {
    const { client, user } = setup('/ccm/contatti');
    await fillRequired(user);
    await user.type(screen.getByLabelText('Codice fiscale del cittadino'), 'RSSMRA80A01H501U');
    await user.selectOptions(screen.getByLabelText('Esito *'), 'APPOINTMENT_BOOKED');
    expect(screen.queryByLabelText(/Identificativo/)).not.toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText('Regione *'), 'DR Sardegna');
    await user.selectOptions(await screen.findByLabelText('Ufficio *'), 'UT Sassari');
    // Fast services are given without booking: not offered.
    expect(screen.queryByRole('option', { name: 'Codice fiscale' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Servizio *'), 'Dichiarazione di successione');
    await user.selectOptions(await screen.findByLabelText('Giorno *'), 'lunedì 28/12/2026 — 2 orari liberi');
    await user.selectOptions(screen.getByLabelText('Orario *'), '09:00');
    await user.type(screen.getByLabelText('Cognome e nome del cittadino *'), 'Rossi Mario');
    await user.click(screen.getByRole('button', { name: "Prenota l'appuntamento" }));
    expect(mutationsOf(client, 'AppointmentBook')[0]).toMatchObject({
      input: {
        officeCode: 'UT-SS',
        serviceCode: 'SUCC',
        date: '2026-12-28',
        time: '09:00:00',
        fiscalCode: 'RSSMRA80A01H501U',
      },
    });
    expect(
      await screen.findByText(/Appuntamento prenotato: UT Sassari, lunedì 28\/12\/2026 alle 09:00/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registra il contatto' }));
    expect(mutationsOf(client, 'ContactRecord')[0]).toMatchObject({
      input: { outcome: 'APPOINTMENT_BOOKED', appointmentId: 'a-1', callbackId: null },
    });
    expect(await screen.findByText('Contatto registrato.')).toBeInTheDocument();
    expect(screen.queryByText(/Appuntamento prenotato: UT Sassari/)).not.toBeInTheDocument();
  });

  it('does not record a booked outcome before the booking is made', async () => {
    const { client, user } = setup('/ccm/contatti');
    await fillRequired(user);
    await user.selectOptions(screen.getByLabelText('Esito *'), 'APPOINTMENT_BOOKED');
    await user.click(screen.getByRole('button', { name: 'Registra il contatto' }));
    expect(await screen.findByText(/Prenota l'appuntamento qui sopra/)).toBeInTheDocument();
    expect(mutationsOf(client, 'ContactRecord')).toHaveLength(0);
  });

  it('requests a callback of a provincial directorate picked by name, and links it', async () => {
    const { client, user } = setup('/ccm/contatti');
    await fillRequired(user);
    await user.selectOptions(screen.getByLabelText('Esito *'), 'CALLBACK_REQUESTED');
    await user.selectOptions(await screen.findByLabelText('Regione *'), 'DR Sardegna');
    await user.selectOptions(await screen.findByLabelText('Direzione provinciale *'), 'DP Sassari');
    await user.type(screen.getByLabelText('Telefono da richiamare *'), '079 123 4567');
    await user.click(screen.getByRole('button', { name: 'Richiedi la richiamata' }));
    expect(mutationsOf(client, 'CallbackRequest')[0]).toMatchObject({
      input: { unitCode: 'DP-SS', phone: '0791234567', topic: 'Pensione' },
    });
    expect(await screen.findByText(/Richiamata richiesta a DP Sassari/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registra il contatto' }));
    expect(mutationsOf(client, 'ContactRecord')[0]).toMatchObject({
      input: { outcome: 'CALLBACK_REQUESTED', callbackId: 'cb-1', appointmentId: null },
    });
  });

  it("offers the citizen's quesiti waiting for their reply, and records it", async () => {
    const { client, user } = setup('/ccm/contatti');
    await fillRequired(user);
    expect(screen.queryByRole('heading', { name: /in attesa di una risposta/ })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Codice fiscale del cittadino'), WAITING_CITIZEN);
    const group = await screen.findByRole('group', { name: /Risposta del cittadino al quesito «Supplemento/ });
    expect(group).toHaveTextContent("Il CRIC chiede: Serve l'estratto contributivo aggiornato.");
    await user.click(within(group).getByRole('button', { name: 'Registra la risposta' }));
    expect(within(group).getByText('Scrivi la risposta del cittadino.')).toBeInTheDocument();
    expect(mutationsOf(client, 'QuesitoCitizenReply')).toHaveLength(0);
    await user.type(within(group).getByLabelText('Risposta del cittadino *'), 'Estratto inviato via PEC');
    await user.click(within(group).getByRole('button', { name: 'Registra la risposta' }));
    expect(mutationsOf(client, 'QuesitoCitizenReply')[0]).toEqual({ id: 'q-3', reply: 'Estratto inviato via PEC' });
    expect(await screen.findByText(/Risposta registrata/)).toBeInTheDocument();
    // Its own step: the contact itself is recorded as usual.
    expect(mutationsOf(client, 'ContactRecord')).toHaveLength(0);
  });
});
