import { Link } from 'react-router';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { FaqSearch } from '../../features/faq';
import { CcmNav } from './CcmNav';

/** The CCM operator starts here: the FAQ first, then filing a quesito if the answer is not there. */
export function CcmHomePage() {
  usePageTitle('CCM — Cerca nelle FAQ');
  return (
    <>
      <h1>Contact Center Multicanale</h1>
      <CcmNav />
      <FaqSearch />
      <section aria-labelledby="ccm-next-heading" className="callout note">
        <h2 id="ccm-next-heading" className="h5">
          La risposta non c'è?
        </h2>
        <p>Se la domanda è troppo complessa, inoltra un quesito al CRIC della regione competente.</p>
        <div className="d-flex gap-3 flex-wrap">
          {/* The callout colours its links blue: the filled button keeps white text. */}
          <Link to="/ccm/quesiti/nuovo" className="btn btn-primary text-white">
            Nuovo quesito
          </Link>
          <Link to="/ccm/contatti" className="btn btn-outline-primary">
            Registra il contatto
          </Link>
        </div>
      </section>
    </>
  );
}
