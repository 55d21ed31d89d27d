import { useParams } from 'react-router';
import { QuesitoDetail } from '../../features/quesiti';
import { CricNav } from './CricNav';

export function CricQuesitoPage() {
  const { id = '' } = useParams();
  return (
    <>
      <CricNav />
      <QuesitoDetail id={id} actor="cric" />
    </>
  );
}
