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
  onRecorded: () => void;
  onReload?: () => void;
}

/** "Esito sportello" (docs/domain.md §5.4). */
export function CounterOutcomeForm({ appointmentId, version, onRecorded, onReload }: Props) {
  const [draft, setDraft, discard] = useDraft<{ outcome: CounterOutcome | null; protocol: string }>(
    `counter:${appointmentId}`,
    {
      outcome: null,
      protocol: '',
    },
  );
  const [problem, setProblem] = useState<{ outcome?: string; protocol?: string }>({});
  const [state, record] = useMutation(CounterRecordMutation);

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
    setProblem({});
    const answer = await record({
      id: appointmentId,
      outcome: draft.outcome,
      protocolNumber: needsProtocol(draft.outcome) ? protocol : null,
      version,
    });
    if (!answer.error) {
      discard();
      onRecorded();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Esito dello sportello" className="border rounded p-3 my-2">
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
      <MutationError error={state.error} onReload={onReload} headingLevel={4} />
      <Button type="submit" color="primary" disabled={state.fetching}>
        Registra esito sportello
      </Button>
    </form>
  );
}
