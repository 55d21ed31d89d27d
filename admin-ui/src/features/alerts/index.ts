export { AlertsBell } from './AlertsBell';
export { useLiveAlerts, type LiveAlert } from './useLiveAlerts';
