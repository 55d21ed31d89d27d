import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SessionsSection, sessionsTotal } from './SessionsSection';

const session = (id: string, device: string, current: boolean) => ({
  id,
  startedAt: '2026-12-07T08:00:00Z',
  lastUsedAt: '2026-12-07T09:30:00Z',
  expiresAt: '2026-12-07T16:00:00Z',
  userAgent: `${device} agent`,
  device,
  current,
});

function setup() {
  const client = fakeClient((name) => {
    if (name === 'AccountSessions')
      return {
        data: {
          mySessions: [session('s-2', 'Firefox su Windows', false), session('s-1', 'Chrome su Linux', true)],
        },
      };
    if (name === 'AccountEndSession') return { data: { endSession: true } };
    if (name === 'AccountEndOtherSessions') return { data: { endOtherSessions: 1 } };
    return 'pending';
  });
  renderWithProviders(<SessionsSection />, { client });
  return { client, user: userEvent.setup() };
}

describe('SessionsSection', () => {
  it('lists the sessions with their total; the current one cannot be ended here', async () => {
    setup();
    const list = await screen.findByRole('list', { name: 'Sessioni attive' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(screen.getByTestId('sessions-total')).toHaveTextContent('2 sessioni attive');
    expect(items[0]).toHaveTextContent('Firefox su Windows');
    expect(items[0]).toHaveTextContent('Accesso il 07/12/2026, 09:00 · ultimo uso 07/12/2026, 10:30');
    expect(within(items[1]).getByText('Questa sessione')).toBeInTheDocument();
    expect(within(items[1]).queryByRole('button')).not.toBeInTheDocument();
  });

  it('ends one session after confirming', async () => {
    const { client, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Termina la sessione su Firefox su Windows' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terminare la sessione?' });
    await user.click(within(dialog).getByRole('button', { name: 'Termina' }));
    expect(mutationsOf(client, 'AccountEndSession')).toEqual([{ id: 's-2' }]);
    expect(await screen.findByText('Sessione terminata: Firefox su Windows.')).toBeInTheDocument();
  });

  it('ends the other sessions', async () => {
    const { client, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Termina le altre' }));
    expect(mutationsOf(client, 'AccountEndOtherSessions')).toEqual([{}]);
    expect(await screen.findByText('Terminata 1 altra sessione.')).toBeInTheDocument();
  });

  it('counts in Italian', () => {
    expect(sessionsTotal(1)).toBe('1 sessione attiva');
    expect(sessionsTotal(0)).toBe('0 sessioni attive');
  });
});
