import { Outlet, Route } from 'react-router';
import { RequireRole } from '../../app/layout/RequireRole';
import { CcmHomePage } from './CcmHomePage';
import { CcmQuesitoPage } from './CcmQuesitoPage';
import { CitizenLookupPage } from './CitizenLookupPage';
import { ContactsPage } from './ContactsPage';
import { NewQuesitoPage } from './NewQuesitoPage';

export const CCM_PATH = '/ccm';

/** The CCM operator's screens under /ccm. */
export const ccmRoutes = (
  <Route path={CCM_PATH} element={<RequireRole path={CCM_PATH}><Outlet /></RequireRole>}>
    <Route index element={<CcmHomePage />} />
    <Route path="quesiti/nuovo" element={<NewQuesitoPage />} />
    <Route path="quesiti/:id" element={<CcmQuesitoPage />} />
    <Route path="contatti" element={<ContactsPage />} />
    <Route path="cittadino" element={<CitizenLookupPage />} />
  </Route>
);
