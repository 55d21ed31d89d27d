import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { buildAuditFilter, EMPTY_AUDIT_FILTERS, validateAuditFilters } from './AuditFilters';
import { detailEntries } from './AuditDetail';
import { AuditPage } from './AuditPage';
import { actionLabel, recordTypeLabel } from './labels';

const auditor = fakeMe([{ role: 'AUDITOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }]);

const event = {
  id: 'e-1',
  occurredAt: '2026-11-22T08:30:00Z',
  actor: 'op.cagliari1',
  actingRole: 'OPERATOR',
  actingUnit: { id: 'u-UT-CA1', code: 'UT-CA1', name: 'UT Cagliari 1' },
  unit: null,
  action: 'auth.login',
  recordType: 'session',
  recordId: 's-1',
  detail: '{"ip":"127.0.0.1"}',
  requestId: 'req-1',
};
const events = (nodes: unknown[]) => ({
  data: { auditEvents: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } },
});

type Answer = ReturnType<Parameters<typeof fakeClient>[0]>;

function setup(list: Answer = events([event]), route = '/audit') {
  const client = fakeClient((name) => {
    if (name === 'OrgUnitChoices') return unitChoicesAnswer(demoUnits('/IT/SAR/'));
    if (name === 'AuditEventList') return list;
    if (name === 'AuditActors') {
      return {
        data: {
          auditActors: {
            nodes: [
              { username: 'op.sassari', displayName: 'Maria Fadda' },
              { username: 'op.cagliari1', displayName: 'Laura Serra' },
            ],
          },
        },
      };
    }
    return 'pending';
  });
  renderWithProviders(<AuditPage />, { client, me: auditor, route });
  return { client, user: userEvent.setup() };
}

describe('buildAuditFilter', () => {
  it('leaves out what was not given', () => {
    expect(buildAuditFilter(EMPTY_AUDIT_FILTERS)).toEqual({});
  });

  it('trims the texts and turns local date-times into instants', () => {
    const from = '2026-11-01T09:00';
    const to = '2026-11-02T18:30';
    expect(
      buildAuditFilter({
        unitCode: 'UT-CA1',
        actor: ' op.cagliari1 ',
        action: 'auth.login ',
        recordType: ' person',
        from,
        to,
      }),
    ).toEqual({
      unitCode: 'UT-CA1',
      actor: 'op.cagliari1',
      action: 'auth.login',
      recordType: 'person',
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
  });

  it('refuses a period that ends before it starts', () => {
    expect(validateAuditFilters({ ...EMPTY_AUDIT_FILTERS, from: '2026-11-02T10:00', to: '2026-11-01T10:00' })).toEqual({
      to: 'La fine deve essere successiva all\u2019inizio.',
    });
  });
});

describe('AuditPage', () => {
  it('builds the query variables from the filters, and keeps them in the address', async () => {
    const { client, user } = setup();
    expect(callsOf(client, 'AuditEventList')[0]).toEqual({
      filter: {},
      orderBy: { field: 'OCCURRED_AT', direction: 'DESC' },
      first: 50,
      after: null,
    });

    await user.selectOptions(screen.getByLabelText('Unità'), 'UT-CA1');
    // People are picked by name (finding: the filter wanted an exact username).
    await user.selectOptions(screen.getByLabelText('Autore'), 'Laura Serra (op.cagliari1)');
    // Picked by their Italian names: nobody types `auth.login` or `session`.
    await user.selectOptions(screen.getByLabelText('Azione'), 'Accesso');
    await user.selectOptions(screen.getByLabelText('Tipo di record'), 'Sessione');
    await user.type(screen.getByLabelText('Dal'), '2026-11-01T09:00');
    await user.click(screen.getByRole('button', { name: 'Applica filtri' }));

    expect(callsOf(client, 'AuditEventList').at(-1)).toEqual({
      filter: {
        unitCode: 'UT-CA1',
        actor: 'op.cagliari1',
        action: 'auth.login',
        recordType: 'session',
        from: new Date('2026-11-01T09:00').toISOString(),
      },
      orderBy: { field: 'OCCURRED_AT', direction: 'DESC' },
      first: 50,
      after: null,
    });
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/audit?unita=UT-CA1&autore=op.cagliari1&azione=auth.login&tipo=session&dal=2026-11-01T09%3A00',
    );
  });

  it('offers the authors by name, and no text box for a username', async () => {
    const { client } = setup();
    const actor = screen.getByLabelText('Autore');
    expect(actor.tagName).toBe('SELECT');
    expect(
      within(actor)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Tutte le persone', 'Laura Serra (op.cagliari1)', 'Maria Fadda (op.sassari)']);
    expect(callsOf(client, 'AuditActors')[0]).toEqual({ search: null, first: 100 });
  });

  it('does not send a period that ends before it starts', async () => {
    const { client, user } = setup();
    await user.type(screen.getByLabelText('Dal'), '2026-11-02T09:00');
    await user.type(screen.getByLabelText('Al'), '2026-11-01T09:00');
    await user.click(screen.getByRole('button', { name: 'Applica filtri' }));
    expect(screen.getByLabelText('Al')).toHaveAccessibleDescription(/La fine deve essere successiva/);
    expect(screen.getByLabelText('Al')).toHaveFocus();
    expect(callsOf(client, 'AuditEventList')).toHaveLength(1);
  });

  it('shows each event with an Italian action name and its detail on demand', async () => {
    const { user } = setup();
    const table = screen.getByRole('table', { name: 'Eventi del registro audit' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('op.cagliari1');
    expect(row).toHaveTextContent('Funzionario');
    expect(row).toHaveTextContent('Accesso');
    // Codes and identifiers stay out of the row (finding: `appointment.import_create`, UUIDs).
    expect(row).not.toHaveTextContent('auth.login');
    expect(row).not.toHaveTextContent('req-1');
    expect(row).not.toHaveTextContent('s-1');

    const toggle = within(row).getByRole('button', { name: /^Mostra/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const detail = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(detail).toBeVisible();
    // A readable list of names and values, not JSON; the identifiers for a technician at the end.
    expect(detail).not.toHaveTextContent('{');
    expect(within(detail).getByText('Ip')).toBeInTheDocument();
    expect(within(detail).getByText('127.0.0.1')).toBeInTheDocument();
    expect(within(detail).getByText('Identificativo della richiesta')).toBeInTheDocument();
    expect(within(detail).getByText('req-1')).toBeInTheDocument();
  });

  it('reads a detail as Italian names and values', () => {
    expect(
      detailEntries('{"cupNumber":"40100","active":false,"changed":["label","hours"],"dueOn":"2026-12-09"}'),
    ).toEqual([
      ['Numero CUP', '40100'],
      ['Attivo', 'No'],
      ['Campi modificati', 'label, hours'],
      ['Scadenza', '2026-12-09'],
    ]);
    expect(detailEntries('not json')).toEqual([['Dettaglio', 'not json']]);
  });

  it('names known actions in Italian and shows unknown ones as they are', () => {
    expect(actionLabel('auth.logout')).toBe('Uscita');
    expect(actionLabel('auth.login_failed')).toBe('Accesso non riuscito');
    expect(actionLabel('person.create')).toBe('Creazione di una persona');
    expect(actionLabel('quesito.answer')).toBe('Risposta a un quesito');
    expect(actionLabel('booking.import')).toBe('booking.import');
  });

  it('names the procure actions in Italian', () => {
    expect(actionLabel('procura.declare')).toBe('Dichiarazione di una procura');
    expect(actionLabel('procura.revoke')).toBe('Revoca di una procura');
    expect(actionLabel('procura.list_by_client')).toBe('Consultazione delle procure di un cliente');
    expect(actionLabel('procura.check')).toBe('Verifica di una procura');
    expect(actionLabel('procura.check_collaborator')).toBe('Verifica di un collaboratore allo sportello');
    expect(actionLabel('professional.register')).toBe('Registrazione di un professionista');
    expect(actionLabel('professional.self_register')).toBe('Registrazione autonoma di un professionista');
    expect(actionLabel('professional.verify')).toBe('Verifica di un professionista');
    expect(actionLabel('collaborator.add')).toBe('Comunicazione di un collaboratore');
    expect(actionLabel('collaborator.end')).toBe('Fine del periodo di un collaboratore');
    expect(actionLabel('apikey.create')).toBe('Creazione di una chiave API');
    expect(actionLabel('apikey.revoke')).toBe('Revoca di una chiave API');
    expect(actionLabel('webhook.register')).toBe('Registrazione di un webhook');
    expect(actionLabel('webhook.delete')).toBe('Eliminazione di un webhook');
    expect(recordTypeLabel('api_key')).toBe('Chiave API');
    expect(recordTypeLabel('procura')).toBe('Procura');
  });

  it('shows the empty state for no events', () => {
    setup(events([]));
    expect(screen.getByText('Nessun evento da mostrare')).toBeInTheDocument();
  });

  it('shows a NOT_FOUND unit as an error and no events', () => {
    setup(
      { data: events([event]).data, error: apiError('NOT_FOUND', 'Unità organizzativa non trovata') },
      '/audit?unita=DR-LAZ',
    );
    expect(screen.getByRole('heading', { name: 'Unità non trovata' })).toBeInTheDocument();
    expect(screen.queryByText('op.cagliari1')).not.toBeInTheDocument();
  });
});
