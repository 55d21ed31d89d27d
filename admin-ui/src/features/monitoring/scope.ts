import type { RoleAssignment } from '../auth';
import type { Role } from '../../gql/graphql';
import type { UnitChoice } from '../org';

/** The roles that may read the figures (`stats:read`), highest first. */
export const STATS_ROLES: readonly Role[] = ['ADMIN', 'REGIONAL_DIRECTOR', 'PROVINCIAL_DIRECTOR', 'OFFICE_DIRECTOR'];

function statsAssignments(assignments: readonly RoleAssignment[]): (RoleAssignment & { unitCode: string })[] {
  return assignments.filter(
    (a): a is RoleAssignment & { unitCode: string } => !!a.unitCode && STATS_ROLES.includes(a.role),
  );
}

/**
 * The unit the screen opens on: the unit of the person's highest role among
 * those that may read the figures (ADMIN's root, a director's DR, DP or
 * office); '' when they hold none.
 */
export function topStatsUnitCode(assignments: readonly RoleAssignment[]): string {
  const held = statsAssignments(assignments);
  held.sort((a, b) => STATS_ROLES.indexOf(a.role) - STATS_ROLES.indexOf(b.role));
  return held[0]?.unitCode ?? '';
}

export interface StatsUnitChoice extends UnitChoice {
  /** Levels below the top unit it hangs from (0 for that unit): the indentation in the picker. */
  depth: number;
}

function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length;
}

/**
 * Of the units the person may see (`orgUnits`, tree order), those whose figures
 * they may read: the units of their director or ADMIN roles and everything under
 * them. A role held elsewhere (e.g. auditor of another region) adds nothing.
 */
export function statsUnitChoices(
  units: readonly UnitChoice[],
  assignments: readonly RoleAssignment[],
): StatsUnitChoice[] {
  const codes = new Set(statsAssignments(assignments).map((a) => a.unitCode));
  const tops = units.filter((unit) => codes.has(unit.code)).map((unit) => unit.path);
  const choices: StatsUnitChoice[] = [];
  for (const unit of units) {
    const top = tops.filter((path) => unit.path.startsWith(path)).sort((a, b) => a.length - b.length)[0];
    if (top !== undefined) choices.push({ ...unit, depth: depthOf(unit.path) - depthOf(top) });
  }
  return choices;
}

/** The chosen unit and those above it in the picker, top first: the breadcrumb. */
export function ancestry(choices: readonly StatsUnitChoice[], code: string): StatsUnitChoice[] {
  const unit = choices.find((choice) => choice.code === code);
  if (!unit) return [];
  return choices.filter((choice) => unit.path.startsWith(choice.path)).sort((a, b) => a.path.length - b.path.length);
}
