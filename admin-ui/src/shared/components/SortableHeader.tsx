import { useState, type ReactNode } from 'react';
import type { SortDirection } from '../../gql/graphql';

/** A list's order as the API takes it (`orderBy`). */
export interface SortOrder<F extends string> {
  field: F;
  direction: SortDirection;
}

/**
 * The order of a server-sorted list: starts at `initial`; clicking the sorted
 * column turns its direction, clicking another sorts by it ascending.
 */
export function useSortOrder<F extends string>(initial: SortOrder<F>) {
  const [order, setOrder] = useState<SortOrder<F>>(initial);
  const sortBy = (field: F) =>
    setOrder((now) =>
      now.field === field
        ? { field, direction: now.direction === 'ASC' ? 'DESC' : 'ASC' }
        : { field, direction: 'ASC' },
    );
  return { order, sortBy };
}

interface SortableHeaderProps<F extends string> {
  field: F;
  order: SortOrder<F>;
  onSort: (field: F) => void;
  children: ReactNode;
  className?: string;
}

/** A column header that sorts the list by its column; screen readers hear the order (`aria-sort`). */
export function SortableHeader<F extends string>({
  field,
  order,
  onSort,
  children,
  className,
}: SortableHeaderProps<F>) {
  const active = order.field === field;
  const ariaSort = active ? (order.direction === 'ASC' ? 'ascending' : 'descending') : 'none';
  const arrow = active ? (order.direction === 'ASC' ? '▲' : '▼') : '↕';
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button
        type="button"
        className="btn btn-link p-0 text-start text-nowrap fw-semibold text-decoration-none text-reset"
        onClick={() => onSort(field)}
      >
        {children}{' '}
        <span aria-hidden="true" className={active ? '' : 'text-muted'}>
          {arrow}
        </span>
      </button>
    </th>
  );
}
