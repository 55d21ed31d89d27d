import type { Role, UnitKind } from '../../gql/graphql';

/**
 * Who may grant which role on which unit — the same rules the server applies
 * (api/src/people/domain.rs), so the pickers offer only what will be accepted.
 * The server checks again on every call.
 */

/** The kinds of unit each role is held on (docs/domain.md §3); `null` means any kind. */
export const ROLE_UNIT_KINDS: Record<Role, readonly UnitKind[] | null> = {
  ADMIN: ['NATIONAL'],
  REGIONAL_DIRECTOR: ['REGIONAL_DIRECTORATE'],
  PROVINCIAL_DIRECTOR: ['PROVINCIAL_DIRECTORATE'],
  OFFICE_DIRECTOR: ['TERRITORIAL_OFFICE'],
  ROOM_COORDINATOR: ['TERRITORIAL_OFFICE'],
  OPERATOR: ['TERRITORIAL_OFFICE'],
  CCM_OPERATOR: ['CONTACT_CENTER'],
  CRIC_EXPERT: ['CRIC', 'CENTRAL_DIRECTORATE'],
  AUDITOR: null,
  PROFESSIONAL: [],
};

/** Staff roles in the order of docs/domain.md §3 (professionals register themselves). */
export const STAFF_ROLES: readonly Role[] = [
  'ADMIN',
  'REGIONAL_DIRECTOR',
  'PROVINCIAL_DIRECTOR',
  'OFFICE_DIRECTOR',
  'ROOM_COORDINATOR',
  'OPERATOR',
  'CCM_OPERATOR',
  'CRIC_EXPERT',
  'AUDITOR',
];

/** Every role, for filters. */
export const ALL_ROLES: readonly Role[] = [...STAFF_ROLES, 'PROFESSIONAL'];

/** Roles that can be narrowed to a CRIC / CCM section. */
export const SECTION_ROLES: readonly Role[] = ['CRIC_EXPERT', 'CCM_OPERATOR'];

export const SECTIONS = ['PENSIONI', 'SOSTEGNO_REDDITO', 'SOGGETTO_CONTRIBUENTE'] as const;

export function takesSection(role: Role | '' | null | undefined): boolean {
  return !!role && SECTION_ROLES.includes(role);
}

/**
 * Admins grant every staff role; regional directors every role below their own
 * except AUDITOR (the auditors of a region read the director's own actions).
 */
export function mayGrant(granter: Role, role: Role): boolean {
  switch (granter) {
    case 'ADMIN':
      return role !== 'PROFESSIONAL';
    case 'REGIONAL_DIRECTOR':
      return role !== 'ADMIN' && role !== 'REGIONAL_DIRECTOR' && role !== 'AUDITOR' && role !== 'PROFESSIONAL';
    default:
      return false;
  }
}

export function fitsUnitKind(role: Role, kind: UnitKind): boolean {
  const kinds = ROLE_UNIT_KINDS[role];
  return kinds === null || kinds.includes(kind);
}

export interface GrantUnit {
  code: string;
  name: string;
  kind: UnitKind;
  /** Materialised path, e.g. `/IT/SAR/CA/CA2/`. */
  path: string;
}

export interface CallerAssignment {
  role: Role;
  unitCode?: string | null;
}

export interface GrantOption<U extends GrantUnit> {
  role: Role;
  /** The units this role may be granted on, in the order given. */
  units: U[];
}

/** The caller's assignments that manage people, with the path of their unit. */
function managingPaths(
  assignments: readonly CallerAssignment[],
  units: readonly GrantUnit[],
): { role: Role; path: string }[] {
  const pathOf = new Map(units.map((unit) => [unit.code, unit.path]));
  return assignments.flatMap((assignment) => {
    const path = assignment.unitCode ? pathOf.get(assignment.unitCode) : undefined;
    return path && (assignment.role === 'ADMIN' || assignment.role === 'REGIONAL_DIRECTOR')
      ? [{ role: assignment.role, path }]
      : [];
  });
}

/** Whether the caller may grant (or revoke) `role` on `unit`. */
export function mayGrantOn(
  assignments: readonly CallerAssignment[],
  units: readonly GrantUnit[],
  role: Role,
  unit: GrantUnit,
): boolean {
  return (
    fitsUnitKind(role, unit.kind) &&
    managingPaths(assignments, units).some(
      (managing) => mayGrant(managing.role, role) && unit.path.startsWith(managing.path),
    )
  );
}

/**
 * What the role picker offers: each role the caller may grant, with the
 * visible units of a fitting kind under one of the caller's managing
 * assignments. Roles with no such unit are left out (nothing could be chosen).
 */
export function grantOptions<U extends GrantUnit>(
  assignments: readonly CallerAssignment[],
  units: readonly U[],
): GrantOption<U>[] {
  const managing = managingPaths(assignments, units);
  return STAFF_ROLES.flatMap((role) => {
    const fitting = units.filter(
      (unit) =>
        fitsUnitKind(role, unit.kind) && managing.some((m) => mayGrant(m.role, role) && unit.path.startsWith(m.path)),
    );
    return fitting.length > 0 ? [{ role, units: fitting }] : [];
  });
}
