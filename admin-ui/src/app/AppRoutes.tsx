import { Route, Routes } from 'react-router';
import { MeProvider, RequireSession, SIGN_IN_PATH, SignInPage } from '../features/auth';
import { HomePage } from './HomePage';
import { LazyMonitoringPage, MONITORING_PATH } from '../features/monitoring';
import { ccmRoutes } from '../workspaces/ccm/routes';
import { cricRoutes } from '../workspaces/cric/routes';
import { procureRoutes } from '../features/procure';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireRole } from './layout/RequireRole';
import { OrgUnitPage, OrgUnitsPage, NEW_PERSON_PATH, PEOPLE_PATH } from '../features/org';
import { AuditPage } from '../features/audit';
import { NotificationsPage } from '../features/outbox';
import { NewPersonPage, PeoplePage, PersonPage } from '../features/people';
import { WorklistPage } from '../workspaces/worklist/WorklistPage';
import { OfficeDayPage } from '../workspaces/officeday/OfficeDayPage';

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
