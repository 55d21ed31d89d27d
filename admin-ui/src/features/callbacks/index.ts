export { CallbacksPanel } from './CallbacksPanel';
