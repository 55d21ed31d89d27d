import { NavLink } from 'react-router';

/** The CRIC expert's screens, as tabs under the page heading. */
export function CricNav() {
  return (
    <nav aria-label="Sezioni del CRIC" className="mb-4">
      <ul className="nav nav-tabs">
        <li className="nav-item">
          <NavLink to="/cric" end className="nav-link">
            Coda dei quesiti
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink to="/cric/faq" className="nav-link">
            Gestione FAQ
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
