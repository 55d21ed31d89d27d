import { Button } from 'design-react-kit';
import { useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { MutationError } from '../../shared/components/MutationError';
import { formatDateTime } from '../../shared/format/calendar';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { useDraft } from '../../shared/forms/useDraft';
import { PrecontactReplyMutation, PrecontactSendMutation, PrecontactShowQuery } from './operations';

/**
 * The pre-contact e-mail (docs/domain.md §5.3), at any office size: the text, sent through the
 * outbox from the assignee's address with the office's function mailbox in copy, and the reply.
 */
export function PrecontactPanel({ appointmentId }: { appointmentId: string }) {
  const id = useId();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PrecontactShowQuery, variables: { appointmentId } });
  const [sentState, send] = useMutation(PrecontactSendMutation);
  const [replyState, recordReply] = useMutation(PrecontactReplyMutation);
  const [reply, setReply, discardReply] = useDraft(`precontact-reply:${appointmentId}`, '');
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  if (fetching && !data) return <Loading label="Caricamento dell'e-mail…" />;
  if (error && !data) return <ErrorDisplay error={error} headingLevel={4} onRetry={reload} />;
  if (!data) return null;
  const email = data.precontactEmail;
  const { precontact, version } = data.appointment;
  return (
    <section aria-labelledby={`${id}-title`} className="border rounded p-3 my-2">
      <h4 id={`${id}-title`} className="h6">
        E-mail di precontatto
      </h4>
      <dl className="row mb-2">
        <dt className="col-sm-2">Da</dt>
        <dd className="col-sm-10">{email.from ?? '—'}</dd>
        <dt className="col-sm-2">A</dt>
        <dd className="col-sm-10">{email.to}</dd>
        <dt className="col-sm-2">Cc</dt>
        <dd className="col-sm-10">{email.cc ?? "— (l'ufficio non ha una casella funzionale)"}</dd>
        <dt className="col-sm-2">Oggetto</dt>
        <dd className="col-sm-10">{email.subject}</dd>
      </dl>
      <pre
        className="border p-2 bg-light"
        style={{ whiteSpace: 'pre-wrap' }}
        tabIndex={0}
        aria-label="Testo dell'e-mail"
      >
        {email.body}
      </pre>
      {precontact.sentAt ? (
        <p>
          Inviata il {formatDateTime(precontact.sentAt)}
          {precontact.sentBy ? ` da ${precontact.sentBy.displayName}` : ''}.
        </p>
      ) : (
        <Button
          color="primary"
          outline
          size="sm"
          disabled={sentState.fetching}
          onClick={() => send({ appointmentId, version }).then(reload)}
        >
          Invia e-mail
        </Button>
      )}
      <MutationError error={sentState.error} onReload={reload} headingLevel={4} />
      {precontact.reply ? (
        <p className="mt-2">
          Risposta del cittadino{precontact.repliedAt ? ` (${formatDateTime(precontact.repliedAt)})` : ''}:{' '}
          {precontact.reply}
        </p>
      ) : (
        <form
          className="mt-3"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!reply.trim()) return;
            const answer = await recordReply({ appointmentId, reply: reply.trim(), version });
            if (!answer.error) {
              discardReply();
              reload();
            }
          }}
        >
          <div className="form-group">
            <label htmlFor={`${id}-reply`} className="active">
              Risposta del cittadino
            </label>
            <textarea
              id={`${id}-reply`}
              className="form-control"
              rows={2}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
            />
          </div>
          <MutationError error={replyState.error} onReload={reload} headingLevel={4} />
          <Button type="submit" color="primary" outline size="sm" disabled={replyState.fetching || !reply.trim()}>
            Registra risposta
          </Button>
        </form>
      )}
    </section>
  );
}
