export { ApiKeysPage } from './ApiKeysPage';
export { CollaboratorCheckPanel } from './CollaboratorCheckPanel';
export { CollaboratorsPage } from './CollaboratorsPage';
export { DeclareProcuraPage } from './DeclareProcuraPage';
export { ProcureLayout } from './ProcureLayout';
export { ProcureListPage } from './ProcureListPage';
export { API_KEYS_PATH, COLLABORATORS_PATH, DECLARE_PATH, PROCURE_PATH, WEBHOOKS_PATH } from './ProcureNav';
export { WebhooksPage } from './WebhooksPage';
export { PROFESSION_CATEGORY_LABELS } from './labels';
