import { Route } from 'react-router';
import { RequireRole } from '../../app/layout/RequireRole';
import { ApiKeysPage } from './ApiKeysPage';
import { CollaboratorsPage } from './CollaboratorsPage';
import { DeclareProcuraPage } from './DeclareProcuraPage';
import { ProcureLayout } from './ProcureLayout';
import { ProcureListPage } from './ProcureListPage';
import { PROCURE_PATH } from './ProcureNav';
import { WebhooksPage } from './WebhooksPage';

export { PROCURE_PATH };

/** The professional's screens under /procure. */
export const procureRoutes = (
  <Route path={PROCURE_PATH} element={<RequireRole path={PROCURE_PATH}><ProcureLayout /></RequireRole>}>
    <Route index element={<ProcureListPage />} />
    <Route path="nuova" element={<DeclareProcuraPage />} />
    <Route path="collaboratori" element={<CollaboratorsPage />} />
    <Route path="chiavi-api" element={<ApiKeysPage />} />
    <Route path="webhook" element={<WebhooksPage />} />
  </Route>
);
