import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SignInPage } from './SignInPage';

function setup(signInOptions: { sso: boolean; passwordLogin: string }, route = '/accesso') {
  const client = fakeClient((name) => (name === 'SignInOptions' ? { data: { signInOptions } } : 'pending'));
  renderWithProviders(<SignInPage />, { client, route, session: { token: null } });
}

describe('SignInPage', () => {
  it('offers "Accedi con SSO" beside the password form when SSO is configured', () => {
    setup({ sso: true, passwordLogin: 'STAFF' });
    expect(screen.getByRole('link', { name: 'Accedi con SSO' })).toHaveAttribute('href', '/auth/oidc/start');
    expect(screen.getByRole('button', { name: 'Accedi' })).toBeInTheDocument();
  });

  it('shows only the password form without SSO', () => {
    setup({ sso: false, passwordLogin: 'STAFF' });
    expect(screen.queryByRole('link', { name: 'Accedi con SSO' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Accedi' })).toBeInTheDocument();
  });

  it('hides the password form when passwords are off', () => {
    setup({ sso: true, passwordLogin: 'OFF' });
    expect(screen.getByRole('link', { name: 'Accedi con SSO' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accedi' })).toBeNull();
  });

  it('says in Italian why the server refused a single sign-on', () => {
    setup({ sso: true, passwordLogin: 'STAFF' }, '/accesso?sso_error=OIDC_DEACTIVATED');
    expect(screen.getByText(/Il tuo account è disattivato/)).toBeInTheDocument();
  });
});
