import { Outlet, Route } from 'react-router';
import { RequireRole } from '../../app/layout/RequireRole';
import { CricQuesitoPage } from './CricQuesitoPage';
import { CricQueuePage } from './CricQueuePage';
import { FaqManagementPage } from './FaqManagementPage';

export const CRIC_PATH = '/cric';

/** The CRIC expert's screens under /cric. */
export const cricRoutes = (
  <Route path={CRIC_PATH} element={<RequireRole path={CRIC_PATH}><Outlet /></RequireRole>}>
    <Route index element={<CricQueuePage />} />
    <Route path="quesiti/:id" element={<CricQuesitoPage />} />
    <Route path="faq" element={<FaqManagementPage />} />
  </Route>
);
