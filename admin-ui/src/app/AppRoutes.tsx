import { Route, Routes } from 'react-router';
import { ACCOUNT_PATH, AccountPage, RESET_PASSWORD_PATH, ResetPasswordPage } from '../features/account';
import {
  MeProvider,
  RequireSession,
  SIGN_IN_PATH,
  SignInPage,
  SSO_COMPLETE_PATH,
  SsoCompletePage,
} from '../features/auth';
import { REGISTRATION_PATH, RegistrationPage } from '../features/registration';
import { HomePage } from './HomePage';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/NotFoundPage';
import { PasswordGate } from './layout/PasswordGate';
import { RequireRole } from './layout/RequireRole';
import { SECTIONS, type AppSection } from './routes';

/** A section of the table as routes: its frame behind `RequireRole`, its screens inside. */
function sectionRoute(section: AppSection) {
  return (
    <Route
      key={section.path}
      path={section.path}
      element={<RequireRole path={section.path}>{section.element}</RequireRole>}
    >
      {section.screens?.map((screen) =>
        screen.path === undefined ? (
          <Route key="" index element={screen.element} />
        ) : (
          <Route key={screen.path} path={screen.path} element={screen.element} />
        ),
      )}
    </Route>
  );
}

/**
 * The app's routes: sign-in and the password-reset link's page, and behind the session (and,
 * when an administrator chose the password, behind choosing one's own) the home page, every section of `SECTIONS`
 * (`RequireRole` spares people the screens their roles cannot use), the person's own profile and
 * "page not found".
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path={SIGN_IN_PATH} element={<SignInPage />} />
      <Route path={SSO_COMPLETE_PATH} element={<SsoCompletePage />} />
      <Route path={RESET_PASSWORD_PATH} element={<ResetPasswordPage />} />
      <Route path={REGISTRATION_PATH} element={<RegistrationPage />} />
      <Route
        element={
          <RequireSession>
            <MeProvider>
              <PasswordGate>
                <AppShell />
              </PasswordGate>
            </MeProvider>
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path={ACCOUNT_PATH} element={<AccountPage />} />
        {SECTIONS.map(sectionRoute)}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
