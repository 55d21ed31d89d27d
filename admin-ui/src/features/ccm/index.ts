export { CONTACT_CHANNEL_LABELS, CONTACT_CHANNEL_ORDER, CONTACT_OUTCOME_LABELS, CONTACT_OUTCOME_ORDER } from './labels';
export { ContactListQuery, ContactRecordMutation } from './operations';
export { BookingPanel } from './BookingPanel';
export type { BookedAppointment } from './BookingPanel';
export { CallbackPanel } from './CallbackPanel';
export type { RequestedCallback } from './CallbackPanel';
