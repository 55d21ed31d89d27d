import { Button } from 'design-react-kit';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../features/auth';
import { MutationError } from '../../shared/components/MutationError';
import {
  APPOINTMENT_STATUS_LABELS,
  CHANNEL_LABELS,
  COUNTER_OUTCOME_LABELS,
  PRECALL_RESULT_LABELS,
  PRECALL_STATUS_LABELS,
  CupImport,
  AppointmentCancelMutation,
  CounterAssignMutation,
  OfficeDayAppointmentsQuery as AppointmentsQuery,
  PrecallsAssignMutation,
  PrecallsAutoAssignMutation,
} from '../../features/appointments';
import { formatTime, todayInRome } from '../../shared/format/calendar';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import type {
  AppointmentChannel,
  AppointmentStatus,
  OfficeDayAppointmentsQuery,
  PrecallStatus,
} from '../../gql/graphql';
import { OfficeFollowUpsPanel } from '../../features/followups';
import { OfficeDayOfficesQuery } from '../../features/org';
import { SkillsEditor } from '../../features/services';

type Booking = OfficeDayAppointmentsQuery['appointments']['nodes'][number];
type Office = { code: string; name: string; virtualCounter: boolean };

const STATUSES = Object.keys(APPOINTMENT_STATUS_LABELS) as AppointmentStatus[];
const PRECALL_STATUSES = Object.keys(PRECALL_STATUS_LABELS) as PrecallStatus[];
const CHANNELS = Object.keys(CHANNEL_LABELS) as AppointmentChannel[];

/** "Giornata d'ufficio": the office director's and room coordinator's day board (docs/domain.md §5). */
export function OfficeDayPage() {
  usePageTitle("Giornata d'ufficio");
  const me = useMe();
  const manages = me.assignments.some((a) => a.role === 'OFFICE_DIRECTOR' || a.role === 'ROOM_COORDINATOR');
  // Cancelling a booking is the office director's (docs/domain.md §3), not the room coordinator's.
  const cancels = me.assignments.some((a) => a.role === 'OFFICE_DIRECTOR');
  const [offices] = useQuery({ query: OfficeDayOfficesQuery, variables: { first: 100 } });
  const officeList = offices.data?.orgUnits.nodes ?? [];
  const [officeCode, setOfficeCode] = useState<string | null>(null);
  const office = officeList.find((o) => o.code === officeCode) ?? officeList[0];
  const [date, setDate] = useState(todayInRome);
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <>
      <h1>Giornata d'ufficio</h1>
      {manages ? null : (
        <p className="alert alert-info">
          Consultazione: le assegnazioni spettano al direttore e al coordinatore di sala dell'ufficio.
        </p>
      )}
      <ErrorDisplay error={offices.error} />
      {offices.fetching && !offices.data ? <Loading /> : null}
      {offices.data && officeList.length === 0 ? <EmptyState title="Nessun ufficio tra le tue unità" /> : null}
      {office ? (
        <>
          <div className="d-flex gap-4 flex-wrap mb-4">
            <div className="select-wrapper" style={{ minWidth: '16rem' }}>
              <label htmlFor="day-office">Ufficio</label>
              <select id="day-office" value={office.code} onChange={(e) => setOfficeCode(e.target.value)}>
                {officeList.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group mb-0">
              <label htmlFor="day-date" className="active">
                Giorno
              </label>
              <input
                id="day-date"
                type="date"
                className="form-control"
                value={date}
                onChange={(e) => e.target.value && setDate(e.target.value)}
              />
            </div>
          </div>
          <CupImport officeCode={office.code} onImported={() => setReloadKey((k) => k + 1)} />
          <Bookings
            key={`${office.code}:${reloadKey}`}
            office={office}
            date={date}
            readOnly={!manages}
            cancels={cancels}
          />
          <OfficeFollowUpsPanel key={office.code} officeCode={office.code} readOnly={!manages} />
        </>
      ) : null}
    </>
  );
}

