import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { callsOf, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CollaboratorsPage } from './CollaboratorsPage';

const collaborator = {
  id: 'c-1',
  fiscalCode: 'FRRDRA77T50B354L',
  from: '2026-12-01',
  to: null,
  active: true,
  endedAt: null,
  version: 1,
};

function setup() {
  const client = fakeClient((name) =>
    name === 'CollaboratorList'
      ? {
          data: {
            collaborators: { totalCount: 30, nodes: [collaborator], pageInfo: { hasNextPage: true, endCursor: 'c' } },
          },
        }
      : 'pending',
  );
  renderWithProviders(<CollaboratorsPage />, { client });
  return { client, user: userEvent.setup() };
}

describe('CollaboratorsPage', () => {
  it('asks for the newest first, shows the total, and sorts by end date from its header', async () => {
    const { client, user } = setup();
    expect(callsOf(client, 'CollaboratorList')[0]).toMatchObject({
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
    expect(screen.getByText('1 di 30 elementi mostrati')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Al/ }));
    expect(callsOf(client, 'CollaboratorList').at(-1)).toMatchObject({
      orderBy: { field: 'VALID_TO', direction: 'ASC' },
      after: null,
    });
    expect(screen.getByRole('columnheader', { name: /^Al/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});
