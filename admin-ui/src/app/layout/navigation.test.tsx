import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../gql/graphql';
import { fakeMe } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { MainNav } from './MainNav';
import { navigationFor } from './navigation';
import { RequireRole } from './RequireRole';

const labels = (roles: Role[]) => navigationFor(roles).map((entry) => entry.label);

describe('navigationFor', () => {
  it.each<[Role, string[]]>([
    [
      'ADMIN',
      [
        'Monitoraggio',
        'Orari e chiusure',
        'Organizzazione',
        'Registro audit',
        'Configurazione quesiti',
        'Servizi',
        'Notifiche',
        'Professionisti',
      ],
    ],
    [
      'REGIONAL_DIRECTOR',
      ['Monitoraggio', 'Orari e chiusure', 'Organizzazione', 'Registro audit', 'Configurazione quesiti'],
    ],
    ['PROVINCIAL_DIRECTOR', ['Monitoraggio', "Giornata d'ufficio", 'Richiamate', 'Orari e chiusure']],
    ['OFFICE_DIRECTOR', ['Monitoraggio', "Giornata d'ufficio", 'Richiamate', 'Orari e chiusure']],
    ['ROOM_COORDINATOR', ["Giornata d'ufficio", 'Richiamate']],
    ['OPERATOR', ['La mia lista']],
    ['CCM_OPERATOR', ['CCM']],
    ['CRIC_EXPERT', ['Coda CRIC']],
    ['PROFESSIONAL', ['Procure']],
    ['AUDITOR', ['Registro audit']],
  ])('gives %s the entries %j', (role, expected) => {
    expect(labels([role])).toEqual(expected);
  });

  it('joins the entries of several roles once each, in menu order', () => {
    expect(labels(['ROOM_COORDINATOR', 'OFFICE_DIRECTOR', 'OPERATOR'])).toEqual([
      'Monitoraggio',
      "Giornata d'ufficio",
      'Richiamate',
      'Orari e chiusure',
      'La mia lista',
    ]);
  });

  it('gives nobody without roles any entry', () => {
    expect(labels([])).toEqual([]);
  });
});

describe('MainNav', () => {
  it("lists only the person's screens, and marks the current one", () => {
    renderWithProviders(<MainNav roles={['OFFICE_DIRECTOR']} />, { route: '/giornata' });
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    // The closed menu panel is display:none for small screens; Bootstrap Italia's
    // CSS (not loaded in jsdom) shows it on wide ones, so hidden links count here.
    const links = within(nav)
      .getAllByRole('link', { hidden: true })
      .map((link) => link.textContent);
    expect(links).toEqual(['Home', 'Monitoraggio', "Giornata d'ufficio", 'Richiamate', 'Orari e chiusure']);
    expect(within(nav).getByRole('link', { name: "Giornata d'ufficio", hidden: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).queryByRole('link', { name: 'Organizzazione', hidden: true })).not.toBeInTheDocument();
  });
});

describe('RequireRole', () => {
  it('keeps an operator out of the organisation screens', () => {
    renderWithProviders(
      <RequireRole path="/organizzazione">
        <p>Albero</p>
      </RequireRole>,
      { me: fakeMe([{ role: 'OPERATOR', unitCode: 'UT-CA1', unitName: 'UT Cagliari 1', section: null }]) },
    );
    expect(screen.getByRole('heading', { name: 'Operazione non consentita' })).toBeInTheDocument();
    expect(screen.queryByText('Albero')).not.toBeInTheDocument();
  });

  it('lets a regional director in', () => {
    renderWithProviders(
      <RequireRole path="/organizzazione">
        <p>Albero</p>
      </RequireRole>,
      { me: fakeMe([{ role: 'REGIONAL_DIRECTOR', unitCode: 'DR-SAR', unitName: 'DR Sardegna', section: null }]) },
    );
    expect(screen.getByText('Albero')).toBeInTheDocument();
  });
});
