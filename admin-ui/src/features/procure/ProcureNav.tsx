import { NavLink } from 'react-router';

export const PROCURE_PATH = '/procure';
export const DECLARE_PATH = `${PROCURE_PATH}/nuova`;
export const COLLABORATORS_PATH = `${PROCURE_PATH}/collaboratori`;
export const API_KEYS_PATH = `${PROCURE_PATH}/chiavi-api`;
export const WEBHOOKS_PATH = `${PROCURE_PATH}/webhook`;

const LINKS = [
  { to: PROCURE_PATH, label: 'Le mie procure', end: true },
  { to: DECLARE_PATH, label: 'Nuova procura', end: true },
  { to: COLLABORATORS_PATH, label: 'Collaboratori', end: false },
  { to: API_KEYS_PATH, label: 'Chiavi API', end: false },
  { to: WEBHOOKS_PATH, label: 'Webhook', end: false },
];

/** The professional's screens, as tabs under the page heading. */
export function ProcureNav() {
  return (
    <nav aria-label="Sezioni delle procure" className="mb-4">
      <ul className="nav nav-tabs">
        {LINKS.map((link) => (
          <li key={link.to} className="nav-item">
            <NavLink to={link.to} end={link.end} className="nav-link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
