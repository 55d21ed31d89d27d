import { Button } from 'design-react-kit';
import { useState } from 'react';
import {
  APPOINTMENT_STATUS_LABELS,
  CHANNEL_LABELS,
  COUNTER_OUTCOME_LABELS,
  OfficeDayAppointmentsQuery as AppointmentsQuery,
  PRECALL_RESULT_LABELS,
  PRECALL_STATUS_LABELS,
} from '../../features/appointments';
import { useRefreshOn } from '../../features/officeBoard';
import { StaffPicker, useOfficeStaff } from '../../features/people';
import { SkillsEditor } from '../../features/services';
import type { AppointmentChannel, AppointmentStatus, PrecallStatus } from '../../gql/graphql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import type { AppointmentOrderField } from '../../gql/graphql';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { formatTime } from '../../shared/format/calendar';
import { BookingActionDialog, type BookingAction } from './BookingActionDialog';
import { PrecallAssignBar } from './PrecallAssignBar';
import type { Booking, Office } from './types';

const STATUSES = Object.keys(APPOINTMENT_STATUS_LABELS) as AppointmentStatus[];
const PRECALL_STATUSES = Object.keys(PRECALL_STATUS_LABELS) as PrecallStatus[];
const CHANNELS = Object.keys(CHANNEL_LABELS) as AppointmentChannel[];

/**
 * The day's bookings of one office with their filters, selection for precalls
 * and row actions; read again when `changes` moves (`useOfficeBoardChanges`).
 */
export function DayBookings({
  office,
  date,
  readOnly,
  cancels,
  changes = 0,
}: {
  office: Office;
  date: string;
  readOnly: boolean;
  cancels: boolean;
  changes?: number;
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
  const { order, sortBy } = useSortOrder<AppointmentOrderField>({ field: 'STARTS_AT', direction: 'ASC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: AppointmentsQuery,
    variables: { filter, orderBy: order },
    connection: (data) => data.appointments,
  });
  // Booked, cancelled, precalled or checked in elsewhere: shown without a reload.
  useRefreshOn(changes, refresh);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<BookingAction | null>(null);
  const staff = useOfficeStaff(office.code);
  const selectable = (b: Booking) => b.precall.status === 'UNASSIGNED' || b.precall.status === 'ASSIGNED';
  const selectableIds = readOnly ? [] : nodes.filter(selectable).map((b) => b.id);
  const allSelected = selectableIds.length > 0 && selectableIds.every((id) => selected.has(id));

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
          <StaffPicker
            id="f-assignee"
            label="Assegnatario"
            staff={staff}
            value={assignee}
            onChange={setAssignee}
            emptyLabel="Tutti"
            className="col-md-3 select-wrapper"
          />
        </div>

        {readOnly ? null : (
          <PrecallAssignBar
            officeCode={office.code}
            staff={staff}
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
                    {selectableIds.length > 0 ? (
                      <input
                        type="checkbox"
                        aria-label="Seleziona tutte le prenotazioni mostrate da assegnare"
                        checked={allSelected}
                        onChange={(e) => setSelected(e.target.checked ? new Set(selectableIds) : new Set())}
                      />
                    ) : (
                      <span className="visually-hidden">Selezione</span>
                    )}
                  </th>
                  <SortableHeader field="STARTS_AT" order={order} onSort={sortBy}>
                    Ora
                  </SortableHeader>
                  <SortableHeader field="CUP_NUMBER" order={order} onSort={sortBy}>
                    N. CUP
                  </SortableHeader>
                  <SortableHeader field="CITIZEN_NAME" order={order} onSort={sortBy}>
                    Cittadino
                  </SortableHeader>
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
          <LoadMore
            hasNextPage={hasNextPage}
            fetching={fetching}
            onLoadMore={loadMore}
            shown={nodes.length}
            total={totalCount}
          />
        ) : null}
        {action ? (
          <BookingActionDialog
            action={action}
            office={office}
            staff={staff}
            onClose={() => setAction(null)}
            onDone={() => {
              setAction(null);
              refresh();
            }}
            onReload={refresh}
          />
        ) : null}
      </section>
      <SkillsEditor officeCode={office.code} staff={staff} readOnly={readOnly} />
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
