import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { FollowUpOrderField, FollowUpStatus } from '../../gql/graphql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { CheckboxField } from '../../shared/components/fields';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { MutationError } from '../../shared/components/MutationError';
import { SelectField } from '../../shared/components/SelectField';
import type { SortOrder } from '../../shared/components/SortableHeader';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import { FollowUpItem, followUpName, type FollowUp } from './FollowUpItem';
import { FOLLOW_UP_STATUS_LABELS, followUpTotals } from './labels';
import {
  FollowUpAssignMutation,
  FollowUpCancelMutation,
  FollowUpListQuery,
  FollowUpTotalsQuery,
  OfficeStaffListQuery,
} from './operations';
import { TextDialog } from './TextDialog';

const STATUSES = Object.keys(FOLLOW_UP_STATUS_LABELS) as FollowUpStatus[];

/** The orders the office's items can be read in, as the server sorts them. */
const ORDERS = {
  due: { label: 'Prima le più urgenti', order: { field: 'DUE_ON', direction: 'ASC' } },
  citizen: { label: 'Per cittadino (A–Z)', order: { field: 'CITIZEN_NAME', direction: 'ASC' } },
  newest: { label: 'Prima le più recenti', order: { field: 'CREATED_AT', direction: 'DESC' } },
} as const satisfies Record<string, { label: string; order: SortOrder<FollowUpOrderField> }>;
type OrderKey = keyof typeof ORDERS;

/**
 * The office's follow-up items for its director and room coordinator: totals,
 * filters (status, only the overdue), assignment to a member of the staff and
 * cancellation with a reason. `readOnly` shows them without the actions.
 */
export function OfficeFollowUpsPanel({ officeCode, readOnly }: { officeCode: string; readOnly?: boolean }) {
  const [status, setStatus] = useState<FollowUpStatus | ''>('OPEN');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [orderKey, setOrderKey] = useState<OrderKey>('due');
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: FollowUpListQuery,
    variables: {
      officeCode,
      status: status || null,
      overdueOnly: overdueOnly || null,
      orderBy: ORDERS[orderKey].order,
    },
    connection: (data) => data.followUps,
  });
  const [totals, reexecuteTotals] = useQuery({ query: FollowUpTotalsQuery, variables: { officeCode } });
  const [staff] = useQuery({ query: OfficeStaffListQuery, variables: { officeCode }, pause: readOnly });
  const [, cancel] = useMutation(FollowUpCancelMutation);
  const [cancelling, setCancelling] = useState<FollowUp | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => {
    refresh();
    reexecuteTotals({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-labelledby="day-followups" className="my-5">
      <h2 id="day-followups" className="h4">
        Attività da completare
      </h2>
      {totals.data ? (
        <p className="lead" data-testid="followup-totals">
          {followUpTotals(totals.data.open.totalCount, totals.data.late.totalCount)}
        </p>
      ) : null}
      <div className="d-flex flex-wrap align-items-end gap-4">
        <div style={{ minWidth: '14rem' }}>
          <SelectField
            label="Stato delle attività"
            value={status}
            onChange={(value) => setStatus(value as FollowUpStatus | '')}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {FOLLOW_UP_STATUS_LABELS[s]}
              </option>
            ))}
            <option value="">Tutte</option>
          </SelectField>
        </div>
        <div style={{ minWidth: '14rem' }}>
          <SelectField label="Ordine" value={orderKey} onChange={(value) => setOrderKey(value as OrderKey)}>
            {(Object.keys(ORDERS) as OrderKey[]).map((key) => (
              <option key={key} value={key}>
                {ORDERS[key].label}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField label="solo in ritardo" checked={overdueOnly} onChange={setOverdueOnly} />
      </div>
      <div aria-live="polite">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
      <ErrorDisplay error={error ?? totals.error} headingLevel={3} onRetry={reload} />
      {fetching && nodes.length === 0 ? <Loading /> : null}
      {!fetching && !error && nodes.length === 0 ? <EmptyState title="Nessuna attività con questi filtri" /> : null}
      {nodes.length > 0 ? (
        <ul className="list-unstyled" aria-label="Attività dell'ufficio">
          {nodes.map((item) => (
            <FollowUpItem key={item.id} item={item} showAssignee>
              {item.status === 'OPEN' && !readOnly ? (
                <div className="d-flex flex-wrap align-items-end gap-3 mt-4">
                  <AssignForm
                    item={item}
                    staff={staff.data?.officeStaff ?? []}
                    onAssigned={(name) => {
                      setNotice(`${followUpName(item)}: assegnata a ${name}.`);
                      reload();
                    }}
                    onReload={reload}
                  />
                  <Button
                    color="danger"
                    outline
                    size="sm"
                    className="mb-4"
                    onClick={() => {
                      setNotice(null);
                      setCancelling(item);
                    }}
                  >
                    Annulla attività<span className="visually-hidden"> di {followUpName(item)}</span>
                  </Button>
                </div>
              ) : null}
            </FollowUpItem>
          ))}
        </ul>
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
      {cancelling ? (
        <TextDialog
          title={`Annulla l'attività: ${followUpName(cancelling)}`}
          label="Perché non serve più"
          field="outcome"
          confirmLabel="Annulla attività"
          confirmColor="danger"
          onClose={() => setCancelling(null)}
          onReload={reload}
          onSubmit={async (reason) => {
            const result = await cancel({ id: cancelling.id, version: cancelling.version, reason });
            if (!result.error) {
              setNotice(`${followUpName(cancelling)}: attività annullata.`);
              setCancelling(null);
              reload();
            }
            return result;
          }}
        />
      ) : null}
    </section>
  );
}

/** Assign to a member of the office's staff, picked by name. */
function AssignForm({
  item,
  staff,
  onAssigned,
  onReload,
}: {
  item: FollowUp;
  staff: readonly { username: string; displayName: string }[];
  onAssigned: (name: string) => void;
  onReload: () => void;
}) {
  const [username, setUsername] = useState(item.assignee ?? '');
  const [state, assign] = useMutation(FollowUpAssignMutation);
  const [missing, setMissing] = useState(false);
  const fieldError = missing ? 'Scegli una persona.' : serverFieldErrors(state.error).username;
  const known = staff.some((person) => person.username === username);
  return (
    <form
      className="d-flex flex-wrap align-items-end gap-2"
      aria-label={`Assegnazione di ${followUpName(item)}`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!username) {
          setMissing(true);
          return;
        }
        const result = await assign({ id: item.id, version: item.version, username });
        if (!result.error) {
          const person = staff.find((p) => p.username === username);
          onAssigned(person ? `${person.displayName} (${person.username})` : username);
        }
      }}
    >
      <div style={{ minWidth: '14rem' }}>
        <SelectField
          label="Assegna a"
          value={known || !username ? username : ''}
          onChange={(value) => {
            setUsername(value);
            setMissing(false);
          }}
          error={fieldError}
        >
          <option value="">Scegli una persona</option>
          {staff.map((person) => (
            <option key={person.username} value={person.username}>
              {person.displayName} ({person.username})
            </option>
          ))}
        </SelectField>
      </div>
      <Button color="primary" size="sm" type="submit" className="mb-4" disabled={state.fetching}>
        Assegna<span className="visually-hidden"> l&apos;attività di {followUpName(item)}</span>
      </Button>
      {state.error && !serverFieldErrors(state.error).username ? (
        <MutationError error={state.error} onReload={onReload} headingLevel={4} />
      ) : null}
    </form>
  );
}
