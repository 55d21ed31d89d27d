import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { CallbackOrderField, CallbackStatus } from '../../gql/graphql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { MutationError } from '../../shared/components/MutationError';
import { SelectField } from '../../shared/components/SelectField';
import type { SortOrder } from '../../shared/components/SortableHeader';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { formatDateTime } from '../../shared/format/calendar';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import { unitChoiceLabel, useVisibleUnits, type UnitChoice } from '../org';
import { StaffPicker, type StaffChoice } from '../people';
import { callbackTotal, waitingFor } from './age';
import { CALLBACK_OUTCOME_LABELS, CALLBACK_STATUS_LABELS, CALLBACK_STATUS_TOTAL_WORDS } from './labels';
import { CallbackAssignMutation, CallbackQueueQuery, CallbackStaffQuery } from './operations';

export const CALLBACKS_PATH = '/richiamate';

const STATUSES = Object.keys(CALLBACK_STATUS_LABELS) as CallbackStatus[];
/** Provincial directorates and offices call citizens back. */
const CALLBACK_KINDS: readonly UnitChoice['kind'][] = ['PROVINCIAL_DIRECTORATE', 'TERRITORIAL_OFFICE'];

interface QueueItem {
  id: string;
  topic: string;
  phone?: string | null;
  status: CallbackStatus;
  requestedAt: string;
  availableFrom: string;
  nextWindowOpensAt?: string | null;
  attempts: number;
  version: number;
  viaIvr: boolean;
  unit?: { code: string; name: string } | null;
  assignee?: { username: string; displayName: string } | null;
  attemptHistory: readonly {
    number: number;
    attemptedAt: string;
    outcome: keyof typeof CALLBACK_OUTCOME_LABELS;
    note?: string | null;
    by?: { displayName: string } | null;
  }[];
}

/**
 * "Richiamate": the callbacks queue of a provincial directorate or an office (docs/callbacks.md §2).
 * The director picks the unit, sees its requests by age with their totals, assigns or reassigns
 * each one to a member of the unit's staff (picked by name) and reads the attempts made.
 */
export function CallbackQueuePage() {
  usePageTitle('Richiamate');
  const { units: visible, loading, error: unitsError, refresh: refreshUnits } = useVisibleUnits();
  const units = visible.filter((unit) => CALLBACK_KINDS.includes(unit.kind));
  const [unitCode, setUnitCode] = useState('');
  const unit = units.find((u) => u.code === unitCode) ?? units[0];

  return (
    <>
      <h1>Richiamate</h1>
      <p>
        Le richieste di essere richiamati arrivano dal centralino (IVR) e dal contact center. Le richiamate si fanno
        dalle 09:00 alle 13:00 nei giorni lavorativi dell&apos;unità (festa del patrono esclusa).
      </p>
      <ErrorDisplay error={unitsError} headingLevel={2} onRetry={refreshUnits} />
      {loading && units.length === 0 ? <Loading label="Caricamento delle unità…" /> : null}
      {!loading && units.length === 0 ? (
        <EmptyState title="Nessuna direzione provinciale o ufficio tra le tue unità" />
      ) : null}
      {unit ? (
        <>
          <div style={{ maxWidth: '32rem' }}>
            <SelectField label="Unità" value={unit.code} onChange={setUnitCode}>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {unitChoiceLabel(u)}
                </option>
              ))}
            </SelectField>
          </div>
          <UnitQueue key={unit.code} unit={unit} />
        </>
      ) : null}
    </>
  );
}

/** The orders the queue can be read in, as the server sorts them. */
const QUEUE_ORDERS = {
  oldest: { label: 'Prima le più vecchie', order: { field: 'REQUESTED_AT', direction: 'ASC' } },
  newest: { label: 'Prima le più recenti', order: { field: 'REQUESTED_AT', direction: 'DESC' } },
  available: { label: 'Prima le prime richiamabili', order: { field: 'AVAILABLE_FROM', direction: 'ASC' } },
} as const satisfies Record<string, { label: string; order: SortOrder<CallbackOrderField> }>;
type QueueOrderKey = keyof typeof QUEUE_ORDERS;

