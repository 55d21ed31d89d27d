import type { Role } from '../../gql/graphql';

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Amministratore',
  REGIONAL_DIRECTOR: 'Direttore regionale',
  PROVINCIAL_DIRECTOR: 'Direttore provinciale',
  OFFICE_DIRECTOR: "Direttore d'ufficio",
  ROOM_COORDINATOR: 'Coordinatore di sala',
  OPERATOR: 'Funzionario',
  CCM_OPERATOR: 'Operatore CCM',
  CRIC_EXPERT: 'Esperto CRIC',
  AUDITOR: 'Revisore',
  PROFESSIONAL: 'Professionista',
};

/** CRIC / CCM sections (docs/domain.md §4); the API sends them as plain strings. */
export const SECTION_LABELS: Record<string, string | undefined> = {
  PENSIONI: 'Pensioni',
  SOSTEGNO_REDDITO: 'Prestazioni a sostegno del reddito',
  SOGGETTO_CONTRIBUENTE: 'Soggetto contribuente',
};

interface AssignmentLike {
  role: Role;
  unitName?: string | null;
  unitCode?: string | null;
  section?: string | null;
}

/** "Direttore regionale — DR Sardegna", "Esperto CRIC — CRIC Sardegna (Pensioni)". */
export function describeAssignment({ role, unitName, unitCode, section }: AssignmentLike): string {
  const unit = unitName ?? unitCode;
  const where = unit ? ` — ${unit}` : '';
  const sectionText = section ? ` (${SECTION_LABELS[section] ?? section})` : '';
  return `${ROLE_LABELS[role]}${where}${sectionText}`;
}
