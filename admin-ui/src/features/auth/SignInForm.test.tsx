import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SignInForm } from './SignInForm';

function setup(answer: Parameters<typeof fakeClient>[0]) {
  const client = fakeClient(answer);
  const onSignedIn = vi.fn();
  renderWithProviders(<SignInForm onSignedIn={onSignedIn} />, { client, session: { token: null } });
  return { client, onSignedIn, user: userEvent.setup() };
}

const signedIn = {
  data: { login: { token: 'tok-123', expiresAt: '2030-01-01T00:00:00Z', me: { id: '7', username: 'dr.sardegna' } } },
};

describe('SignInForm', () => {
  it('has a labelled field for the username and the password, and an "Accedi" button', () => {
    setup(() => 'pending');
    expect(screen.getByLabelText('Nome utente')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Accedi' })).toBeEnabled();
  });

  it('asks for both fields before calling the server', async () => {
    const { client, user } = setup(() => signedIn);
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(screen.getByLabelText('Nome utente')).toHaveAccessibleDescription('Inserisci il nome utente.');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(client.executeMutation).not.toHaveBeenCalled();
  });

  it('sends the trimmed username and the password, then hands over the token', async () => {
    const { client, onSignedIn, user } = setup(() => signedIn);
    await user.type(screen.getByLabelText('Nome utente'), '  dr.sardegna ');
    await user.type(screen.getByLabelText('Password'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(client.executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { username: 'dr.sardegna', password: 'demo' } }),
      expect.anything(),
    );
    expect(onSignedIn).toHaveBeenCalledWith('tok-123', 'dr.sardegna');
  });

  it("shows the server's message for a wrong password and clears the password", async () => {
    const { onSignedIn, user } = setup(() => ({
      error: apiError('UNAUTHENTICATED', 'Nome utente o password non validi'),
    }));
    await user.type(screen.getByLabelText('Nome utente'), 'dr.sardegna');
    await user.type(screen.getByLabelText('Password'), 'sbagliata');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Accesso non riuscito');
    expect(alert).toHaveTextContent('Nome utente o password non validi');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('tells the person to wait after too many attempts', async () => {
    const { user } = setup(() => ({ error: apiError('RATE_LIMITED', 'Troppi tentativi di accesso') }));
    await user.type(screen.getByLabelText('Nome utente'), 'dr.sardegna');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByRole('heading', { name: 'Troppi tentativi, riprova tra poco' })).toBeInTheDocument();
  });
});
