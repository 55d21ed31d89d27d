import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { formatDateTime } from '../../shared/format/dateTime';
import type { AccountSessionsQuery as AccountSessionsResult } from '../../gql/graphql';
import { AccountEndOtherSessionsMutation, AccountEndSessionMutation, AccountSessionsQuery } from './operations';

type SignInSession = AccountSessionsResult['mySessions'][number];

/** "1 sessione attiva", "3 sessioni attive". */
export function sessionsTotal(count: number): string {
  return count === 1 ? '1 sessione attiva' : `${count} sessioni attive`;
}

/**
 * The person's own sessions (one per sign-in on a device), newest first, with
 * "Termina" for each other one and "Termina le altre". An ended session's
 * token is refused from its next request, on every server.
 */
export function SessionsSection() {
  const [{ data, fetching, error }, reload] = useQuery({ query: AccountSessionsQuery, requestPolicy: 'network-only' });
  const [notice, setNotice] = useState<string | null>(null);
  const [, endSession] = useMutation(AccountEndSessionMutation);
  const [othersResult, endOthers] = useMutation(AccountEndOtherSessionsMutation);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const ending = useConfirmedAction(
    (session: SignInSession) => endSession({ id: session.id }),
    (session) => {
      setNotice(`Sessione terminata: ${session.device}.`);
      refresh();
    },
  );
  const sessions = data?.mySessions ?? [];
  const others = sessions.filter((session) => !session.current).length;

  async function endTheOthers() {
    setNotice(null);
    const result = await endOthers({});
    if (result.error) return;
    const ended = result.data?.endOtherSessions ?? 0;
    setNotice(ended === 1 ? 'Terminata 1 altra sessione.' : `Terminate ${ended} altre sessioni.`);
    refresh();
  }

  return (
    <section aria-labelledby="account-sessions" className="my-5">
      <h2 id="account-sessions" className="h4">
        Sessioni
      </h2>
      <p className="text-muted">
        Ogni accesso da un browser o da un dispositivo è una sessione. Se non ne riconosci una, terminala e cambia la
        password.
      </p>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false}>
            {notice}
          </Alert>
        ) : null}
      </div>
      <ErrorDisplay error={error ?? othersResult.error} headingLevel={3} onRetry={refresh} />
      {fetching && !data ? <Loading label="Caricamento delle sessioni…" /> : null}
      {data ? (
        <>
          <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
            <p className="mb-0 fw-semibold" data-testid="sessions-total">
              {sessionsTotal(sessions.length)}
            </p>
            <Button
              color="danger"
              outline
              size="sm"
              disabled={others === 0 || othersResult.fetching}
              onClick={() => void endTheOthers()}
            >
              Termina le altre
            </Button>
          </div>
          <ul className="list-unstyled" aria-label="Sessioni attive">
            {sessions.map((session) => (
              <SessionItem key={session.id} session={session} onEnd={() => ending.ask(session)} />
            ))}
          </ul>
        </>
      ) : null}
      <ConfirmDialog {...ending.dialog} title="Terminare la sessione?" confirmLabel="Termina">
        <p>La sessione su {ending.target?.device} finirà subito: chi la usa dovrà accedere di nuovo con la password.</p>
      </ConfirmDialog>
    </section>
  );
}

function SessionItem({ session, onEnd }: { session: SignInSession; onEnd: () => void }) {
  return (
    <li className="border-bottom py-3" data-testid="session-item">
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <div>
          <p className="mb-1 fw-semibold">
            {session.device}
            {session.current ? <span className="badge bg-primary ms-2">Questa sessione</span> : null}
          </p>
          <p className="mb-1 small">
            Accesso il {formatDateTime(session.startedAt)} · ultimo uso {formatDateTime(session.lastUsedAt)} · scade il{' '}
            {formatDateTime(session.expiresAt)}
          </p>
          {session.userAgent ? <p className="mb-0 small text-muted text-break">{session.userAgent}</p> : null}
        </div>
        {session.current ? null : (
          <Button
            color="danger"
            outline
            size="xs"
            onClick={onEnd}
            aria-label={`Termina la sessione su ${session.device}`}
          >
            Termina
          </Button>
        )}
      </div>
    </li>
  );
}
