import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { shownText } from './LoadMore';
import { SortableHeader, useSortOrder } from './SortableHeader';

function Table() {
  const { order, sortBy } = useSortOrder<'NAME' | 'DATE'>({ field: 'DATE', direction: 'DESC' });
  return (
    <table>
      <thead>
        <tr>
          <SortableHeader field="NAME" order={order} onSort={sortBy}>
            Nome
          </SortableHeader>
          <SortableHeader field="DATE" order={order} onSort={sortBy}>
            Data
          </SortableHeader>
        </tr>
      </thead>
    </table>
  );
}

describe('SortableHeader', () => {
  it('says which column sorts the list and turns the direction on a second click', async () => {
    render(<Table />);
    const name = () => screen.getByRole('columnheader', { name: /Nome/ });
    const date = () => screen.getByRole('columnheader', { name: /Data/ });
    expect(date()).toHaveAttribute('aria-sort', 'descending');
    expect(name()).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(screen.getByRole('button', { name: /Nome/ }));
    expect(name()).toHaveAttribute('aria-sort', 'ascending');
    expect(date()).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(screen.getByRole('button', { name: /Nome/ }));
    expect(name()).toHaveAttribute('aria-sort', 'descending');
  });
});

describe('shownText', () => {
  it('tells how many of how many are shown', () => {
    expect(shownText(25, 134)).toBe('25 di 134 elementi mostrati');
    expect(shownText(3, 3)).toBe('3 elementi in tutto');
    expect(shownText(1, 1)).toBe('1 elemento in tutto');
    expect(shownText(25, undefined)).toBe('25 elementi mostrati');
  });
});
