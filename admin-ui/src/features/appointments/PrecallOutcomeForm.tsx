import { Button } from 'design-react-kit';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { MutationError } from '../../shared/components/MutationError';
import { PRECALL_OUTCOME_LABELS, PRECALL_REASON_LABELS, PRECALL_RESULT_LABELS } from './labels';
import { useDraft } from '../../shared/forms/useDraft';
import { PrecallRecordMutation } from './operations';
import {
  EMPTY_PRECALL_DRAFT,
  NOTE_MAX,
  PRECALL_OUTCOMES,
  REASONS_BY_OUTCOME,
  RESULTS_BY_OUTCOME,
  takesNote,
  toPrecallInput,
  withOutcome,
  type PrecallDraft,
} from './precallRules';
import { RadioGroup } from '../../shared/components/RadioGroup';
import { PrecallScript } from './PrecallScript';

interface Props {
  appointmentId: string;
  version: number;
  onRecorded: () => void;
  onReload?: () => void;
}

/**
 * The precall outcome with only the closed lists of docs/domain.md §5.2: fields that do not apply are not shown.
 * The directive's five-step script comes first, as a checklist.
 */
export function PrecallOutcomeForm({ appointmentId, version, onRecorded, onReload }: Props) {
  const id = useId();
  const [draft, setDraft, discard] = useDraft<PrecallDraft>(`precall:${appointmentId}`, EMPTY_PRECALL_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const [state, record] = useMutation(PrecallRecordMutation);
  const reasons = draft.outcome ? REASONS_BY_OUTCOME[draft.outcome] : [];
  const results = draft.outcome ? RESULTS_BY_OUTCOME[draft.outcome] : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toPrecallInput(draft);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    const answer = await record({ appointmentId, input: checked.input, version });
    if (!answer.error) {
      discard();
      onRecorded();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Esito della prechiamata" className="border rounded p-3 my-2">
      <PrecallScript />
      <RadioGroup
        legend="Esito della prechiamata"
        name="precall-outcome"
        options={PRECALL_OUTCOMES}
        labels={PRECALL_OUTCOME_LABELS}
        value={draft.outcome}
        onChange={(outcome) => setDraft(withOutcome(draft, outcome))}
      />
      {reasons.length > 0 ? (
        <RadioGroup
          legend="Motivazione"
          name="precall-reason"
          options={reasons}
          labels={PRECALL_REASON_LABELS}
          value={draft.reason}
          onChange={(reason) => setDraft({ ...draft, reason })}
        />
      ) : null}
      {results.length > 0 ? (
        <RadioGroup
          legend="Esito del contatto"
          name="precall-result"
          options={results}
          labels={PRECALL_RESULT_LABELS}
          value={draft.result}
          onChange={(result) => setDraft({ ...draft, result, note: takesNote(result) ? draft.note : '' })}
        />
      ) : null}
      {takesNote(draft.result) ? (
        <div className="form-group">
          <label htmlFor={`${id}-note`} className="active">
            Note motivazione conferma appuntamento (facoltative)
          </label>
          <textarea
            id={`${id}-note`}
            className="form-control"
            rows={2}
            maxLength={NOTE_MAX}
            value={draft.note}
            aria-describedby={`${id}-note-hint`}
            onChange={(event) => setDraft({ ...draft, note: event.target.value })}
          />
          <small id={`${id}-note-hint`} className="form-text">
            Per l'operatore di sportello; al massimo {NOTE_MAX} caratteri.
          </small>
        </div>
      ) : null}
      {problem ? (
        <p className="text-danger" role="alert">
          {problem}
        </p>
      ) : null}
      <MutationError error={state.error} onReload={onReload} headingLevel={4} />
      <Button type="submit" color="primary" disabled={state.fetching}>
        Registra esito
      </Button>
    </form>
  );
}
