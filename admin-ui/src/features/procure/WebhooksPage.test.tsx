import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { WebhooksPage } from './WebhooksPage';

const URL = 'https://gestionale.example.com/hooks/accoglienza';
const hook = { id: 'w1', url: URL, createdAt: '2026-03-01T09:00:00Z', previousSecretValidUntil: null, deliveries: [] };

describe('WebhooksPage', { timeout: 20_000 }, () => {
  beforeEach(() => sessionStorage.clear());

  it("speaks of the webhook's signing secret in its own words, not an API key's", async () => {
    const client = fakeClient((name) => {
      if (name === 'WebhookList') return { data: { webhooks: [] } };
      if (name === 'WebhookRegister')
        return { data: { registerWebhook: { secret: 'whsec_0123456789', webhook: hook } } };
      return 'pending';
    });
    renderWithProviders(<WebhooksPage />, { client });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Registra webhook' }));
    await user.type(screen.getByLabelText("URL dell'endpoint *"), URL);
    await user.click(screen.getByRole('button', { name: 'Registra webhook' }));
    const panel = await screen.findByTestId('secret-once');
    expect(panel).toHaveTextContent('Segreto di firma: il valore è mostrato solo questa volta');
    expect(panel).toHaveTextContent('elimina il webhook e registralo di nuovo');
    expect(panel).not.toHaveTextContent(/revocala|copiala/);
  });

  it('gives an endpoint a new secret after confirming, telling until when the old one works', async () => {
    const client = fakeClient((name) => {
      if (name === 'WebhookList') return { data: { webhooks: [hook] } };
      if (name === 'WebhookRotateSecret')
        return {
          data: {
            rotateWebhookSecret: {
              secret: 'acc_whsec_nuovo0123456789',
              webhook: { ...hook, previousSecretValidUntil: '2026-03-02T09:00:00Z' },
            },
          },
        };
      return 'pending';
    });
    renderWithProviders(<WebhooksPage />, { client });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Nuovo segreto per il webhook ${URL}` }));
    await user.click(await screen.findByRole('button', { name: 'Genera' }));
    expect(mutationsOf(client, 'WebhookRotateSecret')).toEqual([{ id: 'w1' }]);
    const panel = await screen.findByTestId('secret-once');
    expect(panel).toHaveTextContent('Nuovo segreto di firma');
    expect(panel).toHaveTextContent('Il segreto precedente resta valido fino al 02/03/2026, 10:00');
  });

  it('refuses a plain-http endpoint before sending it', async () => {
    const client = fakeClient((name) => (name === 'WebhookList' ? { data: { webhooks: [] } } : 'pending'));
    renderWithProviders(<WebhooksPage />, { client });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Registra webhook' }));
    await user.type(screen.getByLabelText("URL dell'endpoint *"), 'http://gestionale.example.com/hooks');
    await user.click(screen.getByRole('button', { name: 'Registra webhook' }));
    expect(screen.getByLabelText("URL dell'endpoint *")).toHaveAccessibleDescription(/deve usare https/);
  });
});
