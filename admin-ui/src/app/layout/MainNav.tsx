import { Collapse, Header, HeaderContent, HeaderToggler, Icon, Nav, NavItem } from 'design-react-kit';
import { useState } from 'react';
import { NavLink } from 'react-router';
import type { Role } from '../../gql/graphql';
import { navigationFor } from './navigation';

/** The main menu: only the screens the person's roles can use. */
export function MainNav({ roles }: { roles: readonly Role[] }) {
  const [open, setOpen] = useState(false);
  const entries = navigationFor(roles);
  const close = () => setOpen(false);
  return (
    <Header type="navbar" theme="">
      <HeaderContent expand="lg" megamenu={false} aria-label="Navigazione principale">
        <HeaderToggler
          aria-controls="menu-principale"
          aria-label="Mostra o nascondi il menu"
          onClick={() => setOpen(!open)}
          isOpen={open}
        >
          <Icon icon="it-burger" aria-hidden="true" />
        </HeaderToggler>
        <Collapse isOpen={open} navbar header onOverlayClick={close} id="menu-principale">
          <div className="menu-wrapper">
            <Nav navbar>
              <NavItem>
                <NavLink to="/" end className="nav-link" onClick={close}>
                  <span>Home</span>
                </NavLink>
              </NavItem>
              {entries.map((entry) => (
                <NavItem key={entry.path}>
                  <NavLink to={entry.path} className="nav-link" onClick={close}>
                    <span>{entry.label}</span>
                  </NavLink>
                </NavItem>
              ))}
            </Nav>
          </div>
        </Collapse>
      </HeaderContent>
    </Header>
  );
}
