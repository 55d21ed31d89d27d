import type { OfficeSize, UnitKind } from '../../gql/graphql';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  NATIONAL: 'Amministrazione centrale',
  CENTRAL_DIRECTORATE: 'Direzione centrale',
  CONTACT_CENTER: 'Contact center',
  REGIONAL_DIRECTORATE: 'Direzione regionale',
  CRIC: 'CRIC',
  PROVINCIAL_DIRECTORATE: 'Direzione provinciale',
  TERRITORIAL_OFFICE: 'Ufficio territoriale',
};

/** Order of the kinds in the tree: the hierarchy of docs/domain.md §2. */
export const UNIT_KIND_ORDER: readonly UnitKind[] = [
  'NATIONAL',
  'CENTRAL_DIRECTORATE',
  'CONTACT_CENTER',
  'REGIONAL_DIRECTORATE',
  'CRIC',
  'PROVINCIAL_DIRECTORATE',
  'TERRITORIAL_OFFICE',
];

export const OFFICE_SIZE_LABELS: Record<OfficeSize, string> = {
  SMALL: 'Piccolo',
  LARGE: 'Grande',
};
