import { Button } from 'design-react-kit';

interface LoadMoreProps {
  hasNextPage: boolean;
  fetching: boolean;
  onLoadMore: () => void;
  /** How many items are shown, announced after each load. */
  shown: number;
}

/** The "Carica altri" button under a paginated list, with a live count of what is shown. */
export function LoadMore({ hasNextPage, fetching, onLoadMore, shown }: LoadMoreProps) {
  return (
    <div className="d-flex align-items-center gap-3 my-3">
      <span className="text-muted" aria-live="polite">
        {shown === 1 ? '1 elemento mostrato' : `${shown} elementi mostrati`}
      </span>
      {hasNextPage ? (
        <Button color="primary" outline size="sm" onClick={onLoadMore} disabled={fetching} aria-busy={fetching}>
          {fetching ? 'Caricamento…' : 'Carica altri'}
        </Button>
      ) : null}
    </div>
  );
}
