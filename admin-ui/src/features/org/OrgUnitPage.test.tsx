import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { demoUnits, unitChoicesAnswer } from '../../test/units';
import { OrgUnitPage } from './OrgUnitPage';

const dpCagliari = {
  orgUnit: {
    id: '5',
    code: 'DP-CA',
    name: 'DP Cagliari',
    kind: 'PROVINCIAL_DIRECTORATE',
    path: '/IT/SAR/CA/',
    size: null,
    virtualCounter: false,
    virtualCounterMailbox: null,
    openingHours: null,
    parent: { id: '3', code: 'DR-SAR', name: 'DR Sardegna' },
    children: [{ id: '6', code: 'UT-CA1', name: 'UT Cagliari 1', kind: 'TERRITORIAL_OFFICE' }],
  },
};

describe('OrgUnitPage', () => {
  it('shows the unit, links up to its parent and down to its children', () => {
    const client = fakeClient((_name, variables) => (variables.code === 'DP-CA' ? { data: dpCagliari } : 'pending'));
    renderWithProviders(<OrgUnitPage />, { client, route: '/organizzazione/DP-CA', path: '/organizzazione/:code' });
    expect(screen.getByRole('heading', { level: 1, name: 'DP Cagliari' })).toBeInTheDocument();
    expect(screen.getByText('Direzione provinciale')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'DR Sardegna' })[0]).toHaveAttribute('href', '/organizzazione/DR-SAR');
    expect(screen.getByRole('link', { name: 'UT Cagliari 1' })).toHaveAttribute('href', '/organizzazione/UT-CA1');
  });

  it('shows where the unit sits by names, never by its internal path', () => {
    const ucaPage = {
      orgUnit: {
        ...dpCagliari.orgUnit,
        id: '6',
        code: 'UT-CA1',
        name: 'UT Cagliari 1',
        kind: 'TERRITORIAL_OFFICE',
        path: '/IT/SAR/CA/CA1/',
        parent: { id: '5', code: 'DP-CA', name: 'DP Cagliari' },
        children: [],
      },
    };
    const client = fakeClient((name, variables) => {
      if (name === 'OrgUnitChoices') return unitChoicesAnswer(demoUnits('/IT/SAR/'));
      return variables.code === 'UT-CA1' ? { data: ucaPage } : 'pending';
    });
    renderWithProviders(<OrgUnitPage />, { client, route: '/organizzazione/UT-CA1', path: '/organizzazione/:code' });
    const trail = within(screen.getByRole('navigation', { name: 'Percorso' }));
    expect(trail.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Organizzazione',
      'DR Sardegna',
      'DP Cagliari',
    ]);
    expect(document.body).not.toHaveTextContent('/IT/SAR/CA/CA1/');
  });

  it('says "Unità non trovata" for a unit outside the person\'s scope', () => {
    const client = fakeClient(() => ({ error: apiError('NOT_FOUND', 'Unità organizzativa inesistente') }));
    renderWithProviders(<OrgUnitPage />, { client, route: '/organizzazione/DR-LAZ', path: '/organizzazione/:code' });
    expect(screen.getByRole('heading', { level: 1, name: 'Unità organizzativa DR-LAZ' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Unità non trovata' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Unità organizzativa inesistente');
    expect(screen.queryByRole('button', { name: 'Riprova' })).not.toBeInTheDocument();
  });
});
