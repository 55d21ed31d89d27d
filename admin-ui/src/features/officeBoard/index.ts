export { OfficeBoardPanel } from './OfficeBoardPanel';
