import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MutationError } from '../../shared/components/MutationError';
import { CALLBACK_OUTCOME_LABELS, CALLBACK_STATUS_LABELS } from './labels';
import { formatDateTime } from '../../shared/format/calendar';
import { usePaged } from '../../shared/components/usePaged';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { TextField } from '../../shared/components/TextField';
import type { CallbackOutcome } from '../../gql/graphql';
import { CallbackAttemptMutation, WorklistCallbacksQuery } from './operations';
import { RadioGroup } from '../../shared/components/RadioGroup';

const CALLBACK_OUTCOMES: readonly CallbackOutcome[] = ['RESOLVED', 'ROUTED_INTERNALLY', 'NO_ANSWER'];

/** Callback requests assigned to me (docs/domain.md §5.6), with the outcome of each attempt. */
export function CallbacksPanel() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WorklistCallbacksQuery });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const callbacks = data?.myWorklist.callbacks ?? [];
  const paged = usePaged(callbacks);
  const [open, setOpen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);
  const [note, setNote] = useState('');
  const [state, record] = useMutation(CallbackAttemptMutation);

  return (
    <section aria-labelledby="wl-callbacks" className="my-5">
      <h2 id="wl-callbacks" className="h4">
        Richiamate
      </h2>
      <ErrorDisplay error={error} headingLevel={3} onRetry={reload} />
      {fetching && !data ? <Loading /> : null}
      {data && callbacks.length === 0 ? <EmptyState title="Nessuna richiamata assegnata" /> : null}
      {paged.shown.length > 0 ? (
        <ul className="list-unstyled">
          {paged.shown.map((cb) => (
            <li key={cb.id} className="border-bottom py-2">
              <strong>{cb.topic}</strong> — {cb.unit?.name ?? ''}{' '}
              {cb.phone ? <a href={`tel:${cb.phone}`}>{cb.phone}</a> : <span>telefono non disponibile</span>}
              <br />
              <span className="text-muted">
                {CALLBACK_STATUS_LABELS[cb.status]} · tentativi {cb.attempts}/3 · dalle{' '}
                {formatDateTime(cb.availableFrom)}
                {cb.outcome ? ` · ultimo esito: ${CALLBACK_OUTCOME_LABELS[cb.outcome]}` : ''}
              </span>
              <br />
              <span className={cb.nextWindowOpensAt ? 'text-warning' : 'text-success'}>
                {cb.nextWindowOpensAt
                  ? `Fuori dalla fascia delle richiamate (09:00–13:00 nei giorni lavorativi): la prossima apre ${formatDateTime(cb.nextWindowOpensAt)}`
                  : 'Fascia delle richiamate aperta: puoi richiamare ora (fino alle 13:00)'}
              </span>
              {open === cb.id ? (
                <form
                  aria-label={`Esito del tentativo di richiamata: ${cb.topic}`}
                  className="border rounded p-3 my-2"
                  onSubmit={async (event) => {
                    event.preventDefault();
                    if (!outcome) return;
                    const answer = await record({ id: cb.id, outcome, note: note.trim() || null, version: cb.version });
                    if (!answer.error) {
                      setOpen(null);
                      reload();
                    }
                  }}
                >
                  <RadioGroup
                    legend="Esito del tentativo"
                    name="callback-outcome"
                    options={CALLBACK_OUTCOMES}
                    labels={CALLBACK_OUTCOME_LABELS}
                    value={outcome}
                    onChange={setOutcome}
                  />
                  <TextField label="Nota (facoltativa)" value={note} onChange={setNote} />
                  <MutationError error={state.error} onReload={reload} headingLevel={4} />
                  <Button type="submit" color="primary" size="sm" disabled={!outcome || state.fetching}>
                    Registra tentativo
                  </Button>{' '}
                  <Button type="button" color="secondary" outline size="sm" onClick={() => setOpen(null)}>
                    Chiudi
                  </Button>
                </form>
              ) : (
                <div>
                  <Button
                    color="primary"
                    outline
                    size="sm"
                    className="mt-1"
                    onClick={() => {
                      setOpen(cb.id);
                      setOutcome(null);
                      setNote('');
                    }}
                  >
                    Registra tentativo
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {callbacks.length > 0 ? (
        <LoadMore
          hasNextPage={paged.hasNextPage}
          fetching={false}
          onLoadMore={paged.loadMore}
          shown={paged.shown.length}
        />
      ) : null}
    </section>
  );
}
