export { OfficeDayOfficesQuery, OrgUnitListQuery } from './operations';
export { OrgTabs } from './OrgTabs';
export { orgUnitPath } from './OrgTree';
export { OrgUnitPage } from './OrgUnitPage';
export { OrgUnitsPage } from './OrgUnitsPage';
export { NEW_PERSON_PATH, ORGANIZATION_PATH, PEOPLE_PATH, personPath } from './paths';
export { UNIT_KIND_LABELS } from './unitLabels';
export { unitChoiceLabel, useVisibleUnits } from './useVisibleUnits';
export type { UnitChoice } from './useVisibleUnits';
