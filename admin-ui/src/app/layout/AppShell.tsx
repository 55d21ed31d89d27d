import { Skiplink, SkiplinkItem } from 'design-react-kit';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useMe } from '../../features/auth';
import { AppHeader } from './AppHeader';

/** The frame of every signed-in screen: skip links, header with menu, main content, footer. */
export function AppShell() {
  const me = useMe();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After navigating, move focus to the new content, as a full page load would for a screen reader.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <Skiplink>
        <SkiplinkItem href="#contenuto">Vai al contenuto principale</SkiplinkItem>
        <SkiplinkItem href="#menu-principale">Vai al menu</SkiplinkItem>
      </Skiplink>
      <AppHeader me={me} />
      <main id="contenuto" ref={mainRef} tabIndex={-1} className="container-xxl my-4 app-main">
        <div className="row">
          <div className="col app-content">
            <Outlet />
          </div>
        </div>
      </main>
      <footer className="it-footer">
        <div className="it-footer-small-prints py-3">
          <div className="container-xxl">
            <div className="row">
              <div className="col app-content">
                <p className="mb-0 text-white small">
                  Accoglienza — servizio per il personale della pubblica amministrazione
                </p>
              </div>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
