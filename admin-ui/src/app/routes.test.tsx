import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { ROLE_LABELS, SessionContext } from '../features/auth';
import type { Role } from '../gql/graphql';
import { fakeClient, fakeMe } from '../test/fakes';
import { AppRoutes } from './AppRoutes';
import { navigationFor } from './layout/navigation';
import { SECTIONS, type AppSection, type SubScreen } from './routes';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

type Outcome = 'open' | 'forbidden' | 'not found';

/** Opens `path` in the whole app (session, `me`, shell, router) as someone holding only `role`. */
async function openAs(role: Role, path: string): Promise<Outcome> {
  const me = fakeMe([{ role, unitCode: 'UT-CA1', unitName: 'UT Cagliari 1', section: null }]);
  // Only `me` answers: the screens stay loading, which is enough to tell them from the refusals.
  const client = fakeClient((name) => (name === 'MeShow' ? { data: { me } } : 'pending'));
  const session = { token: 'test-token', signedIn: vi.fn(), signedOut: vi.fn() };
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <SessionContext.Provider value={session}>
        <UrqlProvider value={client}>
          <AppRoutes />
        </UrqlProvider>
      </SessionContext.Provider>
    </MemoryRouter>,
  );
  await screen.findByRole('navigation', { name: 'Navigazione principale' });
  const heading = (name: string) => screen.queryByRole('heading', { name }) !== null;
  const outcome = heading('Operazione non consentita')
    ? 'forbidden'
    : heading('Pagina non trovata')
      ? 'not found'
      : 'open';
  view.unmount();
  return outcome;
}

/** A screen's address with sample values for its parameters. */
function addressOf(section: AppSection, subScreen: SubScreen): string {
  const path = subScreen.path ?? '';
  const full = path.startsWith('/') ? path : path ? `${section.path}/${path}` : section.path;
  return full.replace(/:(\w+)/g, (_, name: string) => `esempio-${name}`);
}

describe('SECTIONS', { timeout: 60_000 }, () => {
  it.each(ROLES)('lets %s open exactly the sections its menu shows', async (role) => {
    const shown = navigationFor([role]).map((entry) => entry.path);
    const routable: string[] = [];
    for (const section of SECTIONS) {
      const outcome = await openAs(role, section.path);
      // Nothing in the table is missing from the router: a section is either open or refused.
      expect(outcome, section.path).not.toBe('not found');
      if (outcome === 'open') routable.push(section.path);
    }
    // Every entry shown to the role opens for it, and every section it can open is in its menu.
    expect(routable).toEqual(shown);
  });

  const screens = SECTIONS.flatMap((section) =>
    (section.screens ?? []).map((subScreen) => ({ section, address: addressOf(section, subScreen) })),
  );

  it.each(screens)('routes $address for the roles of its section only', async ({ section, address }) => {
    const outsider = ROLES.find((role) => !section.roles.includes(role))!;
    expect(await openAs(section.roles[0], address)).toBe('open');
    expect(await openAs(outsider, address)).toBe('forbidden');
  });

  it('keeps every section under a path of its own', () => {
    const paths = SECTIONS.map((section) => section.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
