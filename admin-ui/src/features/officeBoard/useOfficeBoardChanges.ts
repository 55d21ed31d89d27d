import { useEffect, useRef, useState } from 'react';
import { useSubscription } from 'urql';
import { OfficeBoardChangedSubscription } from './operations';

/** After a change, how long the board waits for more before reading again. */
export const QUIET_MS = 1000;
/** However long a burst of changes lasts, the board reads again at least this often. */
export const MAX_WAIT_MS = 5000;

/**
 * Counts the changes of an office's bookings that the API pushes
 * (`officeBoardChanged`, over its WebSocket), debounced: a burst (a CUP
 * import, twenty precalls assigned at once, several operators at work) counts
 * once, `QUIET_MS` after its last change or `MAX_WAIT_MS` after its first.
 * Screens pass the count to `useRefreshOn` to read again without a reload.
 */
export function useOfficeBoardChanges(unitId: string | undefined): number {
  const [changes, setChanges] = useState(0);
  const [{ data }] = useSubscription({
    query: OfficeBoardChangedSubscription,
    variables: { unitId: unitId ?? '' },
    pause: !unitId,
  });
  const change = data?.officeBoardChanged;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const burstStart = useRef<number | null>(null);
  useEffect(() => {
    if (!change) return;
    const now = Date.now();
    burstStart.current ??= now;
    clearTimeout(timer.current);
    const wait = Math.max(0, Math.min(QUIET_MS, burstStart.current + MAX_WAIT_MS - now));
    timer.current = setTimeout(() => {
      burstStart.current = null;
      setChanges((n) => n + 1);
    }, wait);
  }, [change]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return changes;
}

/** Calls `refresh` each time `changes` moves (not when mounted). */
export function useRefreshOn(changes: number, refresh: () => void) {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => {
    if (changes > 0) latest.current();
  }, [changes]);
}
