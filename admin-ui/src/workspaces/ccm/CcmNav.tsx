import { NavLink } from 'react-router';

const LINKS = [
  { to: '/ccm', label: 'Cerca nelle FAQ', end: true },
  { to: '/ccm/quesiti/nuovo', label: 'Nuovo quesito', end: true },
  { to: '/ccm/contatti', label: 'Contatti', end: false },
  { to: '/ccm/cittadino', label: 'Quesiti del cittadino', end: false },
];

/** The CCM operator's screens, as tabs under the page heading. */
export function CcmNav() {
  return (
    <nav aria-label="Sezioni del CCM" className="mb-4">
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
