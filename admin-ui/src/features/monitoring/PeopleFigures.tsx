import { useQuery } from 'urql';
import type { CounterOutcome, MonitoringPeopleQuery as Answer } from '../../gql/graphql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { ClassificationCounts } from './ClassificationCounts';
import { formatCount, formatHours, formatShare } from './format';
import { COUNTER_OUTCOME_ORDER, FIGURE_LABELS as L } from './labels';
import { MonitoringPeopleQuery } from './operations';
import { PeopleTable, type PersonColumn } from './PeopleTable';
import type { Selection } from './selection';

type Operator = Answer['stats']['operators'][number];
type Expert = Answer['stats']['experts'][number];

const minutes = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** `7.5` → `7,5 min`; `—` without sessions timed. */
export function formatMinutes(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${minutes.format(value)} min`;
}

/** The counter outcomes' column headers (short: the table is wide). */
const OUTCOME_COLUMNS: Record<CounterOutcome, string> = {
  COMPLETED: 'Concluse',
  TRANSFERRED_TO_BACK_OFFICE: 'Trasferite al back office',
  NO_SHOW: 'Mancate presentazioni',
  NOT_DELIVERABLE: 'Non erogabili',
};

const count = (n: number) => formatCount(n);
const sessionsWith = (row: Operator, outcome: CounterOutcome) =>
  row.sessionsByOutcome.find((c) => c.outcome === outcome)?.count ?? 0;

const OPERATOR_COLUMNS: PersonColumn<Operator>[] = [
  {
    key: 'precallsAssigned',
    label: 'Prechiamate assegnate',
    value: (r) => r.precallsAssigned,
    format: (r) => count(r.precallsAssigned),
    summed: true,
  },
  {
    key: 'precallsDone',
    label: 'Prechiamate fatte',
    value: (r) => r.precallsDone,
    format: (r) => count(r.precallsDone),
    summed: true,
  },
  {
    key: 'precallsInTime',
    label: 'In tempo (3 giorni prima)',
    value: (r) => r.precallsInTime,
    format: (r) => count(r.precallsInTime),
    summed: true,
  },
  {
    key: 'precallsInTimeShare',
    label: 'Quota in tempo',
    value: (r) => r.precallsInTimeShare ?? null,
    format: (r) => formatShare(r.precallsInTimeShare),
  },
  { key: 'sessions', label: L.sessions, value: (r) => r.sessions, format: (r) => count(r.sessions), summed: true },
  ...COUNTER_OUTCOME_ORDER.map((outcome): PersonColumn<Operator> => ({
    key: outcome,
    label: OUTCOME_COLUMNS[outcome],
    value: (r) => sessionsWith(r, outcome),
    format: (r) => count(sessionsWith(r, outcome)),
    summed: true,
  })),
  {
    key: 'medianSessionMinutes',
    label: 'Durata mediana',
    value: (r) => r.medianSessionMinutes ?? null,
    format: (r) => formatMinutes(r.medianSessionMinutes),
  },
  {
    key: 'sessionsOver15Minutes',
    label: 'Oltre 15 minuti',
    value: (r) => r.sessionsOver15Minutes,
    format: (r) => count(r.sessionsOver15Minutes),
    summed: true,
  },
  {
    key: 'followUpsOpen',
    label: 'Attività successive aperte',
    value: (r) => r.followUpsOpen,
    format: (r) => count(r.followUpsOpen),
    summed: true,
  },
  {
    key: 'followUpsOverdue',
    label: 'In ritardo',
    value: (r) => r.followUpsOverdue,
    format: (r) => count(r.followUpsOverdue),
    summed: true,
  },
];

const EXPERT_COLUMNS: PersonColumn<Expert>[] = [
  { key: 'taken', label: 'Presi in carico', value: (r) => r.taken, format: (r) => count(r.taken), summed: true },
  { key: 'answered', label: 'Risposti', value: (r) => r.answered, format: (r) => count(r.answered), summed: true },
  {
    key: 'medianAnswerHours',
    label: L.quesitiMedianAnswer,
    value: (r) => r.medianAnswerHours ?? null,
    format: (r) => formatHours(r.medianAnswerHours),
  },
  {
    key: 'slaBreaches',
    label: L.quesitiSlaBreaches,
    value: (r) => r.slaBreaches,
    format: (r) => count(r.slaBreaches),
    summed: true,
  },
  {
    key: 'openNow',
    label: 'In lavorazione ora',
    value: (r) => r.openNow,
    format: (r) => count(r.openNow),
    summed: true,
  },
];

/**
 * The figures per person of the selection (issue 18): per operator of the
 * offices, per expert of the CRIC, and the quesiti per classification. Each
 * part shows only when it has rows: an office has no experts, a CRIC no operators.
 */
export function PeopleFigures({ selection }: { selection: Selection }) {
  const { unitCode, from, to } = selection;
  const [result, reexecute] = useQuery({ query: MonitoringPeopleQuery, variables: { unitCode, from, to } });
  const asked = result.operation?.variables;
  const current = asked?.unitCode === unitCode && asked.from === from && asked.to === to;
  if (current && result.error) {
    return <ErrorDisplay error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const stats = current ? result.data?.stats : undefined;
  if (!stats) return <Loading label="Caricamento dei dati per persona…" />;
  return (
    <>
      {stats.operators.length > 0 ? (
        <PeopleTable
          id="monitoring-operators"
          title="Dati per operatore"
          noun={['operatore', 'operatori']}
          personLabel="Operatore"
          rows={stats.operators}
          columns={OPERATOR_COLUMNS}
        />
      ) : null}
      {stats.experts.length > 0 ? (
        <PeopleTable
          id="monitoring-experts"
          title="Dati per esperto CRIC"
          noun={['esperto', 'esperti']}
          personLabel="Esperto"
          rows={stats.experts}
          columns={EXPERT_COLUMNS}
        />
      ) : null}
      {stats.classifications.length > 0 ? <ClassificationCounts rows={stats.classifications} /> : null}
    </>
  );
}
