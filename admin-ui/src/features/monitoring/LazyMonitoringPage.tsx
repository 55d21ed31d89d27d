import { lazy, Suspense } from 'react';
import { Loading } from '../../shared/components/Loading';

// The screen and its charts (recharts, ~400 kB) load only when a director opens it.
const MonitoringPage = lazy(() => import('./MonitoringPage').then((module) => ({ default: module.MonitoringPage })));

/** "Monitoraggio", loaded on first use. */
export function LazyMonitoringPage() {
  return (
    <Suspense fallback={<Loading label="Caricamento del monitoraggio…" />}>
      <MonitoringPage />
    </Suspense>
  );
}
