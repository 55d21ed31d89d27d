import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ApiKeysPage } from './ApiKeysPage';

const SECRET = 'acc_pk_3kQxAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd';
const live = {
  id: 'k1',
  name: 'Gestionale studio',
  hint: 'acc_pk_3kQx…',
  createdAt: '2026-03-01T09:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
  active: true,
};
const revoked = {
  ...live,
  id: 'k0',
  name: 'Vecchio PC',
  hint: 'acc_pk_zzzz…',
  revokedAt: '2026-02-01T09:00:00Z',
  active: false,
};

function setup(keys: unknown[] = [revoked]) {
  const client = fakeClient((name) => {
    if (name === 'ApiKeyList') return { data: { apiKeys: keys } };
    if (name === 'ApiKeyCreate') return { data: { createApiKey: { secret: SECRET, apiKey: live } } };
    if (name === 'ApiKeyRevoke')
      return { data: { revokeApiKey: { ...live, active: false, revokedAt: '2026-03-02T09:00:00Z' } } };
    return 'pending';
  });
  renderWithProviders(<ApiKeysPage />, { client });
  return { client, user: userEvent.setup() };
}

describe('ApiKeysPage', { timeout: 20_000 }, () => {
  beforeEach(() => sessionStorage.clear());

  it('lists revoked keys too, without a revoke button for them', () => {
    setup();
    const row = screen.getByTestId('api-key-k0');
    expect(row).toHaveTextContent('Vecchio PC');
    expect(row).toHaveTextContent('Revocata');
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the empty state', () => {
    setup([]);
    expect(screen.getByText('Non hai ancora creato chiavi API')).toBeInTheDocument();
  });

  it('shows the secret once, with a warning, and never keeps it in a draft', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Crea chiave' }));
    expect(screen.getByText(/Dai un nome alla chiave/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nome della chiave *'), 'Gestionale studio');
    await user.click(screen.getByRole('button', { name: 'Crea chiave' }));
    const panel = await screen.findByTestId('secret-once');
    expect(panel).toHaveTextContent('Chiave API: il valore è mostrato solo questa volta');
    expect(panel).toHaveTextContent('revocala e creane una nuova');
    expect(within(panel).getByLabelText('Chiave API')).toHaveValue(SECRET);
    expect(within(panel).getByRole('heading')).toHaveFocus();
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(SECRET);
    await user.click(within(panel).getByRole('button', { name: /Ho salvato/ }));
    expect(screen.queryByTestId('secret-once')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it('revokes a key after confirming', async () => {
    const { client, user } = setup([live]);
    await user.click(screen.getByRole('button', { name: 'Revoca la chiave «Gestionale studio»' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('riceveranno subito un errore di autenticazione');
    await user.click(within(dialog).getByRole('button', { name: 'Revoca la chiave' }));
    expect(await screen.findByText(/Chiave «Gestionale studio» revocata/)).toBeInTheDocument();
    const revokes = mutationsOf(client, 'ApiKeyRevoke');
    expect(revokes).toEqual([{ id: 'k1' }]);
  });
});
