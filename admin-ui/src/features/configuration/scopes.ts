import type { Me } from '../auth';

/** Where a setting may be made: the national root (every region) or one regional directorate. */
export interface ConfigScope {
  code: string;
  label: string;
}

/**
 * The scopes a person may configure for `region`: the national root when they are an
 * administrator there (their ADMIN assignment's unit), then the region itself.
 */
export function configScopes(me: Me, region: { code: string; name: string }): ConfigScope[] {
  const national = me.assignments.find((a) => a.role === 'ADMIN');
  const scopes: ConfigScope[] = [];
  if (national?.unitCode) scopes.push({ code: national.unitCode, label: 'Nazionale (tutte le regioni)' });
  scopes.push({ code: region.code, label: `Solo ${region.name}` });
  return scopes;
}
