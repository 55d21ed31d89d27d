import { Badge } from 'design-react-kit';
import { useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import type { PrecallResult } from '../../gql/graphql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SelectField } from '../../shared/components/SelectField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { formatDate, formatTime } from '../../shared/format/calendar';
import { PRECALL_REASON_LABELS, PRECALL_RESULT_LABELS } from '../appointments';
import { BoardDaysTable } from './BoardDaysTable';
import { DayListDownload } from './DayListDownload';
import { RESULT_FILTER_LABELS } from './labels';
import {
  OfficeBoardAlarmsQuery,
  OfficeBoardBookingsQuery,
  OfficeBoardDaysQuery,
  OfficeBoardNoReplyQuery,
  OfficeBoardStaffQuery,
} from './operations';
import { useRefreshOn } from './useOfficeBoardChanges';

const DAY_CHOICES = [4, 7, 14, 24];
const RESULTS = Object.keys(RESULT_FILTER_LABELS) as PrecallResult[];

/**
 * "Prossimi giorni" on Giornata d'ufficio (seed 000 §I.2, §II.A): the office's
 * precall board over the next days, the alarms (within 3 working days and not
 * reached), the pre-contact e-mails without reply, the bookings by precall
 * result, and the day list as CSV or Excel. Every part reads again when
 * `changes` moves (the office's bookings changed: `useOfficeBoardChanges`),
 * keeping the choices made and what is shown meanwhile.
 */
export function OfficeBoardPanel({
  unitId,
  officeCode,
  changes = 0,
}: {
  unitId: string;
  officeCode: string;
  changes?: number;
}) {
  const [days, setDays] = useState(4);
  const [assignee, setAssignee] = useState('');
  const [result, setResult] = useState<PrecallResult | ''>('');
  const common = { unitId, days, assignee: assignee || null };
  const [board, reexecute] = useQuery({ query: OfficeBoardDaysQuery, variables: common });
  const [staff] = useQuery({ query: OfficeBoardStaffQuery, variables: { officeCode } });
  const data = board.data?.officeBoard;
  useRefreshOn(changes, () => reexecute({ requestPolicy: 'network-only' }));

  return (
    <section aria-labelledby="board-title" className="my-5">
      <h2 id="board-title" className="h4">
        Prossimi giorni
      </h2>
      {/* Bootstrap Italia lifts the select labels above their box: leave them room under the heading. */}
      <div className="row g-3 mt-3">
        <div className="col-12 col-md-4">
          <SelectField label="Giorni da mostrare" value={String(days)} onChange={(v) => setDays(Number(v))}>
            {DAY_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n} giorni
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <SelectField label="Assegnatario delle prechiamate" value={assignee} onChange={setAssignee}>
            <option value="">Tutti</option>
            {(staff.data?.officeStaff ?? []).map((p) => (
              <option key={p.username} value={p.username}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <ErrorDisplay error={board.error} headingLevel={3} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {board.fetching && !data ? <Loading /> : null}
      {data ? <BoardDaysTable board={data} /> : null}
      {data ? <DayListDownload unitId={unitId} officeCode={officeCode} days={data.days.map((d) => d.date)} /> : null}
      <Alarms variables={common} total={data?.alarms.totalCount} changes={changes} />
      <NoReply variables={common} total={data?.noReply.totalCount} changes={changes} />
      <section aria-labelledby="board-results" className="my-4">
        <h3 id="board-results" className="h5">
          Esiti delle prechiamate
        </h3>
        <div className="col-12 col-md-6 px-0 mt-4">
          <SelectField label="Esito del contatto" value={result} onChange={(v) => setResult(v as PrecallResult | '')}>
            <option value="">Tutti gli esiti</option>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {RESULT_FILTER_LABELS[r]}
              </option>
            ))}
          </SelectField>
        </div>
        <Bookings variables={{ ...common, result: result || null }} changes={changes} />
      </section>
    </section>
  );
}

type Common = { unitId: string; days: number; assignee: string | null };

function Item({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <li className="border rounded p-2 mb-2">
      <div className="fw-semibold">{title}</div>
      <div className="small">{children}</div>
    </li>
  );
}

function Total({ count, what }: { count: number | undefined; what: string }) {
  // Nothing to count: the list's empty state says so.
  return !count ? null : <p className="mb-2" aria-live="polite">{`${count} ${what}`}</p>;
}

function Alarms({ variables, total, changes }: { variables: Common; total: number | undefined; changes: number }) {
  const { nodes, fetching, error, hasNextPage, loadMore, refresh } = useConnectionQuery({
    query: OfficeBoardAlarmsQuery,
    variables,
    connection: (data) => data.officeBoard.alarms,
  });
  useRefreshOn(changes, refresh);
  return (
    <section aria-labelledby="board-alarms" className="my-4">
      <h3 id="board-alarms" className="h5">
        Allarmi: prechiamate entro 3 giorni lavorativi non ancora riuscite
      </h3>
      <ErrorDisplay error={error} headingLevel={4} onRetry={refresh} />
      {fetching && nodes.length === 0 ? <Loading /> : null}
      {!fetching && !error && nodes.length === 0 ? <EmptyState title="Nessun allarme: tutti contattati" /> : null}
      <Total count={total} what="prenotazioni in allarme" />
      <ul className="list-unstyled" aria-label="Allarmi">
        {nodes.map(({ appointment: a, notEvenAssigned, attempted }) => (
          <Item
            key={a.id}
            title={
              <>
                {formatDate(a.date)} {formatTime(a.time)} · n. {a.cupNumber}{' '}
                {notEvenAssigned ? <Badge color="danger">Non ancora assegnata</Badge> : null}
              </>
            }
          >
            {a.citizenName ?? ''} {a.service ? `· ${a.service.name}` : ''}
            <br />
            {a.precall.assignee ? `Assegnata a ${a.precall.assignee.displayName}` : 'Nessun assegnatario'}
            {attempted && a.precall.reason ? ` · tentata: ${PRECALL_REASON_LABELS[a.precall.reason]}` : ''}
          </Item>
        ))}
      </ul>
      {nodes.length > 0 ? (
        <LoadMore hasNextPage={hasNextPage} fetching={fetching} onLoadMore={loadMore} shown={nodes.length} />
      ) : null}
    </section>
  );
}

function NoReply({ variables, total, changes }: { variables: Common; total: number | undefined; changes: number }) {
  const { nodes, fetching, error, hasNextPage, loadMore, refresh } = useConnectionQuery({
    query: OfficeBoardNoReplyQuery,
    variables,
    connection: (data) => data.officeBoard.noReply,
  });
  useRefreshOn(changes, refresh);
  return (
    <section aria-labelledby="board-noreply" className="my-4">
      <h3 id="board-noreply" className="h5">
        E-mail di precontatto senza risposta, da prechiamare
      </h3>
      <ErrorDisplay error={error} headingLevel={4} onRetry={refresh} />
      {fetching && nodes.length === 0 ? <Loading /> : null}
      {!fetching && !error && nodes.length === 0 ? (
        <EmptyState title="Nessuna e-mail di precontatto in attesa di risposta" />
      ) : null}
      <Total count={total} what="e-mail senza risposta" />
      <ul className="list-unstyled" aria-label="E-mail senza risposta">
        {nodes.map((a) => (
          <Item key={a.id} title={`${formatDate(a.date)} ${formatTime(a.time)} · n. ${a.cupNumber}`}>
            {a.citizenName ?? ''}
            {a.precontact.sentAt
              ? ` · e-mail inviata il ${new Date(a.precontact.sentAt).toLocaleDateString('it-IT')}`
              : ''}
            <br />
            {a.precall.assignee ? `Prechiamata di ${a.precall.assignee.displayName}` : 'Prechiamata non assegnata'}
          </Item>
        ))}
      </ul>
      {nodes.length > 0 ? (
        <LoadMore hasNextPage={hasNextPage} fetching={fetching} onLoadMore={loadMore} shown={nodes.length} />
      ) : null}
    </section>
  );
}

function Bookings({ variables, changes }: { variables: Common & { result: PrecallResult | null }; changes: number }) {
  const { nodes, fetching, error, hasNextPage, loadMore, refresh } = useConnectionQuery({
    query: OfficeBoardBookingsQuery,
    variables,
    connection: (data) => data.officeBoard.bookings,
  });
  useRefreshOn(changes, refresh);
  return (
    <>
      <ErrorDisplay error={error} headingLevel={4} onRetry={refresh} />
      {fetching && nodes.length === 0 ? <Loading /> : null}
      {!fetching && !error && nodes.length === 0 ? <EmptyState title="Nessuna prenotazione con questo esito" /> : null}
      <ul className="list-unstyled" aria-label="Prenotazioni per esito">
        {nodes.map((a) => (
          <Item key={a.id} title={`${formatDate(a.date)} ${formatTime(a.time)} · n. ${a.cupNumber}`}>
            {a.citizenName ?? ''} {a.service ? `· ${a.service.name}` : ''}
            <br />
            {a.precall.result ? PRECALL_RESULT_LABELS[a.precall.result] : 'Nessun esito'}
            {a.precall.assignee ? ` · ${a.precall.assignee.displayName}` : ''}
          </Item>
        ))}
      </ul>
      {nodes.length > 0 ? (
        <LoadMore hasNextPage={hasNextPage} fetching={fetching} onLoadMore={loadMore} shown={nodes.length} />
      ) : null}
    </>
  );
}
