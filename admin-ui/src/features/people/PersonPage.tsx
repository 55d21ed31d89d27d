import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { useMe, ROLE_LABELS, SECTION_LABELS, describeAssignment } from '../auth';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { orgUnitPath, PEOPLE_PATH } from '../org';
import { AddRoleForm } from './AddRoleForm';
import { PersonAccessSection } from './PersonAccessSection';
import { mayGrantOn } from './grants';
import { PersonRevokeRoleMutation, PersonSetActiveMutation } from './operations';
import { useGrantOptions } from './useGrantOptions';
import { usePerson, type PersonDetail } from './usePerson';

/** Set by the new-person form when it navigates here. */
export interface PersonPageState {
  created?: boolean;
}

type Assignment = PersonDetail['assignments'][number];

/** Re-read every query that lists people or their roles after a change. */
const PEOPLE_CONTEXT = { additionalTypenames: ['Person', 'PersonAssignment'] };

/** One person: details, role assignments (add, revoke), deactivate / reactivate, sessions and password reset. */
export function PersonPage() {
  const { username = '' } = useParams();
  // A fresh page per person: notices, dialogs and the role draft belong to one person.
  return <PersonView key={username} username={username} />;
}

function PersonView({ username }: { username: string }) {
  const location = useLocation();
  const me = useMe();
  const { person: found, fetching, error, refresh } = usePerson(username);
  // With any error (FORBIDDEN, NOT_FOUND…) nothing of the person is shown, not even the name.
  const person = error ? undefined : found;
  const grants = useGrantOptions();
  const [notice, setNotice] = useState<string | null>(
    (location.state as PersonPageState | null)?.created ? 'Persona creata.' : null,
  );
  const [confirmingActive, setConfirmingActive] = useState(false);
  const [, revokeRole] = useMutation(PersonRevokeRoleMutation);
  const [activeResult, setPersonActive] = useMutation(PersonSetActiveMutation);
  const [activeError, setActiveError] = useState<CombinedError | undefined>();
  usePageTitle(person?.displayName ?? (error || !fetching ? 'Persona non trovata' : 'Persona'));
  const revoking = useConfirmedAction(
    (target: Assignment) => revokeRole({ assignmentId: target.id }, PEOPLE_CONTEXT),
    (target) => {
      setNotice(
        `Ruolo revocato: ${describeAssignment({ role: target.role, unitName: target.unit?.name, section: target.section })}.`,
      );
      refresh();
    },
  );

  const breadcrumb = (
    <nav aria-label="Percorso" className="breadcrumb-container">
      <ol className="breadcrumb">
        <li className="breadcrumb-item">
          <Link to="/organizzazione">Organizzazione</Link>
          <span className="separator" aria-hidden="true">
            /
          </span>
        </li>
        <li className="breadcrumb-item">
          <Link to={PEOPLE_PATH}>Persone</Link>
          <span className="separator" aria-hidden="true">
            /
          </span>
        </li>
        <li className="breadcrumb-item active" aria-current="page">
          {person?.displayName ?? username}
        </li>
      </ol>
    </nav>
  );

  // FORBIDDEN / NOT_FOUND and any other error: show the error, never a person.
  if (!person) {
    return (
      <>
        {breadcrumb}
        {fetching && !error ? <Loading label="Caricamento della persona…" /> : null}
        {error || !fetching ? (
          <>
            <h1>Persona {username}</h1>
            {error ? (
              <ErrorDisplay error={error} headings={{ NOT_FOUND: 'Persona non trovata' }} onRetry={refresh} />
            ) : (
              <Alert color="danger" fade={false}>
                <h2 className="h5 alert-heading">Persona non trovata</h2>
                <p className="mb-0">Nessuna persona con questo nome utente tra quelle che gestisci.</p>
              </Alert>
            )}
          </>
        ) : null}
      </>
    );
  }

  const self = person.username === me.username;
  const canRevoke = (assignment: Assignment) =>
    !self && !!assignment.unit && mayGrantOn(me.assignments, grants.units, assignment.role, assignment.unit);

  const changeActive = async () => {
    const active = !person.active;
    const result = await setPersonActive({ username: person.username, active }, PEOPLE_CONTEXT);
    if (result.error) {
      setActiveError(result.error);
      return;
    }
    setNotice(active ? 'Persona riattivata: può di nuovo accedere.' : 'Persona disattivata: non può più accedere.');
    setConfirmingActive(false);
  };

  return (
    <>
      {breadcrumb}
      <h1>{person.displayName}</h1>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false} className="my-3">
            {notice}
          </Alert>
        ) : null}
      </div>

      <dl className="row person-details">
        <dt className="col-sm-4 col-lg-3">Nome utente</dt>
        <dd className="col-sm-8 col-lg-9">{person.username}</dd>
        <dt className="col-sm-4 col-lg-3">E-mail</dt>
        <dd className="col-sm-8 col-lg-9">{person.email ?? 'Non indicata'}</dd>
        <dt className="col-sm-4 col-lg-3">Stato</dt>
        <dd className="col-sm-8 col-lg-9">{person.active ? 'Attiva' : 'Disattivata: non può accedere'}</dd>
      </dl>
      {self ? (
        <p className="text-muted">
          Questa è la tua scheda: i tuoi ruoli e il tuo stato li cambia un altro amministratore.
        </p>
      ) : (
        <Button
          color={person.active ? 'danger' : 'primary'}
          outline
          size="sm"
          onClick={() => {
            setActiveError(undefined);
            setConfirmingActive(true);
          }}
        >
          {person.active ? 'Disattiva' : 'Riattiva'}
        </Button>
      )}

      <section aria-labelledby="person-roles" className="my-5">
        <h2 id="person-roles" className="h4">
          Ruoli
        </h2>
        {person.assignments.length === 0 ? (
          <EmptyState title="Nessun ruolo nelle unità che gestisci" />
        ) : (
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">Ruoli di {person.displayName}</caption>
              <thead>
                <tr>
                  <th scope="col">Ruolo</th>
                  <th scope="col">Unità</th>
                  <th scope="col">Sezione</th>
                  <th scope="col">
                    <span className="visually-hidden">Azioni</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {person.assignments.map((assignment) => (
                  <tr key={assignment.id}>
                    <td>{ROLE_LABELS[assignment.role]}</td>
                    <td>
                      {assignment.unit ? (
                        <Link to={orgUnitPath(assignment.unit.code)}>{assignment.unit.name}</Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{assignment.section ? (SECTION_LABELS[assignment.section] ?? assignment.section) : 'Tutte'}</td>
                    <td className="text-end">
                      {canRevoke(assignment) ? (
                        <Button
                          color="danger"
                          outline
                          size="xs"
                          onClick={() => revoking.ask(assignment)}
                          aria-label={`Revoca ${describeAssignment({ role: assignment.role, unitName: assignment.unit?.name, section: assignment.section })}`}
                        >
                          Revoca
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {self || !person.active ? null : <PersonAccessSection person={person} />}

      {self ? null : (
        <section aria-labelledby="person-add-role" className="my-5">
          <h2 id="person-add-role" className="h4">
            Aggiungi un ruolo
          </h2>
          <AddRoleForm
            username={person.username}
            grants={grants}
            onAdded={(text) => {
              setNotice(`Ruolo aggiunto: ${text}.`);
              refresh();
            }}
          />
        </section>
      )}

      <ConfirmDialog title="Revocare il ruolo?" confirmLabel="Revoca" {...revoking.dialog}>
        {revoking.target ? (
          <p>
            {person.displayName} non avrà più il ruolo{' '}
            <strong>
              {describeAssignment({
                role: revoking.target.role,
                unitName: revoking.target.unit?.name,
                section: revoking.target.section,
              })}
            </strong>
            .
          </p>
        ) : null}
      </ConfirmDialog>

      <ConfirmDialog
        isOpen={confirmingActive}
        title={person.active ? 'Disattivare la persona?' : 'Riattivare la persona?'}
        confirmLabel={person.active ? 'Disattiva' : 'Riattiva'}
        onConfirm={() => void changeActive()}
        onCancel={() => setConfirmingActive(false)}
        busy={activeResult.fetching}
        error={<ErrorDisplay error={activeError} headingLevel={3} />}
      >
        <p>
          {person.active
            ? `${person.displayName} non potrà più accedere ad Accoglienza; le sessioni aperte terminano subito. I ruoli restano.`
            : `${person.displayName} potrà di nuovo accedere con i ruoli che ha.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
