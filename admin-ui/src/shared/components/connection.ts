/** The parts of a Relay connection the pagination helper needs. */
export interface Connection<N> {
  nodes: readonly N[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** How many items the whole list has, where the query asks for it. */
  totalCount?: number | null;
}

function identity(node: unknown): string | undefined {
  if (node && typeof node === 'object' && 'id' in node) {
    const id = (node as { id: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/**
 * Appends a page to what is already shown. A node already present (same `id`)
 * is not repeated: rows can shift between two page loads when data changes.
 */
export function appendPage<N>(shown: readonly N[], page: readonly N[]): N[] {
  const ids = new Set(shown.map(identity).filter((id): id is string => id !== undefined));
  return [
    ...shown,
    ...page.filter((node) => {
      const id = identity(node);
      return id === undefined || !ids.has(id);
    }),
  ];
}
