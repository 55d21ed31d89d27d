import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Provider as UrqlProvider, type Client } from 'urql';
import { vi } from 'vitest';
import { MeContext, type Me, SessionContext, type Session } from '../features/auth';
import { fakeClient } from './fakes';

interface Options {
  client?: Client;
  route?: string;
  /** Route pattern the element is mounted at, for screens that read params. */
  path?: string;
  me?: Me;
  session?: Partial<Session>;
}

/** Shows where the router is, so tests can assert navigations. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderWithProviders(ui: ReactElement, options: Options = {}) {
  const client = options.client ?? fakeClient(() => 'pending');
  const session: Session = { token: 'test-token', signedIn: vi.fn(), signedOut: vi.fn(), ...options.session };
  const content = options.me ? <MeContext.Provider value={options.me}>{ui}</MeContext.Provider> : ui;
  return render(
    <MemoryRouter initialEntries={[options.route ?? '/']}>
      <SessionContext.Provider value={session}>
        <UrqlProvider value={client}>
          <Routes>
            <Route path={options.path ?? '*'} element={content} />
          </Routes>
          <LocationProbe />
        </UrqlProvider>
      </SessionContext.Provider>
    </MemoryRouter>,
  );
}
