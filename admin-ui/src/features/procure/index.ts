export { CollaboratorCheckPanel } from './CollaboratorCheckPanel';
export { procureRoutes } from './routes';
