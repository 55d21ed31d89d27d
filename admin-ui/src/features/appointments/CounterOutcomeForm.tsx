import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { MutationError } from '../../shared/components/MutationError';
import { COUNTER_OUTCOME_LABELS } from './labels';
import { TextField } from '../../shared/components/TextField';
import { useDraft } from '../../shared/forms/useDraft';
import type { CounterOutcome } from '../../gql/graphql';
import { CounterRecordMutation } from './operations';
import { RadioGroup } from '../../shared/components/RadioGroup';
import { COUNTER_LIMIT_MINUTES, SessionDuration, isOverLimit, useElapsedSeconds } from './SessionTimer';

export const COUNTER_OUTCOMES: readonly CounterOutcome[] = [
  'COMPLETED',
  'TRANSFERRED_TO_BACK_OFFICE',
  'NO_SHOW',
  'NOT_DELIVERABLE',
];

/** The protocol number is asked for (and required) only when the service goes to the back office. */
export function needsProtocol(outcome: CounterOutcome | null): boolean {
  return outcome === 'TRANSFERRED_TO_BACK_OFFICE';
}

interface Props {
  appointmentId: string;
  version: number;
  /** When the session started: the form shows the elapsed time and applies the 15-minute rule. */
  startedAt?: string | null;
  onRecorded: () => void;
  onReload?: () => void;
}

/**
 * "Esito sportello" (docs/domain.md §5.4). Past 15 minutes the rule is a transfer to back office:
 * closing as concluded then needs the confirmation checkbox (`confirmOverFifteenMinutes`).
 */
export function CounterOutcomeForm({ appointmentId, version, startedAt, onRecorded, onReload }: Props) {
  const [draft, setDraft, discard] = useDraft<{ outcome: CounterOutcome | null; protocol: string }>(
    `counter:${appointmentId}`,
    {
      outcome: null,
      protocol: '',
    },
  );
  const [problem, setProblem] = useState<{ outcome?: string; protocol?: string; confirm?: string }>({});
  const [confirmed, setConfirmed] = useState(false);
  const [state, record] = useMutation(CounterRecordMutation);
  const seconds = useElapsedSeconds(startedAt);
  const over = isOverLimit(seconds);
  const needsConfirmation = over && draft.outcome === 'COMPLETED';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.outcome) {
      setProblem({ outcome: "Scegli l'esito dello sportello." });
      return;
    }
    const protocol = draft.protocol.trim();
    if (needsProtocol(draft.outcome) && !protocol) {
      setProblem({ protocol: 'Il numero di protocollo è obbligatorio per il trasferimento in back office.' });
      return;
    }
    if (needsConfirmation && !confirmed) {
      setProblem({
        confirm: `Conferma la chiusura come conclusa oltre i ${COUNTER_LIMIT_MINUTES} minuti, oppure trasferisci in back office.`,
      });
      return;
    }
    setProblem({});
    const answer = await record({
      id: appointmentId,
      outcome: draft.outcome,
      protocolNumber: needsProtocol(draft.outcome) ? protocol : null,
      version,
      ...(needsConfirmation ? { confirmOverFifteenMinutes: true } : {}),
    });
    if (!answer.error) {
      discard();
      onRecorded();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Esito dello sportello" className="border rounded p-3 my-2">
      {seconds !== null ? <SessionDuration seconds={seconds} /> : null}
      <RadioGroup
        legend="Esito dello sportello"
        name="counter-outcome"
        options={COUNTER_OUTCOMES}
        labels={COUNTER_OUTCOME_LABELS}
        value={draft.outcome}
        onChange={(outcome) => setDraft({ outcome, protocol: needsProtocol(outcome) ? draft.protocol : '' })}
      />
      {problem.outcome ? (
        <p className="text-danger" role="alert">
          {problem.outcome}
        </p>
      ) : null}
      {needsProtocol(draft.outcome) ? (
        <TextField
          label="Numero di protocollo"
          value={draft.protocol}
          onChange={(protocol) => setDraft({ ...draft, protocol })}
          required
          aria-required="true"
          error={problem.protocol}
          hint="Obbligatorio: problemi di linea, oltre 15 minuti o documenti mancanti."
        />
      ) : null}
      {needsConfirmation ? (
        <div className="form-check my-2">
          <input
            id={`confirm-over-${appointmentId}`}
            type="checkbox"
            className="form-check-input"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
            aria-describedby={problem.confirm ? `confirm-over-error-${appointmentId}` : undefined}
          />
          <label className="form-check-label" htmlFor={`confirm-over-${appointmentId}`}>
            Confermo la chiusura come servizio concluso oltre i {COUNTER_LIMIT_MINUTES} minuti
          </label>
          {problem.confirm ? (
            <p id={`confirm-over-error-${appointmentId}`} className="text-danger" role="alert">
              {problem.confirm}
            </p>
          ) : null}
        </div>
      ) : null}
      <MutationError error={state.error} onReload={onReload} headingLevel={4} />
      <Button type="submit" color="primary" disabled={state.fetching}>
        Registra esito sportello
      </Button>
    </form>
  );
}
