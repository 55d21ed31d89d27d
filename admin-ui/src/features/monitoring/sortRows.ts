import type { SortOrder } from '../../shared/components/SortableHeader';

/** A sortable value of a row: text by Italian collation, numbers by size; null (no figure) always last. */
export type SortValue = string | number | null;

const collator = new Intl.Collator('it', { sensitivity: 'base' });

/**
 * The rows in `order` by `value` of its field; rows that compare equal keep
 * their order (the API's, by name). The lists per person are short (the staff
 * of the unit), so they are sorted here rather than asked again of the API.
 */
export function sortRows<R, F extends string>(
  rows: readonly R[],
  order: SortOrder<F>,
  value: (row: R, field: F) => SortValue,
): R[] {
  const sign = order.direction === 'ASC' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row, order.field) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.index - b.index;
        return a.key === null ? 1 : -1;
      }
      const c =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : collator.compare(String(a.key), String(b.key));
      return c === 0 ? a.index - b.index : sign * c;
    })
    .map(({ row }) => row);
}
