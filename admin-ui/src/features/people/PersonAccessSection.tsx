import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { formatDateTime } from '../../shared/format/dateTime';
import { PersonEndSessionsMutation, PersonIssuePasswordResetMutation } from './operations';

interface Person {
  username: string;
  displayName: string;
  email?: string | null;
}

/**
 * What a manager does about a person's access: end all their sessions (a lost
 * laptop) and send them a one-time link to choose a new password — never a
 * password typed for them.
 */
export function PersonAccessSection({ person }: { person: Person }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [, endSessions] = useMutation(PersonEndSessionsMutation);
  const [, issueReset] = useMutation(PersonIssuePasswordResetMutation);
  const ending = useConfirmedAction(
    async (target: Person) => {
      const result = await endSessions({ username: target.username });
      const ended = result.data?.endSessionsOf ?? 0;
      if (!result.error) setNotice(ended === 1 ? 'Terminata 1 sessione.' : `Terminate ${ended} sessioni.`);
      return result;
    },
    () => {},
  );
  const resetting = useConfirmedAction(
    async (target: Person) => {
      const result = await issueReset({ username: target.username });
      const issued = result.data?.issuePasswordReset;
      if (issued)
        setNotice(
          `Collegamento inviato a ${issued.sentTo}: vale una volta, fino al ${formatDateTime(issued.expiresAt)}.`,
        );
      return result;
    },
    () => {},
  );

  return (
    <section aria-labelledby="person-access" className="my-5">
      <h2 id="person-access" className="h4">
        Accesso
      </h2>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false}>
            {notice}
          </Alert>
        ) : null}
      </div>
      <div className="d-flex flex-wrap gap-2">
        <Button color="danger" outline size="sm" onClick={() => ending.ask(person)}>
          Termina tutte le sessioni
        </Button>
        <Button color="primary" outline size="sm" onClick={() => resetting.ask(person)} disabled={!person.email}>
          Invia link per nuova password
        </Button>
      </div>
      {person.email ? null : (
        <p className="small text-muted mt-2 mb-0">Per inviare il collegamento serve un indirizzo e-mail.</p>
      )}
      <ConfirmDialog {...ending.dialog} title="Terminare tutte le sessioni?" confirmLabel="Termina">
        <p>{person.displayName} dovrà accedere di nuovo su ogni dispositivo.</p>
      </ConfirmDialog>
      <ConfirmDialog {...resetting.dialog} title="Inviare il collegamento?" confirmLabel="Invia">
        <p>
          {person.displayName} riceverà per e-mail un collegamento, valido una volta e per 24 ore, per scegliere una
          nuova password. Fino ad allora la password attuale resta valida.
        </p>
      </ConfirmDialog>
    </section>
  );
}
