export { CounterOutcomeForm } from './CounterOutcomeForm';
export { CupImport } from './CupImport';
export {
  APPOINTMENT_STATUS_LABELS,
  CHANNEL_LABELS,
  COUNTER_OUTCOME_LABELS,
  PRECALL_COVERAGE_COLORS,
  PRECALL_COVERAGE_LABELS,
  PRECALL_REASON_LABELS,
  PRECALL_RESULT_LABELS,
  PRECALL_STATUS_LABELS,
} from './labels';
export {
  AppointmentCancelMutation,
  AppointmentNextMutation,
  CounterAssignMutation,
  CounterStartMutation,
  OfficeDayAppointmentsQuery,
  PrecallsAssignMutation,
  PrecallsAutoAssignMutation,
  WorklistCounterSessionsQuery,
  WorklistPrecallsQuery,
} from './operations';
export { PrecallOutcomeForm } from './PrecallOutcomeForm';
export { PrecontactPanel } from './PrecontactPanel';
export { SessionTimer } from './SessionTimer';
export { AppointmentBookMutation } from './operations';
export { SlotPicker } from './SlotPicker';
export { italianDay } from './slots';
export type { Slot } from './slots';
