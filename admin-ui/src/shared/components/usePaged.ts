import { useState } from 'react';

/** Shows a list that the API gives whole (e.g. the worklist) a page at a time, with `LoadMore`. */
export function usePaged<T>(items: readonly T[], pageSize = 20) {
  const [pages, setPages] = useState(1);
  const shown = items.slice(0, pages * pageSize);
  return {
    shown,
    hasNextPage: shown.length < items.length,
    loadMore: () => setPages((p) => p + 1),
  };
}
