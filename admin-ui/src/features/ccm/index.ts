export { CONTACT_CHANNEL_LABELS, CONTACT_CHANNEL_ORDER, CONTACT_OUTCOME_LABELS, CONTACT_OUTCOME_ORDER } from './labels';
export { ContactListQuery, ContactRecordMutation } from './operations';
