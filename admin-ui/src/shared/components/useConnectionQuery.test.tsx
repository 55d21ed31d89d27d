import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OrgUnitListQuery } from '../../features/org';
import { fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { appendPage } from './connection';
import { LoadMore } from './LoadMore';
import { useConnectionQuery } from './useConnectionQuery';

const page = (codes: string[], endCursor: string | null, hasNextPage: boolean) => ({
  data: {
    orgUnits: {
      nodes: codes.map((code) => ({ id: code, code, name: code, kind: 'TERRITORIAL_OFFICE', parent: null })),
      pageInfo: { hasNextPage, endCursor },
    },
  },
});

function UnitList() {
  const { nodes, fetching, hasNextPage, loadMore } = useConnectionQuery({
    query: OrgUnitListQuery,
    variables: { kind: null },
    connection: (data) => data.orgUnits,
    pageSize: 2,
  });
  return (
    <>
      <ul>
        {nodes.map((node) => (
          <li key={node.id}>{node.code}</li>
        ))}
      </ul>
      <LoadMore hasNextPage={hasNextPage} fetching={fetching} onLoadMore={loadMore} shown={nodes.length} />
    </>
  );
}

describe('useConnectionQuery with LoadMore', () => {
  it('appends the next page on "Carica altri" and stops at the last one', async () => {
    const client = fakeClient((_name, variables) =>
      variables.after === 'c2' ? page(['UT-3'], 'c3', false) : page(['UT-1', 'UT-2'], 'c2', true),
    );
    renderWithProviders(<UnitList />, { client });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['UT-1', 'UT-2']);
    expect(screen.getByText('2 elementi mostrati')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Carica altri' }));

    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['UT-1', 'UT-2', 'UT-3']);
    expect(screen.queryByRole('button', { name: 'Carica altri' })).not.toBeInTheDocument();
    expect(client.executeQuery).toHaveBeenLastCalledWith(
      expect.objectContaining({ variables: { kind: null, first: 2, after: 'c2' } }),
      expect.anything(),
    );
  });
});

function KindList() {
  const [kind, setKind] = useState<'CRIC' | null>(null);
  const { nodes, fetching } = useConnectionQuery({
    query: OrgUnitListQuery,
    variables: { kind },
    connection: (data) => data.orgUnits,
  });
  return (
    <>
      <button type="button" onClick={() => setKind('CRIC')}>
        Solo CRIC
      </button>
      {fetching ? <p>Caricamento</p> : null}
      <ul>
        {nodes.map((node) => (
          <li key={node.id}>{node.code}</li>
        ))}
      </ul>
    </>
  );
}

describe('useConnectionQuery with new filters', () => {
  it('never shows the rows of the previous filters while the new ones load', async () => {
    const client = fakeClient((_name, variables) =>
      variables.kind === 'CRIC' ? 'pending' : page(['UT-1', 'UT-2'], null, false),
    );
    renderWithProviders(<KindList />, { client });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Solo CRIC' }));
    expect(screen.getByText('Caricamento')).toBeInTheDocument();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });
});

describe('appendPage', () => {
  it('does not repeat a node that shifted onto the next page', () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }])).toEqual([
      { id: 'a' },
      { id: 'b' },
      { id: 'c' },
    ]);
  });
});
