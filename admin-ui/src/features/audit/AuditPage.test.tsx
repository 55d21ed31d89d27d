import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { callsOf, fakeClient, fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { AuditPage } from './AuditPage';

const auditor = fakeMe([{ role: 'AUDITOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }]);

const signIn = {
  id: 'e-1',
  occurredAt: '2026-12-07T08:00:00Z',
  actor: 'op.cagliari1',
  actingRole: null,
  actingUnit: null,
  unit: { id: 'u-UT-CA1', code: 'UT-CA1', name: 'UT Cagliari 1' },
  action: 'auth.login',
  recordType: null,
  recordId: null,
  detail: null,
  requestId: null,
};

function setup() {
  const client = fakeClient((name) => {
    if (name === 'OrgUnitChoices') return unitChoicesAnswer(demoUnits('/IT/SAR/'));
    if (name === 'AuditEventList')
      return {
        data: { auditEvents: { totalCount: 120, nodes: [signIn], pageInfo: { hasNextPage: true, endCursor: 'c' } } },
      };
    return 'pending';
  });
  renderWithProviders(<AuditPage />, { client, me: auditor, route: '/audit' });
  return { client, user: userEvent.setup() };
}

describe('AuditPage', () => {
  it('asks the server for the newest first and shows how many events there are in all', () => {
    const { client } = setup();
    expect(callsOf(client, 'AuditEventList')[0]).toMatchObject({
      orderBy: { field: 'OCCURRED_AT', direction: 'DESC' },
    });
    expect(screen.getByRole('columnheader', { name: /Quando/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('1 di 120 elementi mostrati')).toBeInTheDocument();
  });

  it('sorts by author, then the other way, from the column header', async () => {
    const { client, user } = setup();
    await user.click(screen.getByRole('button', { name: /Autore/ }));
    expect(callsOf(client, 'AuditEventList').at(-1)).toMatchObject({
      orderBy: { field: 'ACTOR', direction: 'ASC' },
      after: null,
    });
    await user.click(screen.getByRole('button', { name: /Autore/ }));
    expect(callsOf(client, 'AuditEventList').at(-1)).toMatchObject({ orderBy: { field: 'ACTOR', direction: 'DESC' } });
    expect(screen.getByRole('columnheader', { name: /Autore/ })).toHaveAttribute('aria-sort', 'descending');
  });
});
