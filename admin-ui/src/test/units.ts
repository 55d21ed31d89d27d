import type { UnitKind } from '../gql/graphql';

/** The demo tree of docs/domain.md §2, as `orgUnits` returns it (tree order). */
const ALL: [code: string, name: string, kind: UnitKind, path: string][] = [
  ['ROOT', 'Amministrazione centrale', 'NATIONAL', '/IT/'],
  ['CCM', 'CCM — Contact Center Multicanale', 'CONTACT_CENTER', '/IT/CCM/'],
  ['DC', 'Direzione Centrale', 'CENTRAL_DIRECTORATE', '/IT/DC/'],
  ['DR-LAZ', 'DR Lazio', 'REGIONAL_DIRECTORATE', '/IT/LAZ/'],
  ['CRIC-LAZ', 'CRIC Lazio', 'CRIC', '/IT/LAZ/CRIC/'],
  ['DP-RM', 'DP Roma', 'PROVINCIAL_DIRECTORATE', '/IT/LAZ/RM/'],
  ['UT-RM1', 'UT Roma 1', 'TERRITORIAL_OFFICE', '/IT/LAZ/RM/RM1/'],
  ['DR-SAR', 'DR Sardegna', 'REGIONAL_DIRECTORATE', '/IT/SAR/'],
  ['DP-CA', 'DP Cagliari', 'PROVINCIAL_DIRECTORATE', '/IT/SAR/CA/'],
  ['UT-CA1', 'UT Cagliari 1', 'TERRITORIAL_OFFICE', '/IT/SAR/CA/CA1/'],
  ['UT-CA2', 'UT Cagliari 2', 'TERRITORIAL_OFFICE', '/IT/SAR/CA/CA2/'],
  ['CRIC-SAR', 'CRIC Sardegna', 'CRIC', '/IT/SAR/CRIC/'],
];

export interface FakeUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  path: string;
}

/** The units under `prefix` (all of them by default). */
export function demoUnits(prefix = '/'): FakeUnit[] {
  return ALL.filter(([, , , path]) => path.startsWith(prefix)).map(([code, name, kind, path]) => ({
    id: `u-${code}`,
    code,
    name,
    kind,
    path,
  }));
}

/** An `OrgUnitChoices` answer with these units on one page. */
export function unitChoicesAnswer(units: FakeUnit[]) {
  return { data: { orgUnits: { nodes: units, pageInfo: { hasNextPage: false, endCursor: null } } } };
}