function Bookings({
  office,
  date,
  readOnly,
  cancels,
}: {
  office: Office;
  date: string;
  readOnly: boolean;
  cancels: boolean;
}) {
  const [status, setStatus] = useState<AppointmentStatus | ''>('');
  const [precallStatus, setPrecallStatus] = useState<PrecallStatus | ''>('');
  const [channel, setChannel] = useState<AppointmentChannel | ''>('');
  const [assignee, setAssignee] = useState('');
  const filter = {
    officeCode: office.code,
    from: date,
    to: date,
    status: status || null,
    precallStatus: precallStatus || null,
    channel: channel || null,
    assignee: assignee.trim() || null,
  };
  const { nodes, fetching, error, hasNextPage, loadMore, refresh } = useConnectionQuery({
    query: AppointmentsQuery,
    variables: { filter },
    connection: (data) => data.appointments,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<{ kind: 'counter' | 'cancel'; booking: Booking } | null>(null);
  const knownOperators = useMemo(() => {
    const names = new Set<string>();
    for (const n of nodes) {
      if (n.precall.assignee) names.add(n.precall.assignee.username);
      if (n.counter.operator) names.add(n.counter.operator.username);
    }
    return [...names].sort();
  }, [nodes]);
  const selectable = (b: Booking) => b.precall.status === 'UNASSIGNED' || b.precall.status === 'ASSIGNED';

  return (
    <>
      <section aria-labelledby="day-bookings" className="my-5">
        <h2 id="day-bookings" className="h4">
          Prenotazioni del giorno
        </h2>
        <div className="row g-3 my-2">
          <FilterSelect
            id="f-status"
            label="Stato"
            value={status}
            onChange={setStatus}
            options={STATUSES}
            labels={APPOINTMENT_STATUS_LABELS}
          />
          <FilterSelect
            id="f-precall"
            label="Prechiamata"
            value={precallStatus}
            onChange={setPrecallStatus}
            options={PRECALL_STATUSES}
            labels={PRECALL_STATUS_LABELS}
          />
          <FilterSelect
            id="f-channel"
            label="Modalità"
            value={channel}
            onChange={setChannel}
            options={CHANNELS}
            labels={CHANNEL_LABELS}
          />
          <div className="col-md-3 form-group mb-0">
            <label htmlFor="f-assignee" className="active">
              Assegnatario (nome utente)
            </label>
            <input
              type="text"
              id="f-assignee"
              className="form-control"
              list="day-operators"
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
            />
          </div>
        </div>
        <datalist id="day-operators">
          {knownOperators.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>

        {readOnly ? null : (
          <PrecallAssignBar
            officeCode={office.code}
            date={date}
            selectedIds={[...selected].filter((id) => nodes.some((n) => n.id === id))}
            onDone={() => {
              setSelected(new Set());
              refresh();
            }}
          />
        )}

        <ErrorDisplay error={error} headingLevel={3} onRetry={refresh} />
        {nodes.length === 0 && fetching ? <Loading /> : null}
        {nodes.length === 0 && !fetching && !error ? (
          <EmptyState title="Nessuna prenotazione per questo giorno e questi filtri" />
        ) : null}
        {nodes.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">Prenotazioni del giorno</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Selezione</span>
                  </th>
                  <th scope="col">Ora</th>
                  <th scope="col">N. CUP</th>
                  <th scope="col">Cittadino</th>
                  <th scope="col">Servizio</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Prechiamata</th>
                  <th scope="col">Sportello</th>
                  {readOnly ? null : <th scope="col">Azioni</th>}
                </tr>
              </thead>
              <tbody>
                {nodes.map((b) => (
                  <tr key={b.id}>
                    <td>
                      {!readOnly && selectable(b) ? (
                        <input
                          type="checkbox"
                          aria-label={`Seleziona la prenotazione n. ${b.cupNumber}`}
                          checked={selected.has(b.id)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(b.id);
                            else next.delete(b.id);
                            setSelected(next);
                          }}
                        />
                      ) : null}
                    </td>
                    <td>{formatTime(b.time)}</td>
                    <td>{b.cupNumber}</td>
                    <td>{b.citizenName ?? '—'}</td>
                    <td>{b.service?.name ?? '—'}</td>
                    <td>
                      {APPOINTMENT_STATUS_LABELS[b.status]}
                      <br />
                      <small>{CHANNEL_LABELS[b.channel]}</small>
                    </td>
                    <td>
                      {PRECALL_STATUS_LABELS[b.precall.status]}
                      {b.precall.assignee ? (
                        <>
                          <br />
                          <small>{b.precall.assignee.displayName}</small>
                        </>
                      ) : null}
                      {b.precall.result ? (
                        <>
                          <br />
                          <small>{PRECALL_RESULT_LABELS[b.precall.result]}</small>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {b.counter.operator
                        ? `${b.counter.operator.displayName}${b.counter.channel ? ` (${CHANNEL_LABELS[b.counter.channel]})` : ''}`
                        : '—'}
                      {b.counter.outcome ? (
                        <>
                          <br />
                          <small>{COUNTER_OUTCOME_LABELS[b.counter.outcome]}</small>
                        </>
                      ) : null}
                    </td>
                    {readOnly ? null : (
                      <td>
                        {b.status === 'CONFIRMED' || b.status === 'COUNTER_ASSIGNED' || b.status === 'BOOKED' ? (
                          <Button
                            color="primary"
                            outline
                            size="xs"
                            className="me-1 mb-1"
                            onClick={() => setAction({ kind: 'counter', booking: b })}
                          >
                            {b.counter.operator ? 'Riassegna sportello' : 'Assegna sportello'}
                            <span className="visually-hidden"> — n. {b.cupNumber}</span>
                          </Button>
                        ) : null}
                        {cancels && b.status !== 'CANCELLED' && b.status !== 'CLOSED' && b.status !== 'IN_SESSION' ? (
                          <Button
                            color="danger"
                            outline
                            size="xs"
                            className="mb-1"
                            onClick={() => setAction({ kind: 'cancel', booking: b })}
                          >
                            Annulla<span className="visually-hidden"> la prenotazione n. {b.cupNumber}</span>
                          </Button>
                        ) : null}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {nodes.length > 0 ? (
          <LoadMore hasNextPage={hasNextPage} fetching={fetching} onLoadMore={loadMore} shown={nodes.length} />
        ) : null}
        {action?.kind === 'counter' ? (
          <CounterAssignForm
            key={action.booking.id}
            booking={action.booking}
            office={office}
            onClose={() => setAction(null)}
            onDone={() => {
              setAction(null);
              refresh();
            }}
            onReload={refresh}
          />
        ) : null}
        {action?.kind === 'cancel' ? (
          <CancelForm
            key={action.booking.id}
            booking={action.booking}
            onClose={() => setAction(null)}
            onDone={() => {
              setAction(null);
              refresh();
            }}
            onReload={refresh}
          />
        ) : null}
      </section>
      <SkillsEditor officeCode={office.code} knownOperators={knownOperators} readOnly={readOnly} />
    </>
  );
}

function FilterSelect<V extends string>({
  id,
  label,
  value,
  onChange,
  options,
  labels,
}: {
  id: string;
  label: string;
  value: V | '';
  onChange: (v: V | '') => void;
  options: readonly V[];
  labels: Record<V, string>;
}) {
  return (
    <div className="col-md-3 select-wrapper">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
        <option value="">Tutti</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

function PrecallAssignBar({
  officeCode,
  date,
  selectedIds,
  onDone,
}: {
  officeCode: string;
  date: string;
  selectedIds: string[];
  onDone: () => void;
}) {
  const [username, setUsername] = useState('');
  const [assignState, assign] = useMutation(PrecallsAssignMutation);
  const [autoState, autoAssign] = useMutation(PrecallsAutoAssignMutation);
  const [message, setMessage] = useState<string | null>(null);
  const auto = autoState.data?.autoAssignPrecalls;
  return (
    <div className="border rounded p-3 my-3">
      <div className="d-flex gap-2 align-items-end flex-wrap">
        <div className="form-group mb-0">
          <label htmlFor="assign-operator" className="active">
            Operatore per le prechiamate
          </label>
          <input
            type="text"
            id="assign-operator"
            className="form-control"
            list="day-operators"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-describedby="assign-operator-hint"
          />
          <small id="assign-operator-hint" className="form-text">
            Solo operatori dell'ufficio con la competenza sul servizio.
          </small>
        </div>
        <Button
          color="primary"
          size="sm"
          disabled={selectedIds.length === 0 || !username.trim() || assignState.fetching}
          onClick={async () => {
            const answer = await assign({ appointmentIds: selectedIds, username: username.trim() });
            if (!answer.error) {
              setMessage(`${selectedIds.length} prechiamate assegnate a ${username.trim()}.`);
              onDone();
            }
          }}
        >
          Assegna prechiamate ({selectedIds.length})
        </Button>
        <Button
          color="primary"
          outline
          size="sm"
          disabled={autoState.fetching}
          onClick={async () => {
            const answer = await autoAssign({ officeCode, date });
            if (!answer.error && answer.data) {
              setMessage(
                `Assegnazione automatica: ${answer.data.autoAssignPrecalls.assigned.length} prechiamate assegnate.`,
              );
              onDone();
            }
          }}
        >
          Assegnazione automatica
        </Button>
      </div>
      <MutationError error={assignState.error ?? autoState.error} onReload={onDone} />
      <div aria-live="polite">
        {message ? <p className="mt-2 mb-0">{message}</p> : null}
        {auto && auto.perOperator.length > 0 ? (
          <p className="mb-0">Per operatore: {auto.perOperator.map((o) => `${o.username} ${o.count}`).join(', ')}.</p>
        ) : null}
        {auto && auto.withoutSkilledOperator.length > 0 ? (
          <p className="text-danger mb-0">
            Senza operatore competente:{' '}
            {auto.withoutSkilledOperator.map((a) => `n. ${a.cupNumber} (${a.service?.name ?? ''})`).join(', ')}.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function CounterAssignForm({
  booking,
  office,
  onClose,
  onDone,
  onReload,
}: {
  booking: Booking;
  office: Office;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const [username, setUsername] = useState(
    booking.counter.operator?.username ?? booking.precall.assignee?.username ?? '',
  );
  const channels: AppointmentChannel[] = office.virtualCounter ? ['IN_PERSON', 'VIRTUAL'] : ['IN_PERSON'];
  const [channel, setChannel] = useState<AppointmentChannel>(
    booking.counter.channel && channels.includes(booking.counter.channel)
      ? booking.counter.channel
      : channels.includes(booking.channel)
        ? booking.channel
        : 'IN_PERSON',
  );
  const [state, assign] = useMutation(CounterAssignMutation);
  return (
    <form
      aria-label={`Sportello della prenotazione n. ${booking.cupNumber}`}
      className="border rounded p-3 my-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const answer = await assign({
          appointmentId: booking.id,
          username: username.trim(),
          channel,
          version: booking.version,
        });
        if (!answer.error) onDone();
      }}
    >
      <h3 className="h5">Sportello — prenotazione n. {booking.cupNumber}</h3>
      <div className="form-group">
        <label htmlFor="counter-operator" className="active">
          Operatore di sportello (nome utente)
        </label>
        <input
          type="text"
          id="counter-operator"
          className="form-control"
          list="day-operators"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </div>
      <div className="select-wrapper mb-3">
        <label htmlFor="counter-channel">Modalità</label>
        <select id="counter-channel" value={channel} onChange={(e) => setChannel(e.target.value as AppointmentChannel)}>
          {channels.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <MutationError error={state.error} onReload={onReload} headingLevel={4} />
      <Button type="submit" color="primary" size="sm" disabled={!username.trim() || state.fetching}>
        Assegna
      </Button>{' '}
      <Button type="button" color="secondary" outline size="sm" onClick={onClose}>
        Chiudi
      </Button>
    </form>
  );
}

function CancelForm({
  booking,
  onClose,
  onDone,
  onReload,
}: {
  booking: Booking;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const [reason, setReason] = useState('');
  const [state, cancel] = useMutation(AppointmentCancelMutation);
  return (
    <form
      aria-label={`Annullamento della prenotazione n. ${booking.cupNumber}`}
      className="border rounded p-3 my-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason.trim()) return;
        const answer = await cancel({ id: booking.id, reason: reason.trim(), version: booking.version });
        if (!answer.error) onDone();
      }}
    >
      <h3 className="h5">Annulla la prenotazione n. {booking.cupNumber}</h3>
      <div className="form-group">
        <label htmlFor="cancel-reason" className="active">
          Motivo dell'annullamento
        </label>
        <input
          type="text"
          id="cancel-reason"
          className="form-control"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          aria-required="true"
        />
      </div>
      <MutationError error={state.error} onReload={onReload} headingLevel={4} />
      <Button type="submit" color="danger" size="sm" disabled={!reason.trim() || state.fetching}>
        Conferma annullamento
      </Button>{' '}
      <Button type="button" color="secondary" outline size="sm" onClick={onClose}>
        Chiudi
      </Button>
    </form>
  );
}
