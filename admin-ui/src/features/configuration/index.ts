export { QUESITI_CONFIG_PATH, QuesitiConfigPage } from './QuesitiConfigPage';
export { SERVICES_PATH, ServicesPage } from './ServicesPage';
