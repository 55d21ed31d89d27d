export { LazyMonitoringPage } from './LazyMonitoringPage';
export { MONITORING_PATH } from './selection';
