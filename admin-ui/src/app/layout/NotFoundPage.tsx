import { Link } from 'react-router';
import { usePageTitle } from '../../shared/components/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Pagina non trovata');
  return (
    <>
      <h1>Pagina non trovata</h1>
      <p>L'indirizzo non corrisponde a nessuna pagina di Accoglienza.</p>
      <Link to="/">Torna alla pagina iniziale</Link>
    </>
  );
}
