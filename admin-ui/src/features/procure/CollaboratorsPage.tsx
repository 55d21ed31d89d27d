import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { todayInRome } from '../../shared/format/calendar';
import { fieldErrorsOf, withoutFieldErrors } from '../../shared/api/errors';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { formatDateTime } from '../../shared/format/dateTime';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useDraft } from '../../shared/forms/useDraft';
import type { CollaboratorOrderField, CollaboratorRowFragment } from '../../gql/graphql';
import { normalizeFiscalCode } from '../../shared/validation/fiscalCode';
import { CheckField } from './fields';
import { formatDate } from './labels';
import { CollaboratorAddMutation, CollaboratorEndMutation, CollaboratorListQuery } from './operations';
import {
  endDateProblem,
  hasErrors,
  validateCollaborator,
  type CollaboratorValues,
  type FieldErrors,
} from './validation';

export const COLLABORATOR_DRAFT = 'procure-collaborator';

const COLLABORATORS_CONTEXT = { additionalTypenames: ['Collaborator', 'CollaboratorConnection'] };
const ADD_FIELDS = ['fiscalCode', 'from', 'to'];

/** The collaborators the professional may send to the offices, with their periods. */
export function CollaboratorsPage() {
  usePageTitle('Procure — Collaboratori');
  const [notice, setNotice] = useState<string | null>(null);
  const [activeOnly, setActiveOnly] = useState(false);
  const [ending, setEnding] = useState<CollaboratorRowFragment | null>(null);
  const today = todayInRome();

  // Newest first until a column header says otherwise.
  const { order, sortBy } = useSortOrder<CollaboratorOrderField>({ field: 'CREATED_AT', direction: 'DESC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: CollaboratorListQuery,
    variables: { filter: activeOnly ? { activeOn: today } : null, orderBy: order },
    connection: (data) => data.collaborators,
    pageSize: 25,
  });

  return (
    <>
      <h2 className="h3">Collaboratori</h2>
      <p>
        I collaboratori che comunichi possono presentarsi agli uffici per tuo conto, nel periodo indicato, per le
        procure che autorizzano i collaboratori.
      </p>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false} className="my-3">
            {notice}
          </Alert>
        ) : null}
      </div>

      <AddCollaboratorForm
        onAdded={(c) => {
          setNotice(
            `Collaboratore ${c.fiscalCode} comunicato dal ${formatDate(c.from)}${c.to ? ` al ${formatDate(c.to)}` : ''}.`,
          );
          refresh();
        }}
      />

      <section aria-labelledby="collaborators-list" className="my-5">
        <h3 id="collaborators-list" className="h4">
          Collaboratori comunicati
        </h3>
        <CheckField label="Solo i collaboratori attivi oggi" checked={activeOnly} onChange={setActiveOnly} />
        <ErrorDisplay error={error} headingLevel={4} onRetry={refresh} />
        {nodes.length === 0 && fetching ? <Loading label="Caricamento dei collaboratori…" /> : null}
        {nodes.length === 0 && !fetching && !error ? (
          <EmptyState
            title={activeOnly ? 'Nessun collaboratore attivo oggi' : 'Non hai ancora comunicato collaboratori'}
          />
        ) : null}
        {nodes.length > 0 ? (
          <>
            <div className="table-responsive">
              <table className="table align-middle table-cards">
                <caption className="visually-hidden">Collaboratori comunicati</caption>
                <thead>
                  <tr>
                    <SortableHeader field="FISCAL_CODE" order={order} onSort={sortBy}>
                      Codice fiscale
                    </SortableHeader>
                    <SortableHeader field="VALID_FROM" order={order} onSort={sortBy}>
                      Dal
                    </SortableHeader>
                    <SortableHeader field="VALID_TO" order={order} onSort={sortBy}>
                      Al
                    </SortableHeader>
                    <th scope="col">Stato</th>
                    <th scope="col" className="table-cards-no-label">
                      <span className="visually-hidden">Azioni</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {nodes.map((c) => (
                    <tr key={c.id} data-testid={`collaborator-${c.fiscalCode}`}>
                      <td data-label="Codice fiscale">
                        <span className="font-monospace">{c.fiscalCode}</span>
                      </td>
                      <td data-label="Dal">{formatDate(c.from)}</td>
                      <td data-label="Al">
                        <span>
                          {c.to ? formatDate(c.to) : 'senza scadenza'}
                          {c.endedAt ? (
                            <small className="d-block text-muted">terminato il {formatDateTime(c.endedAt)}</small>
                          ) : null}
                        </span>
                      </td>
                      <td data-label="Stato">
                        <span className={`badge ${c.active ? 'bg-success' : 'bg-secondary'}`}>
                          {c.active ? 'Attivo' : 'Non attivo'}
                        </span>
                      </td>
                      <td className="text-end">
                        {!c.to || String(c.to) >= today ? (
                          <Button
                            color="danger"
                            outline
                            size="xs"
                            onClick={() => setEnding(c)}
                            aria-label={`Termina il periodo di ${c.fiscalCode}`}
                          >
                            Termina
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore
              hasNextPage={hasNextPage}
              fetching={fetching}
              onLoadMore={loadMore}
              shown={nodes.length}
              total={totalCount}
            />
          </>
        ) : null}
      </section>

      {ending ? (
        <EndCollaboratorDialog
          collaborator={ending}
          today={today}
          onCancel={() => setEnding(null)}
          onEnded={(c) => {
            setEnding(null);
            setNotice(`Periodo di ${c.fiscalCode} terminato: ultimo giorno ${formatDate(c.to)}.`);
            refresh();
          }}
        />
      ) : null}
    </>
  );
}

function AddCollaboratorForm({ onAdded }: { onAdded: (c: CollaboratorRowFragment) => void }) {
  const [draft, setDraft, discard] = useDraft<CollaboratorValues>(COLLABORATOR_DRAFT, {
    fiscalCode: '',
    from: todayInRome(),
    to: '',
  });
  const [errors, setErrors] = useState<FieldErrors<CollaboratorValues>>({});
  const [{ fetching, error }, add] = useMutation(CollaboratorAddMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();

  const set = (field: keyof CollaboratorValues, value: string) => {
    setDraft({ ...draft, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const found = validateCollaborator(draft);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstInvalid();
      return;
    }
    const result = await add(
      { fiscalCode: normalizeFiscalCode(draft.fiscalCode), from: draft.from, to: draft.to || null },
      COLLABORATORS_CONTEXT,
    );
    if (result.data?.addCollaborator) {
      discard();
      onAdded(result.data.addCollaborator);
      return;
    }
    if (Object.keys(fieldErrorsOf(result.error)).some((f) => ADD_FIELDS.includes(f))) focusFirstInvalid();
  };

  const serverErrors = fieldErrorsOf(error) as FieldErrors<CollaboratorValues>;
  const fieldErrors = {
    ...serverErrors,
    ...Object.fromEntries(Object.entries(errors).filter(([, v]) => v)),
  } as FieldErrors<CollaboratorValues>;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Nuovo collaboratore" className="border rounded p-3">
      <h3 className="h5 mb-4">Comunica un collaboratore</h3>
      <ErrorDisplay error={withoutFieldErrors(error, ADD_FIELDS)} headingLevel={4} />
      <div className="row">
        <div className="col-md-4">
          <TextField
            label="Codice fiscale del collaboratore *"
            value={draft.fiscalCode}
            onChange={(value) => set('fiscalCode', value.toUpperCase())}
            error={fieldErrors.fiscalCode}
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            required
          />
        </div>
        <div className="col-md-3">
          <TextField
            label="Dal *"
            type="date"
            value={draft.from}
            onChange={(value) => set('from', value)}
            error={fieldErrors.from}
            required
          />
        </div>
        <div className="col-md-3">
          <TextField
            label="Al"
            type="date"
            value={draft.to}
            onChange={(value) => set('to', value)}
            error={fieldErrors.to}
            min={draft.from || undefined}
            hint="Lascia vuoto se il periodo non ha una fine."
          />
        </div>
      </div>
      <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Invio in corso…' : 'Aggiungi collaboratore'}
      </Button>
    </form>
  );
}

function EndCollaboratorDialog({
  collaborator,
  today,
  onCancel,
  onEnded,
}: {
  collaborator: CollaboratorRowFragment;
  today: string;
  onCancel: () => void;
  onEnded: (c: CollaboratorRowFragment) => void;
}) {
  const from = String(collaborator.from);
  const to = collaborator.to ? String(collaborator.to) : null;
  // Today, unless the period has not started yet.
  const [on, setOn] = useState(today < from ? from : today);
  const [problem, setProblem] = useState<string | null>(null);
  const [serverError, setServerError] = useState<CombinedError | undefined>();
  const [{ fetching }, end] = useMutation(CollaboratorEndMutation);

  const confirm = async () => {
    const found = endDateProblem(on, { from, to });
    setProblem(found);
    if (found) return;
    const result = await end({ id: collaborator.id, on }, COLLABORATORS_CONTEXT);
    if (result.data?.endCollaborator) {
      onEnded(result.data.endCollaborator);
      return;
    }
    setServerError(result.error);
  };

  const onError = fieldErrorsOf(serverError).on;
  return (
    <ConfirmDialog
      isOpen
      title="Terminare il periodo del collaboratore?"
      confirmLabel="Termina"
      onConfirm={() => void confirm()}
      onCancel={onCancel}
      busy={fetching}
      error={<ErrorDisplay error={withoutFieldErrors(serverError, ['on'])} headingLevel={3} />}
    >
      <p>
        Dopo l&apos;ultimo giorno, <strong>{collaborator.fiscalCode}</strong> non potrà più presentarsi agli uffici per
        tuo conto.
      </p>
      <div className="mt-4">
        <TextField
          label="Ultimo giorno *"
          type="date"
          value={on}
          onChange={(value) => {
            setOn(value);
            setProblem(null);
          }}
          min={from}
          max={to ?? undefined}
          error={problem ?? onError}
          required
        />
      </div>
    </ConfirmDialog>
  );
}
