import type { Role } from '../../gql/graphql';
import { SECTIONS, type AppSection } from '../routes';

/** A menu entry: a section of `SECTIONS` shown in the menu. */
export type NavEntry = Pick<AppSection, 'path' | 'label' | 'roles'>;

const holdsAny = (section: AppSection, held: ReadonlySet<Role>) => section.roles.some((role) => held.has(role));

/** The menu of a person holding `roles`, in menu order. */
export function navigationFor(roles: Iterable<Role>): NavEntry[] {
  const held = new Set(roles);
  return SECTIONS.filter((section) => section.inMenu && holdsAny(section, held));
}

/** Whether `roles` may open the section at `path` (the same roles that see its menu entry). */
export function canOpen(path: string, roles: Iterable<Role>): boolean {
  const section = SECTIONS.find((candidate) => candidate.path === path);
  return section !== undefined && holdsAny(section, new Set(roles));
}
