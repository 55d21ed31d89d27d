import { Link } from 'react-router';
import { useQuery } from 'urql';
import { hasErrorCode } from '../../shared/api/errors';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { UNIT_KIND_LABELS } from '../org';
import { ChildrenTable } from './ChildrenTable';
import { CsvDownload } from './CsvDownload';
import { DailyChart } from './DailyChart';
import { FigureCards } from './FigureCards';
import { formatCount, formatDay } from './format';
import { MonitoringStatsQuery } from './operations';
import { OutcomeCharts } from './OutcomeCharts';
import { PeopleFigures } from './PeopleFigures';
import { QuesitiTable } from './QuesitiTable';
import { ReportSubscriptions } from './ReportSubscriptions';
import { daysInRange } from './range';
import { ancestry, type StatsUnitChoice } from './scope';
import { monitoringHref, type Selection } from './selection';
import { dailySeries, isEmptyPeriod, showsQuesiti } from './shape';

/** The figures of the selected unit and period: cards, charts, the child units and the CSV. */
export function MonitoringReport({
  selection,
  choices,
}: {
  selection: Selection;
  choices: readonly StatsUnitChoice[];
}) {
  const { unitCode, from, to } = selection;
  const [result, reexecute] = useQuery({ query: MonitoringStatsQuery, variables: { unitCode, from, to } });
  // urql keeps the last answer while the next one loads: show only the answer to this very selection.
  const asked = result.operation?.variables;
  const current = asked?.unitCode === unitCode && asked.from === from && asked.to === to;
  const error = current ? result.error : undefined;
  const stats = current && !error ? result.data?.stats : undefined;
  const blocked = hasErrorCode(error, 'FORBIDDEN') || hasErrorCode(error, 'NOT_FOUND');

  if (error) {
    return (
      <ErrorDisplay
        error={error}
        headings={{ NOT_FOUND: 'Unità non trovata' }}
        onRetry={blocked ? undefined : () => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!stats) return <Loading label="Caricamento dei dati di monitoraggio…" />;

  const trail = ancestry(choices, stats.unit.code);
  const range = { from, to };
  return (
    <article aria-labelledby="monitoring-unit" className="mt-4">
      {trail.length > 1 ? (
        <nav aria-label="Percorso dell'unità" className="breadcrumb-container">
          <ol className="breadcrumb">
            {trail.map((unit, index) => (
              <li key={unit.code} className={`breadcrumb-item${index === trail.length - 1 ? ' active' : ''}`}>
                {index === trail.length - 1 ? (
                  <span aria-current="page">{unit.name}</span>
                ) : (
                  <>
                    <Link to={monitoringHref({ unitCode: unit.code, ...range })}>{unit.name}</Link>
                    <span className="separator" aria-hidden="true">
                      /
                    </span>
                  </>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <h2 id="monitoring-unit">{stats.unit.name}</h2>
      <p className="text-muted">
        {UNIT_KIND_LABELS[stats.unit.kind]} · {stats.unit.code} · dal {formatDay(from)} al {formatDay(to)} (
        {formatCount(daysInRange(range))} {daysInRange(range) === 1 ? 'giorno' : 'giorni'}).
        {stats.children.length > 0 ? ' I dati comprendono tutte le unità sottostanti.' : ''}
      </p>
      <CsvDownload key={`${unitCode}:${from}:${to}`} selection={selection} />

      {isEmptyPeriod(stats.figures) ? (
        <EmptyState title="Nessuna attività nel periodo">
          Nessuna prenotazione, sessione di sportello, richiamata o quesito per {stats.unit.name} in questo periodo.
        </EmptyState>
      ) : null}
      <FigureCards figures={stats.figures} />
      {showsQuesiti(stats.unit.kind, stats.figures) ? <QuesitiTable figures={stats.figures} /> : null}

      {isEmptyPeriod(stats.figures) ? null : (
        <section className="my-5" aria-labelledby="monitoring-charts">
          <h3 id="monitoring-charts" className="h4">
            Grafici
          </h3>
          <DailyChart points={dailySeries(stats.daily)} />
          <OutcomeCharts appointments={stats.figures.appointments} />
        </section>
      )}

      <PeopleFigures selection={selection} />

      {/* An office has no units below it: no box saying so. */}
      {stats.children.length > 0 ? (
        <ChildrenTable unitName={stats.unit.name} rows={stats.children} total={stats.figures} range={range} />
      ) : null}

      <ReportSubscriptions unitCode={stats.unit.code} unitName={stats.unit.name} />
    </article>
  );
}
