import { Alert, Button } from 'design-react-kit';
import type { CombinedError } from 'urql';
import { problemsOf, type ErrorKind } from '../api/errors';
import { ERROR_HEADINGS, FALLBACK_MESSAGES } from './errorHeadings';

export interface ErrorDisplayProps {
  error: CombinedError | null | undefined;
  /** Headings to use instead of the defaults for some codes, e.g. `{ NOT_FOUND: 'Unità non trovata' }`. */
  headings?: Partial<Record<ErrorKind, string>>;
  /** Heading level that fits where the error is shown (default 2). */
  headingLevel?: 2 | 3 | 4;
  onRetry?: () => void;
}

/** An API error as an alert: an Italian heading per code and the server's own message. */
export function ErrorDisplay({ error, headings, headingLevel = 2, onRetry }: ErrorDisplayProps) {
  const problems = problemsOf(error);
  if (problems.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <Alert color="danger" fade={false} className="my-3">
      {problems.map((problem, index) => (
        <div key={index} data-error-code={problem.kind}>
          <Heading className="h5 alert-heading">{headings?.[problem.kind] ?? ERROR_HEADINGS[problem.kind]}</Heading>
          <p className="mb-0">{problem.message ?? FALLBACK_MESSAGES[problem.kind] ?? ''}</p>
        </div>
      ))}
      {onRetry ? (
        <Button color="primary" outline size="sm" className="mt-3" onClick={onRetry}>
          Riprova
        </Button>
      ) : null}
    </Alert>
  );
}
