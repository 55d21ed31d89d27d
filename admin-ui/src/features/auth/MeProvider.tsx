import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { MeContext } from './meContext';
import { MeShowQuery } from './operations';

/** Loads the signed-in person once; the whole signed-in app reads it with useMe(). */
export function MeProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeShowQuery });
  if (data?.me) return <MeContext.Provider value={data.me}>{children}</MeContext.Provider>;
  if (error) {
    return (
      <main id="contenuto" className="container my-5">
        <ErrorDisplay error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </main>
    );
  }
  return (
    <main id="contenuto" className="container my-5">
      {fetching ? <Loading /> : null}
    </main>
  );
}
