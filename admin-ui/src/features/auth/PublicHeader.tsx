import { Header, HeaderContent, Headers } from 'design-react-kit';
import { Link } from 'react-router';

/** The header of the pages open without signing in (sign-in, password reset). */
export function PublicHeader() {
  return (
    <header>
      <Headers>
        <Header type="center">
          <HeaderContent>
            <div className="it-brand-wrapper">
              <Link to="/">
                <div className="it-brand-text">
                  <div className="it-brand-title">Accoglienza</div>
                  <div className="it-brand-tagline d-none d-md-block">Assistenza e consulenza all'utenza</div>
                </div>
              </Link>
            </div>
          </HeaderContent>
        </Header>
      </Headers>
    </header>
  );
}
