import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ResetPasswordPage } from './ResetPasswordPage';

type Answer = ReturnType<Parameters<typeof fakeClient>[0]>;

function setup(answer: Answer, hash = '#acc_r_token') {
  window.history.replaceState(null, '', `/reimposta-password${hash}`);
  const client = fakeClient((name) => (name === 'AccountResetPassword' ? answer : 'pending'));
  renderWithProviders(<ResetPasswordPage />, { client, session: { token: null } });
  return { client, user: userEvent.setup() };
}

async function choose(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.type(screen.getByLabelText('Nuova password'), password);
  await user.type(screen.getByLabelText('Ripeti la nuova password'), password);
  await user.click(screen.getByRole('button', { name: 'Imposta la password' }));
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('ResetPasswordPage', () => {
  it("sets the password with the link's token, which leaves the address bar", async () => {
    const { client, user } = setup({ data: { resetPassword: true } });
    expect(window.location.hash).toBe('');
    await choose(user, 'la-mia-password-nuova');
    expect(mutationsOf(client, 'AccountResetPassword')).toEqual([
      { token: 'acc_r_token', newPassword: 'la-mia-password-nuova' },
    ]);
    expect(await screen.findByText(/Password impostata/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Vai all'accesso" })).toHaveAttribute('href', '/accesso');
  });

  it('says when the link was used or has expired', async () => {
    const used = new CombinedError({
      graphQLErrors: [
        {
          message: 'Il collegamento non è valido, è già stato usato o è scaduto: chiedine uno nuovo',
          extensions: { code: 'BAD_USER_INPUT', field: 'token' },
        },
      ],
    });
    const { user } = setup({ error: used });
    await choose(user, 'la-mia-password-nuova');
    expect(await screen.findByText('Collegamento non valido')).toBeInTheDocument();
    expect(screen.getByText(/già stato usato o è scaduto/)).toBeInTheDocument();
  });

  it('explains a link without its token', () => {
    setup({ data: { resetPassword: true } }, '');
    expect(screen.getByText(/Il collegamento è incompleto/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Nuova password')).not.toBeInTheDocument();
  });
});
