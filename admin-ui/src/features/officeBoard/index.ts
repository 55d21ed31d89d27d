export { OfficeBoardPanel } from './OfficeBoardPanel';
export { useOfficeBoardChanges, useRefreshOn } from './useOfficeBoardChanges';
