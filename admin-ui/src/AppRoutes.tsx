import { Route, Routes } from 'react-router';
import { MeProvider } from './auth/MeProvider';
import { RequireSession } from './auth/RequireSession';
import { SIGN_IN_PATH } from './auth/returnTo';
import { SignInPage } from './auth/SignInPage';
import { ComingSoon } from './components/ComingSoon';
import { HomePage } from './home/HomePage';
import { ccmRoutes } from './ccm/routes';
import { cricRoutes } from './cric/routes';
import { AppShell } from './layout/AppShell';
import { NAV_ENTRIES } from './layout/navigation';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireRole } from './layout/RequireRole';
import { OrgUnitPage } from './org/OrgUnitPage';
import { OrgUnitsPage } from './org/OrgUnitsPage';

const ORGANIZATION = '/organizzazione';

/** Every screen of the app. A new screen replaces its ComingSoon placeholder here. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path={SIGN_IN_PATH} element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <MeProvider>
              <AppShell />
            </MeProvider>
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path={ORGANIZATION} element={<RequireRole path={ORGANIZATION}><OrgUnitsPage /></RequireRole>} />
        <Route path={`${ORGANIZATION}/:code`} element={<RequireRole path={ORGANIZATION}><OrgUnitPage /></RequireRole>} />
        {ccmRoutes}
        {cricRoutes}
        {NAV_ENTRIES.filter((entry) => entry.path !== ORGANIZATION).map((entry) => (
          <Route
            key={entry.path}
            path={entry.path}
            element={<RequireRole path={entry.path}><ComingSoon title={entry.label} /></RequireRole>}
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
