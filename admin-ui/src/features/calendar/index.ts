export { CALENDAR_PATH, UnitCalendarPage } from './UnitCalendarPage';
