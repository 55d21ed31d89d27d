import type { CombinedError } from 'urql';
import { ErrorDisplay } from './ErrorDisplay';

/** The heading for a stale write (optimistic versioning): someone else changed the record first. */
export const CONFLICT_HEADING = 'Modificato da un altro utente: ricarica';

/** A mutation's error, with the CONFLICT case worded for people and a "Ricarica" action. */
export function MutationError({
  error,
  onReload,
  headingLevel = 3,
}: {
  error: CombinedError | null | undefined;
  onReload?: () => void;
  headingLevel?: 2 | 3 | 4;
}) {
  return (
    <ErrorDisplay
      error={error}
      headingLevel={headingLevel}
      headings={{ CONFLICT: CONFLICT_HEADING }}
      onRetry={onReload}
    />
  );
}
