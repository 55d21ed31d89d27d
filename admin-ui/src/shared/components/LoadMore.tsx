import { Button } from 'design-react-kit';

interface LoadMoreProps {
  hasNextPage: boolean;
  fetching: boolean;
  onLoadMore: () => void;
  /** How many items are shown, announced after each load. */
  shown: number;
  /** How many the whole list has, when known. */
  total?: number;
}

/** The "Carica altri" button under a paginated list, with a live count of what is shown (of how many). */
export function LoadMore({ hasNextPage, fetching, onLoadMore, shown, total }: LoadMoreProps) {
  return (
    <div className="d-flex align-items-center gap-3 my-3">
      <span className="text-muted" aria-live="polite">
        {shownText(shown, total)}
      </span>
      {hasNextPage ? (
        <Button color="primary" outline size="sm" onClick={onLoadMore} disabled={fetching} aria-busy={fetching}>
          {fetching ? 'Caricamento…' : 'Carica altri'}
        </Button>
      ) : null}
    </div>
  );
}

export function shownText(shown: number, total: number | undefined): string {
  if (total !== undefined && total > shown) return `${shown} di ${total} elementi mostrati`;
  if (total !== undefined) return total === 1 ? '1 elemento in tutto' : `${total} elementi in tutto`;
  return shown === 1 ? '1 elemento mostrato' : `${shown} elementi mostrati`;
}
