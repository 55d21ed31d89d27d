export { FOLLOW_UP_ORIGIN_LABELS, FOLLOW_UP_STATUS_LABELS, followUpTotals } from './labels';
export { MyFollowUpsPanel } from './MyFollowUpsPanel';
export { OfficeFollowUpsPanel } from './OfficeFollowUpsPanel';
export { TextDialog } from './TextDialog';
