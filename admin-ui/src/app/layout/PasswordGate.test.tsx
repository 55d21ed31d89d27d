import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { PasswordGate } from './PasswordGate';

const operator = [{ role: 'OPERATOR' as const, unitCode: 'UT-CA1', unitName: 'UT Cagliari 1', section: null }];

describe('PasswordGate', () => {
  it('lets people with a password of their own into the app', () => {
    renderWithProviders(<PasswordGate>la mia lista</PasswordGate>, { me: fakeMe(operator) });
    expect(screen.getByText('la mia lista')).toBeInTheDocument();
  });

  it('shows only the change screen while the password is an administrator’s', () => {
    renderWithProviders(<PasswordGate>la mia lista</PasswordGate>, {
      me: fakeMe(operator, { mustChangePassword: true, displayName: 'Nuova Operatrice' }),
    });
    expect(screen.queryByText('la mia lista')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Scegli la tua password' })).toBeInTheDocument();
    expect(screen.getByText(/Benvenuto, Nuova Operatrice/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Esci senza cambiarla' })).toBeInTheDocument();
  });
});
