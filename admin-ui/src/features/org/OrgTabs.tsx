import { NavLink } from 'react-router';
import { PEOPLE_PATH } from './paths';

/** The two halves of "Organizzazione": the unit tree and the people. */
export function OrgTabs() {
  return (
    <nav aria-label="Sezioni di Organizzazione" className="mb-4">
      <ul className="nav nav-tabs">
        <li className="nav-item">
          <NavLink to="/organizzazione" end className="nav-link">
            Unità organizzative
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink to={PEOPLE_PATH} className="nav-link">
            Persone
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
