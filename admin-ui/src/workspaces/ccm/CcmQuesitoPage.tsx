import { Link, useLocation, useParams } from 'react-router';
import { QuesitoDetail } from '../../features/quesiti';
import { CcmNav } from './CcmNav';

/** A quesito the CCM filed: its status and history, so a citizen calling back can be told. */
export function CcmQuesitoPage() {
  const { id = '' } = useParams();
  const filed = (useLocation().state as { filed?: boolean } | null)?.filed;
  return (
    <>
      <CcmNav />
      <QuesitoDetail id={id} actor="ccm" notice={filed ? 'Quesito inoltrato al CRIC.' : undefined} />
      {filed ? (
        <p>
          <Link to={`/ccm/contatti?quesito=${encodeURIComponent(id)}`} className="btn btn-outline-primary">
            Registra il contatto collegato
          </Link>
        </p>
      ) : null}
    </>
  );
}
