import type { Role } from '../../gql/graphql';

export interface NavEntry {
  path: string;
  label: string;
  /** Who sees the entry: holding any one of these roles, on any unit, is enough. */
  roles: readonly Role[];
}

/**
 * The screens of the app, in menu order (see docs/domain.md §1 and §3 for who does what).
 * The server decides what each person may do; this only spares them entries they cannot use.
 */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { path: '/monitoraggio', label: 'Monitoraggio', roles: ['ADMIN', 'REGIONAL_DIRECTOR', 'PROVINCIAL_DIRECTOR', 'OFFICE_DIRECTOR'] },
  { path: '/giornata', label: "Giornata d'ufficio", roles: ['OFFICE_DIRECTOR', 'ROOM_COORDINATOR', 'PROVINCIAL_DIRECTOR'] },
  { path: '/lista', label: 'La mia lista', roles: ['OPERATOR'] },
  { path: '/ccm', label: 'CCM', roles: ['CCM_OPERATOR'] },
  { path: '/cric', label: 'Coda CRIC', roles: ['CRIC_EXPERT'] },
  { path: '/procure', label: 'Procure', roles: ['PROFESSIONAL'] },
  { path: '/organizzazione', label: 'Organizzazione', roles: ['ADMIN', 'REGIONAL_DIRECTOR'] },
  { path: '/audit', label: 'Registro audit', roles: ['AUDITOR', 'REGIONAL_DIRECTOR', 'ADMIN'] },
  { path: '/notifiche', label: 'Notifiche', roles: ['ADMIN'] },
];

export function navigationFor(roles: Iterable<Role>): NavEntry[] {
  const held = new Set(roles);
  return NAV_ENTRIES.filter((entry) => entry.roles.some((role) => held.has(role)));
}

export function canOpen(path: string, roles: Iterable<Role>): boolean {
  return navigationFor(roles).some((entry) => entry.path === path);
}
