export { NewPersonPage } from './NewPersonPage';
export { PeoplePage } from './PeoplePage';
export { PersonPage } from './PersonPage';
export { StaffPicker, useOfficeStaff, type StaffChoice } from './StaffPicker';
