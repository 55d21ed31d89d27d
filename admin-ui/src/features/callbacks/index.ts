export { CallbacksPanel } from './CallbacksPanel';
export { CALLBACKS_PATH, CallbackQueuePage } from './CallbackQueuePage';
