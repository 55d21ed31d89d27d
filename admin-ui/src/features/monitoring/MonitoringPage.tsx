import { Alert } from 'design-react-kit';
import './monitoring.css';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { todayInRome } from '../../shared/format/calendar';
import { useMe } from '../auth';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useVisibleUnits } from '../org';
import { MonitoringFilters } from './MonitoringFilters';
import { MonitoringReport } from './MonitoringReport';
import { validateRange } from './range';
import { statsUnitChoices, topStatsUnitCode } from './scope';
import { selectionFrom, selectionSearch, type Selection } from './selection';

/**
 * "Monitoraggio" (docs/domain.md §7): the figures of a unit within the director's
 * scope for a period, kept in the address (`unita`, `dal`, `al`) so that
 * drill-down links, bookmarks and the back button work.
 */
export function MonitoringPage() {
  usePageTitle('Monitoraggio');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { complete, ...selection } = selectionFrom(params, topStatsUnitCode(me.assignments), todayInRome());
  const search = selectionSearch(selection);

  // Name the defaults in the address, so what is shown can be bookmarked as it is.
  useEffect(() => {
    if (!complete && selection.unitCode) setParams(search, { replace: true });
  }, [complete, search, selection.unitCode, setParams]);

  const visible = useVisibleUnits();
  const choices = statsUnitChoices(visible.units, me.assignments);
  const rangeErrors = Object.values(validateRange(selection));

  return (
    <>
      <h1>Monitoraggio</h1>
      <p>
        Prenotazioni, prechiamate, sportello, richiamate e quesiti al CRIC delle unità di tua competenza, per il periodo
        scelto (giorni dell'ora italiana, estremi compresi).
      </p>
      <MonitoringFilters
        key={search}
        initial={selection}
        units={choices}
        unitsLoading={visible.loading}
        onApply={(chosen: Selection) => setParams(selectionSearch(chosen))}
      />
      <ErrorDisplay error={visible.error} onRetry={visible.refresh} />
      {!selection.unitCode ? (
        <EmptyState title="Nessuna unità di cui vedere i dati">
          I tuoi ruoli non comprendono la lettura dei dati di monitoraggio.
        </EmptyState>
      ) : rangeErrors.length > 0 ? (
        <Alert color="danger" fade={false} className="my-3">
          <h2 className="h5 alert-heading">Periodo non valido</h2>
          {rangeErrors.map((message) => (
            <p key={message} className="mb-0">
              {message}
            </p>
          ))}
        </Alert>
      ) : (
        <MonitoringReport selection={selection} choices={choices} />
      )}
    </>
  );
}
