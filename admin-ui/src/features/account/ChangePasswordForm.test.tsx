import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient, mutationsOf } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ChangePasswordForm } from './ChangePasswordForm';

type Answer = ReturnType<Parameters<typeof fakeClient>[0]>;

function setup(answer: Answer) {
  const client = fakeClient((name) => (name === 'AccountChangePassword' ? answer : 'pending'));
  const onChanged = vi.fn();
  renderWithProviders(<ChangePasswordForm onChanged={onChanged} />, { client });
  return { client, onChanged, user: userEvent.setup() };
}

async function fill(user: ReturnType<typeof userEvent.setup>, current: string, next: string, again = next) {
  await user.type(screen.getByLabelText('Password attuale'), current);
  await user.type(screen.getByLabelText('Nuova password'), next);
  await user.type(screen.getByLabelText('Ripeti la nuova password'), again);
  await user.click(screen.getByRole('button', { name: 'Cambia password' }));
}

describe('ChangePasswordForm', () => {
  it('checks the length rule and the confirmation before asking the server', async () => {
    const { client, user } = setup({ data: { changePassword: true } });
    await fill(user, 'demo', 'corta');
    expect(screen.getByLabelText('Nuova password')).toHaveAccessibleDescription(
      /La password deve avere almeno 12 caratteri\.$/,
    );
    await user.clear(screen.getByLabelText('Nuova password'));
    await user.type(screen.getByLabelText('Nuova password'), 'una-password-lunga');
    await user.type(screen.getByLabelText('Ripeti la nuova password'), 'diversa');
    await user.click(screen.getByRole('button', { name: 'Cambia password' }));
    expect(screen.getByLabelText('Ripeti la nuova password')).toHaveAccessibleDescription(/non coincidono/);
    expect(mutationsOf(client, 'AccountChangePassword')).toEqual([]);
  });

  it('sends the current and the new password, then clears the form', async () => {
    const { client, onChanged, user } = setup({ data: { changePassword: true } });
    await fill(user, 'demo', 'una-password-lunga');
    expect(mutationsOf(client, 'AccountChangePassword')).toEqual([
      { currentPassword: 'demo', newPassword: 'una-password-lunga' },
    ]);
    expect(onChanged).toHaveBeenCalledOnce();
    expect(screen.getByLabelText('Password attuale')).toHaveValue('');
  });

  it('shows a wrong current password on its field', async () => {
    const wrong = new CombinedError({
      graphQLErrors: [
        {
          message: 'La password attuale non è corretta',
          extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' },
        },
      ],
    });
    const { onChanged, user } = setup({ error: wrong });
    await fill(user, 'sbagliata', 'una-password-lunga');
    const current = await screen.findByLabelText('Password attuale');
    expect(current).toHaveAccessibleDescription(/La password attuale non è corretta$/);
    expect(current).toHaveFocus();
    expect(onChanged).not.toHaveBeenCalled();
  });
});