function UnitQueue({ unit }: { unit: UnitChoice }) {
  const [status, setStatus] = useState<CallbackStatus | ''>('WAITING');
  const [orderKey, setOrderKey] = useState<QueueOrderKey>('oldest');
  const [notice, setNotice] = useState<string | null>(null);
  const {
    nodes,
    fetching,
    error,
    hasNextPage,
    totalCount: total,
    loadMore,
    refresh,
  } = useConnectionQuery({
    query: CallbackQueueQuery,
    variables: { unitCode: unit.code, status: status || null, orderBy: QUEUE_ORDERS[orderKey].order },
    connection: (answer) => answer.callbacks,
  });
  const [staff] = useQuery({ query: CallbackStaffQuery, variables: { unitCode: unit.code } });
  const staffChoices: StaffChoice[] = staff.data?.callbackStaff ?? [];

  return (
    <section aria-labelledby="queue-title" className="mt-4">
      <h2 id="queue-title" className="h4">
        Coda di {unit.name}
      </h2>
      <div className="d-flex flex-wrap align-items-end gap-4">
        <div style={{ minWidth: '14rem' }}>
          <SelectField
            label="Stato"
            value={status}
            onChange={(value) => {
              setStatus(value as CallbackStatus | '');
              setNotice(null);
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {CALLBACK_STATUS_LABELS[s]}
              </option>
            ))}
            <option value="">Tutte</option>
          </SelectField>
        </div>
        <div style={{ minWidth: '14rem' }}>
          <SelectField label="Ordine" value={orderKey} onChange={(value) => setOrderKey(value as QueueOrderKey)}>
            {(Object.keys(QUEUE_ORDERS) as QueueOrderKey[]).map((key) => (
              <option key={key} value={key}>
                {QUEUE_ORDERS[key].label}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {total !== undefined ? (
        <p className="lead" data-testid="callback-total">
          {callbackTotal(total, status ? CALLBACK_STATUS_TOTAL_WORDS[status] : null)}
        </p>
      ) : null}
      <div aria-live="polite">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
      <ErrorDisplay error={error ?? staff.error} headingLevel={3} onRetry={refresh} />
      {fetching && nodes.length === 0 ? <Loading /> : null}
      {!fetching && !error && nodes.length === 0 ? <EmptyState title="Nessuna richiesta con questi filtri" /> : null}
      {nodes.length > 0 ? (
        <ul className="list-unstyled" aria-label={`Richieste di richiamata di ${unit.name}`}>
          {nodes.map((item) => (
            <QueueEntry
              key={item.id}
              item={item}
              staff={staffChoices}
              onAssigned={(name) => {
                setNotice(`«${item.topic}»: assegnata a ${name}.`);
                refresh();
              }}
              onReload={refresh}
            />
          ))}
        </ul>
      ) : null}
      {nodes.length > 0 ? (
        <LoadMore
          hasNextPage={hasNextPage}
          fetching={fetching}
          onLoadMore={loadMore}
          shown={nodes.length}
          total={total}
        />
      ) : null}
    </section>
  );
}

function QueueEntry({
  item,
  staff,
  onAssigned,
  onReload,
}: {
  item: QueueItem;
  staff: readonly StaffChoice[];
  onAssigned: (name: string) => void;
  onReload: () => void;
}) {
  return (
    <li className="border-bottom py-3">
      <h3 className="h6 mb-1">{item.topic}</h3>
      <p className="mb-1">
        {CALLBACK_STATUS_LABELS[item.status]} · richiesta il {formatDateTime(item.requestedAt)} (
        {waitingFor(item.requestedAt)}) · {item.unit?.name ?? ''}
        {item.viaIvr ? ' · dal centralino (IVR)' : ''}
      </p>
      <p className="mb-1 text-muted">
        {item.assignee ? `Assegnata a ${item.assignee.displayName}` : 'Non assegnata'} · tentativi {item.attempts}/3
        {item.phone ? (
          <>
            {' '}
            · <a href={`tel:${item.phone}`}>{item.phone}</a>
          </>
        ) : null}
      </p>
      {item.status !== 'DONE' ? (
        <p className={item.nextWindowOpensAt ? 'mb-1 text-warning' : 'mb-1 text-success'}>
          {item.nextWindowOpensAt
            ? `Fuori fascia: la prossima finestra apre ${formatDateTime(item.nextWindowOpensAt)}`
            : 'Fascia delle richiamate aperta'}
        </p>
      ) : null}
      {item.attemptHistory.length > 0 ? (
        <details>
          <summary>Tentativi ({item.attemptHistory.length})</summary>
          <ol aria-label={`Tentativi di richiamata: ${item.topic}`}>
            {item.attemptHistory.map((a) => (
              <li key={a.number}>
                {formatDateTime(a.attemptedAt)} — {CALLBACK_OUTCOME_LABELS[a.outcome]}
                {a.by ? `, ${a.by.displayName}` : ''}
                {a.note ? `: ${a.note}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {item.status !== 'DONE' ? (
        <AssignForm item={item} staff={staff} onAssigned={onAssigned} onReload={onReload} />
      ) : null}
    </li>
  );
}

/** Assign or reassign to a member of the unit's staff, picked by name. */
function AssignForm({
  item,
  staff,
  onAssigned,
  onReload,
}: {
  item: QueueItem;
  staff: readonly StaffChoice[];
  onAssigned: (name: string) => void;
  onReload: () => void;
}) {
  const [username, setUsername] = useState(item.assignee?.username ?? '');
  const [missing, setMissing] = useState(false);
  const [state, assign] = useMutation(CallbackAssignMutation);
  const fieldError = missing ? 'Scegli una persona.' : serverFieldErrors(state.error).username;
  const pickerId = `assign-${item.id}`;
  return (
    <form
      className="d-flex flex-wrap align-items-end gap-2 mt-2"
      aria-label={`Assegnazione della richiesta: ${item.topic}`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!username) {
          setMissing(true);
          return;
        }
        const result = await assign({ id: item.id, username, version: item.version });
        if (!result.error) {
          const person = staff.find((p) => p.username === username);
          onAssigned(person?.displayName ?? username);
        }
      }}
    >
      <div style={{ minWidth: '14rem' }}>
        <StaffPicker
          id={pickerId}
          label={item.assignee ? 'Riassegna a' : 'Assegna a'}
          staff={staff}
          value={username}
          onChange={(value) => {
            setUsername(value);
            setMissing(false);
          }}
          emptyLabel="Scegli una persona"
          className="select-wrapper form-group mb-0"
          hint={fieldError}
        />
      </div>
      <Button color="primary" size="sm" type="submit" disabled={state.fetching}>
        {item.assignee ? 'Riassegna' : 'Assegna'}
        <span className="visually-hidden"> la richiesta «{item.topic}»</span>
      </Button>
      {state.error && !serverFieldErrors(state.error).username ? (
        <MutationError error={state.error} onReload={onReload} headingLevel={4} />
      ) : null}
    </form>
  );
}
