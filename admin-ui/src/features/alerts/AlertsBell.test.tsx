import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client, OperationResult } from 'urql';
import { describe, expect, it } from 'vitest';
import { makeSubject } from 'wonka';
import { callsOf, fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { AlertsBell } from './AlertsBell';

const filed = {
  id: 'a-1',
  kind: 'QUESITO_FILED',
  title: 'Nuovo quesito: Decorrenza della pensione',
  createdAt: '2026-12-07T09:30:00Z',
};
const assigned = {
  id: 'a-2',
  kind: 'ASSIGNED',
  title: 'Prechiamata assegnata a te: prenotazione n. 40104 del 09/12/2026',
  createdAt: '2026-12-07T09:00:00Z',
};

function setup(unreadCount: number) {
  const live = makeSubject<OperationResult>();
  const client = fakeClient((name) =>
    name === 'Alerts'
      ? { data: { alerts: { unreadCount, nodes: [filed, assigned] } } }
      : name === 'MarkAlertsRead'
        ? { data: { markAlertsRead: 0 } }
        : 'pending',
  );
  (client as unknown as { executeSubscription: () => unknown }).executeSubscription = () => live.source;
  renderWithProviders(<AlertsBell />, { client: client as Client });
  return { client, live, user: userEvent.setup() };
}

describe('AlertsBell', () => {
  it('says how many alerts are unread and lists them with Italian labels when opened, marking them read', async () => {
    const { client, user } = setup(2);
    const button = screen.getByRole('button', { name: /Avvisi/ });
    expect(button).toHaveTextContent('2 da leggere');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const panel = screen.getByRole('region', { name: 'Avvisi' });
    expect(panel).toHaveTextContent('Nuovo quesito · ');
    expect(panel).toHaveTextContent('Nuovo quesito: Decorrenza della pensione');
    expect(panel).toHaveTextContent('Assegnazione · ');
    expect(panel).not.toHaveTextContent('QUESITO_FILED');
    expect(mutationsOf(client, 'MarkAlertsRead')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Avvisi' })).toBeNull();
    expect(button).toHaveFocus();
  });

  it('shows no count when everything is read, and does not mark again', async () => {
    const { client, user } = setup(0);
    const button = screen.getByRole('button', { name: /Avvisi/ });
    expect(screen.queryByTestId('alerts-unread')).toBeNull();
    await user.click(button);
    expect(mutationsOf(client, 'MarkAlertsRead')).toHaveLength(0);
  });

  it('asks the API again when an alert arrives live', () => {
    const { client, live } = setup(1);
    const before = callsOf(client, 'Alerts').length;
    act(() => {
      live.next({ data: { alerts: { ...filed, id: 'a-3' } } } as unknown as OperationResult);
    });
    expect(callsOf(client, 'Alerts').length).toBeGreaterThan(before);
  });
});
