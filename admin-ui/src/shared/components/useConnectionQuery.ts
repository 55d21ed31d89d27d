import { useCallback, useState } from 'react';
import { useQuery, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';
import { appendPage, type Connection } from './connection';

export const DEFAULT_PAGE_SIZE = 50;
/** The largest `first` the API accepts. */
export const MAX_PAGE_SIZE = 100;

type PageVariables = { first?: number | null; after?: string | null };

interface Options<Data, Vars extends AnyVariables & PageVariables, Node> {
  query: TypedDocumentNode<Data, Vars>;
  /** The query's variables other than `first` and `after`. */
  variables: Omit<Vars, 'first' | 'after'>;
  /** Picks the connection out of the query's data. */
  connection: (data: Data) => Connection<Node> | null | undefined;
  pageSize?: number;
  pause?: boolean;
}

export interface ConnectionQueryResult<Node> {
  nodes: Node[];
  /** True while any page (the first or a further one) is loading. */
  fetching: boolean;
  error: CombinedError | undefined;
  hasNextPage: boolean;
  /** How many items the whole list has (the last page's `totalCount`), when the query asks for it. */
  totalCount: number | undefined;
  /** Loads the next page and appends it ("Carica altri"). */
  loadMore: () => void;
  /** Reloads from the first page, bypassing the cache. */
  refresh: () => void;
}

/**
 * Runs a query over a Relay connection page by page, keeping the pages already
 * loaded. Changing `variables` starts again from the first page.
 */
export function useConnectionQuery<Data, Vars extends AnyVariables & PageVariables, Node>({
  query,
  variables,
  connection,
  pageSize = DEFAULT_PAGE_SIZE,
  pause,
}: Options<Data, Vars, Node>): ConnectionQueryResult<Node> {
  const key = stableKey(variables);
  const [state, setState] = useState<{ key: string; earlier: Node[]; after: string | null }>({
    key,
    earlier: [],
    after: null,
  });
  // New filters: forget the pages of the old ones (state reset during render, as React recommends).
  const current = state.key === key ? state : { key, earlier: [], after: null };
  if (current !== state) setState(current);

  const [result, reexecute] = useQuery<Data, Vars>({
    query,
    variables: { ...variables, first: pageSize, after: current.after } as unknown as Vars,
    pause,
  });

  // urql keeps the previous data while the next operation loads: use only an
  // answer to these very filters and this very page.
  const resultVariables = (result.operation?.variables ?? {}) as PageVariables & Record<string, unknown>;
  const { first: _first, after: resultAfter = null, ...resultFilters } = resultVariables;
  const isCurrentAnswer = resultAfter === current.after && stableKey(resultFilters) === key;
  const page = result.data && isCurrentAnswer ? connection(result.data) : null;
  const nodes = page ? appendPage(current.earlier, page.nodes) : current.earlier;
  const endCursor = page?.pageInfo.endCursor ?? null;
  const hasNextPage = !!page?.pageInfo.hasNextPage && endCursor !== null;
  const [lastTotal, setLastTotal] = useState<{ key: string; total: number } | null>(null);
  const pageTotal = page?.totalCount ?? undefined;
  // Keep the total while a further page loads (no answer yet) and forget it with the filters.
  if (pageTotal !== undefined && (lastTotal?.key !== key || lastTotal.total !== pageTotal)) {
    setLastTotal({ key, total: pageTotal });
  }
  const totalCount = pageTotal ?? (lastTotal?.key === key ? lastTotal.total : undefined);

  const loadMore = useCallback(() => {
    if (!hasNextPage || result.fetching) return;
    setState({ key, earlier: nodes, after: endCursor });
  }, [endCursor, hasNextPage, key, nodes, result.fetching]);

  const refresh = useCallback(() => {
    if (current.after === null) reexecute({ requestPolicy: 'network-only' });
    else setState({ key, earlier: [], after: null });
  }, [current.after, key, reexecute]);

  return { nodes, fetching: result.fetching, error: result.error, hasNextPage, totalCount, loadMore, refresh };
}

/** JSON with object keys sorted, so equal variables give equal keys whatever their order. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
