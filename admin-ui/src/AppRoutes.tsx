import { Route, Routes } from 'react-router';
import { MeProvider } from './auth/MeProvider';
import { RequireSession } from './auth/RequireSession';
import { SIGN_IN_PATH } from './auth/returnTo';
import { SignInPage } from './auth/SignInPage';
import { HomePage } from './home/HomePage';
import { LazyMonitoringPage } from './monitoring/LazyMonitoringPage';
import { MONITORING_PATH } from './monitoring/selection';
import { ccmRoutes } from './ccm/routes';
import { cricRoutes } from './cric/routes';
import { procureRoutes } from './procure/routes';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireRole } from './layout/RequireRole';
import { OrgUnitPage } from './org/OrgUnitPage';
import { OrgUnitsPage } from './org/OrgUnitsPage';
import { AuditPage } from './audit/AuditPage';
import { NotificationsPage } from './outbox/NotificationsPage';
import { NewPersonPage } from './people/NewPersonPage';
import { PeoplePage } from './people/PeoplePage';
import { PersonPage } from './people/PersonPage';
import { NEW_PERSON_PATH, PEOPLE_PATH } from './people/paths';
import { WorklistPage } from './worklist/WorklistPage';
import { OfficeDayPage } from './officeday/OfficeDayPage';

const ORGANIZATION = '/organizzazione';
const AUDIT = '/audit';
const NOTIFICATIONS = '/notifiche';
const WORKLIST = '/lista';
const OFFICE_DAY = '/giornata';

/** Every screen of the app; `RequireRole` spares people the screens their roles cannot use. */
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
        <Route path={PEOPLE_PATH} element={<RequireRole path={ORGANIZATION}><PeoplePage /></RequireRole>} />
        <Route path={`${PEOPLE_PATH}/:username`} element={<RequireRole path={ORGANIZATION}><PersonPage /></RequireRole>} />
        <Route path={NEW_PERSON_PATH} element={<RequireRole path={ORGANIZATION}><NewPersonPage /></RequireRole>} />
        <Route path={AUDIT} element={<RequireRole path={AUDIT}><AuditPage /></RequireRole>} />
        <Route path={MONITORING_PATH} element={<RequireRole path={MONITORING_PATH}><LazyMonitoringPage /></RequireRole>} />
        <Route path={NOTIFICATIONS} element={<RequireRole path={NOTIFICATIONS}><NotificationsPage /></RequireRole>} />
        <Route path={WORKLIST} element={<RequireRole path={WORKLIST}><WorklistPage /></RequireRole>} />
        <Route path={OFFICE_DAY} element={<RequireRole path={OFFICE_DAY}><OfficeDayPage /></RequireRole>} />
        {ccmRoutes}
        {cricRoutes}
        {procureRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
