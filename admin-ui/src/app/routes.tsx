import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { AuditPage } from '../features/audit';
import { CALENDAR_PATH, UnitCalendarPage } from '../features/calendar';
import { CALLBACKS_PATH, CallbackQueuePage } from '../features/callbacks';
import { QUESITI_CONFIG_PATH, QuesitiConfigPage, SERVICES_PATH, ServicesPage } from '../features/configuration';
import { LazyMonitoringPage, MONITORING_PATH } from '../features/monitoring';
import { NEW_PERSON_PATH, ORGANIZATION_PATH, OrgUnitPage, OrgUnitsPage, PEOPLE_PATH } from '../features/org';
import { NotificationsPage } from '../features/outbox';
import { VERIFICATION_PATH, VerificationQueuePage } from '../features/registration';
import { NewPersonPage, PeoplePage, PersonPage } from '../features/people';
import {
  API_KEYS_PATH,
  ApiKeysPage,
  COLLABORATORS_PATH,
  CollaboratorsPage,
  DECLARE_PATH,
  DeclareProcuraPage,
  PROCURE_PATH,
  ProcureLayout,
  ProcureListPage,
  WEBHOOKS_PATH,
  WebhooksPage,
} from '../features/procure';
import type { Role } from '../gql/graphql';
import { CcmHomePage } from '../workspaces/ccm/CcmHomePage';
import { CcmQuesitoPage } from '../workspaces/ccm/CcmQuesitoPage';
import { CitizenLookupPage } from '../workspaces/ccm/CitizenLookupPage';
import { ContactsPage } from '../workspaces/ccm/ContactsPage';
import { NewQuesitoPage } from '../workspaces/ccm/NewQuesitoPage';
import { CricQuesitoPage } from '../workspaces/cric/CricQuesitoPage';
import { CricQueuePage } from '../workspaces/cric/CricQueuePage';
import { FaqManagementPage } from '../workspaces/cric/FaqManagementPage';
import { OfficeDayPage } from '../workspaces/officeday/OfficeDayPage';
import { WorklistPage } from '../workspaces/worklist/WorklistPage';

/** A screen under a section: `path` relative to the section's (or absolute under it); none for the section's own page. */
export interface SubScreen {
  path?: string;
  element: ReactNode;
}

/** A section of the app: one menu entry, the roles that may open it, and its screens. */
export interface AppSection {
  path: string;
  /** The Italian name in the menu and on the home page. */
  label: string;
  /** Who may open the section (and, when `inMenu`, sees its entry): any one of these roles, on any unit. */
  roles: readonly Role[];
  /** The section's page, or its frame (`<Outlet />` or a layout) when it has `screens`. */
  element: ReactNode;
  /** The screens inside, open to the same roles. */
  screens?: readonly SubScreen[];
  inMenu: boolean;
}

/**
 * Every role-bound screen of the app, in menu order (see docs/domain.md §1 and §3 for who does
 * what). The router (`AppRoutes`) and the menu (`navigation.ts`) both read this table; the
 * server decides what each person may do, this only spares them screens they cannot use.
 */
export const SECTIONS: readonly AppSection[] = [
  {
    path: MONITORING_PATH,
    label: 'Monitoraggio',
    roles: ['ADMIN', 'REGIONAL_DIRECTOR', 'PROVINCIAL_DIRECTOR', 'OFFICE_DIRECTOR'],
    element: <LazyMonitoringPage />,
    inMenu: true,
  },
  {
    path: '/giornata',
    label: "Giornata d'ufficio",
    roles: ['OFFICE_DIRECTOR', 'ROOM_COORDINATOR', 'PROVINCIAL_DIRECTOR'],
    element: <OfficeDayPage />,
    inMenu: true,
  },
  {
    path: CALLBACKS_PATH,
    label: 'Richiamate',
    roles: ['PROVINCIAL_DIRECTOR', 'OFFICE_DIRECTOR', 'ROOM_COORDINATOR'],
    element: <CallbackQueuePage />,
    inMenu: true,
  },
  {
    path: CALENDAR_PATH,
    label: 'Orari e chiusure',
    roles: ['OFFICE_DIRECTOR', 'PROVINCIAL_DIRECTOR', 'REGIONAL_DIRECTOR', 'ADMIN'],
    element: <UnitCalendarPage />,
    inMenu: true,
  },
  { path: '/lista', label: 'La mia lista', roles: ['OPERATOR'], element: <WorklistPage />, inMenu: true },
  {
    path: '/ccm',
    label: 'CCM',
    roles: ['CCM_OPERATOR'],
    element: <Outlet />,
    screens: [
      { element: <CcmHomePage /> },
      { path: 'quesiti/nuovo', element: <NewQuesitoPage /> },
      { path: 'quesiti/:id', element: <CcmQuesitoPage /> },
      { path: 'contatti', element: <ContactsPage /> },
      { path: 'cittadino', element: <CitizenLookupPage /> },
    ],
    inMenu: true,
  },
  {
    path: '/cric',
    label: 'Coda CRIC',
    roles: ['CRIC_EXPERT'],
    element: <Outlet />,
    screens: [
      { element: <CricQueuePage /> },
      { path: 'quesiti/:id', element: <CricQuesitoPage /> },
      { path: 'faq', element: <FaqManagementPage /> },
    ],
    inMenu: true,
  },
  {
    path: PROCURE_PATH,
    label: 'Procure',
    roles: ['PROFESSIONAL'],
    element: <ProcureLayout />,
    screens: [
      { element: <ProcureListPage /> },
      { path: DECLARE_PATH, element: <DeclareProcuraPage /> },
      { path: COLLABORATORS_PATH, element: <CollaboratorsPage /> },
      { path: API_KEYS_PATH, element: <ApiKeysPage /> },
      { path: WEBHOOKS_PATH, element: <WebhooksPage /> },
    ],
    inMenu: true,
  },
  {
    path: ORGANIZATION_PATH,
    label: 'Organizzazione',
    roles: ['ADMIN', 'REGIONAL_DIRECTOR'],
    element: <Outlet />,
    screens: [
      { element: <OrgUnitsPage /> },
      { path: ':code', element: <OrgUnitPage /> },
      { path: PEOPLE_PATH, element: <PeoplePage /> },
      { path: `${PEOPLE_PATH}/:username`, element: <PersonPage /> },
      { path: NEW_PERSON_PATH, element: <NewPersonPage /> },
    ],
    inMenu: true,
  },
  {
    path: '/audit',
    label: 'Registro audit',
    roles: ['AUDITOR', 'REGIONAL_DIRECTOR', 'ADMIN'],
    element: <AuditPage />,
    inMenu: true,
  },
  {
    path: QUESITI_CONFIG_PATH,
    label: 'Configurazione quesiti',
    roles: ['ADMIN', 'REGIONAL_DIRECTOR'],
    element: <QuesitiConfigPage />,
    inMenu: true,
  },
  { path: SERVICES_PATH, label: 'Servizi', roles: ['ADMIN'], element: <ServicesPage />, inMenu: true },
  { path: '/notifiche', label: 'Notifiche', roles: ['ADMIN'], element: <NotificationsPage />, inMenu: true },
  {
    path: VERIFICATION_PATH,
    label: 'Professionisti',
    roles: ['ADMIN'],
    element: <VerificationQueuePage />,
    inMenu: true,
  },
];
