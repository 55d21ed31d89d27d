import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeClient, fakeMe } from '../test/fakes';
import { renderWithProviders } from '../test/renderWithProviders';
import { HomePage } from './HomePage';

describe('HomePage', () => {
  it('greets everyone with the same, gender-neutral words', () => {
    const me = fakeMe([{ role: 'OPERATOR', unitCode: 'UT-CA1', unitName: 'UT Cagliari 1', section: null }], {
      displayName: 'Maria Rossi',
    });
    renderWithProviders(<HomePage />, { client: fakeClient(() => 'pending'), me });
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Ti diamo il benvenuto, Maria Rossi');
    expect(heading).not.toHaveTextContent(/Benvenut[oa],/);
  });
});
