export {
  PRIORITY_LABELS,
  PRIORITY_ORDER,
  SECTION_LABELS,
  SECTION_ORDER,
  STATUS_LABELS,
  STATUS_ORDER,
  formatDateTime,
} from './labels';
export {
  QuesitoClassificationListQuery,
  QuesitoFileMutation,
  QuesitoListQuery,
  QuesitoRegionsQuery,
} from './operations';
export { CitizenReplyPanel } from './CitizenReplyPanel';
export { QuesitoDetail } from './QuesitoDetail';
export { QuesitoPicker, useQuesitoSubject, type PickedQuesito } from './QuesitoPicker';
export { StatusBadge } from './StatusBadge';
export { QUESTION_MAX, SUBJECT_MAX, validateQuesito } from './validation';
export type { QuesitoFormValues } from './validation';
