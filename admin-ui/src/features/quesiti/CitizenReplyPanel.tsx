import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextAreaField } from '../../shared/components/fields';
import { QuesitoCitizenReplyMutation, QuesitoListQuery } from './operations';

interface Waiting {
  id: string;
  subject: string;
  waitingRequest?: string | null;
}

/**
 * While the CCM records a contact of a citizen: their quesiti waiting for an answer from them,
 * each with what the CRIC asked and a field to record the reply (the quesito then goes back to
 * the expert, its due date moved by the working days it waited). Inside the contact form, so
 * it uses buttons, not a nested form.
 */
export function CitizenReplyPanel({ citizenFiscalCode }: { citizenFiscalCode: string }) {
  const [{ data, error }, refetch] = useQuery({
    query: QuesitoListQuery,
    variables: { filter: { citizenFiscalCode, status: ['WAITING_FOR_CITIZEN'] }, first: 10 },
  });
  const [recorded, setRecorded] = useState<string[]>([]);
  const waiting = (data?.quesiti.nodes ?? []).filter((q) => !recorded.includes(q.id));
  if (error) return <ErrorDisplay error={error} headingLevel={3} />;
  if (waiting.length === 0 && recorded.length === 0) return null;
  return (
    <section aria-labelledby="citizen-waiting-heading" className="mb-4 p-3 border rounded">
      <h3 id="citizen-waiting-heading" className="h5">
        Quesiti in attesa di una risposta del cittadino
      </h3>
      {recorded.length > 0 ? (
        <Alert color="success" fade={false}>
          Risposta registrata: il quesito torna all'esperto del CRIC.
        </Alert>
      ) : null}
      {waiting.map((q) => (
        <WaitingQuesito
          key={q.id}
          quesito={q}
          onRecorded={() => {
            setRecorded([...recorded, q.id]);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ))}
    </section>
  );
}

function WaitingQuesito({ quesito, onRecorded }: { quesito: Waiting; onRecorded: () => void }) {
  const [reply, setReply] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [{ fetching, error }, recordReply] = useMutation(QuesitoCitizenReplyMutation);
  const send = async () => {
    if (!reply.trim()) {
      setProblem('Scrivi la risposta del cittadino.');
      return;
    }
    setProblem(undefined);
    const result = await recordReply({ id: quesito.id, reply: reply.trim() });
    if (result.data) onRecorded();
  };
  return (
    <div className="mb-3" role="group" aria-label={`Risposta del cittadino al quesito «${quesito.subject}»`}>
      <p className="mb-1">
        <Link to={`/ccm/quesiti/${quesito.id}`}>{quesito.subject}</Link>
      </p>
      <p className="small mb-2">Il CRIC chiede: {quesito.waitingRequest ?? '—'}</p>
      <ErrorDisplay error={error} headingLevel={4} />
      <TextAreaField label="Risposta del cittadino *" value={reply} onChange={setReply} error={problem} rows={2} />
      <Button color="primary" size="sm" type="button" onClick={send} disabled={fetching} aria-busy={fetching}>
        Registra la risposta
      </Button>
    </div>
  );
}
