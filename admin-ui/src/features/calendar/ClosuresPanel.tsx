import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { EmptyState } from '../../shared/components/EmptyState';
import { CheckboxField } from '../../shared/components/fields';
import { MutationError } from '../../shared/components/MutationError';
import { TextField } from '../../shared/components/TextField';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { formatDate } from '../../shared/format/calendar';
import { useDraft } from '../../shared/forms/useDraft';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';
import { UnitClosureAddMutation, UnitClosureRemoveMutation } from './operations';

export interface Closure {
  id: string;
  firstDay: string;
  lastDay: string;
  yearly: boolean;
  reason: string;
  unitId: string;
}

/** "25/12/2026" or "dal 24/12/2026 al 06/01/2027". */
export function closureDays(closure: Pick<Closure, 'firstDay' | 'lastDay'>): string {
  return closure.firstDay === closure.lastDay
    ? formatDate(closure.firstDay)
    : `dal ${formatDate(closure.firstDay)} al ${formatDate(closure.lastDay)}`;
}

/** The closures of a unit (its own, removable after confirming, and those of the units above) and the form for a new one. */
export function ClosuresPanel({
  unitCode,
  unitId,
  closures,
  onChanged,
}: {
  unitCode: string;
  unitId: string;
  closures: readonly Closure[];
  onChanged: () => void;
}) {
  const [, remove] = useMutation(UnitClosureRemoveMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useConfirmedAction(
    (closure: Closure) => remove({ id: closure.id }),
    (closure) => {
      setNotice(`Chiusura ${closureDays(closure)} rimossa.`);
      onChanged();
    },
  );
  const sorted = [...closures].sort((a, b) => a.firstDay.localeCompare(b.firstDay));

  return (
    <section aria-labelledby="closures-heading" className="my-5">
      <h2 id="closures-heading" className="h4">
        Chiusure
      </h2>
      <div aria-live="polite">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
      {sorted.length === 0 ? <EmptyState title="Nessuna chiusura" /> : null}
      {sorted.length > 0 ? (
        <ul className="list-unstyled" aria-label="Chiusure">
          {sorted.map((closure) => (
            <li key={closure.id} className="border-bottom py-2 d-flex flex-wrap align-items-center gap-2">
              <span>
                <strong>{closureDays(closure)}</strong> — {closure.reason}
              </span>
              {closure.yearly ? <Badge color="info">ogni anno</Badge> : null}
              {closure.unitId === unitId ? (
                <Button
                  color="danger"
                  outline
                  size="xs"
                  onClick={() => {
                    setNotice(null);
                    removal.ask(closure);
                  }}
                >
                  Rimuovi<span className="visually-hidden"> la chiusura {closureDays(closure)}</span>
                </Button>
              ) : (
                <span className="text-muted small">stabilita da un&apos;unità superiore</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog {...removal.dialog} title="Rimuovere la chiusura?" confirmLabel="Rimuovi">
        {removal.target ? (
          <p>
            La chiusura {closureDays(removal.target)} ({removal.target.reason}) sarà rimossa e l&apos;unità risulterà
            aperta in quei giorni.
          </p>
        ) : null}
      </ConfirmDialog>
      <NewClosureForm
        unitCode={unitCode}
        onAdded={(closure) => {
          setNotice(`Chiusura ${closureDays(closure)} aggiunta.`);
          onChanged();
        }}
      />
    </section>
  );
}

interface ClosureDraft {
  firstDay: string;
  lastDay: string;
  yearly: boolean;
  reason: string;
}

type ClosureErrors = Partial<Record<keyof ClosureDraft, string>>;

const EMPTY: ClosureDraft = { firstDay: '', lastDay: '', yearly: false, reason: '' };

/** The form's own checks, before the server's (which has the last word). */
export function validateClosure(draft: ClosureDraft): ClosureErrors {
  const errors: ClosureErrors = {};
  if (!draft.firstDay) errors.firstDay = 'Indica il primo giorno di chiusura.';
  if (draft.firstDay && draft.lastDay && draft.lastDay < draft.firstDay)
    errors.lastDay = "L'ultimo giorno di chiusura non può precedere il primo.";
  if (!draft.reason.trim()) errors.reason = 'Indica il motivo della chiusura.';
  return errors;
}

const FIELDS = ['firstDay', 'lastDay', 'reason', 'yearly'];

function NewClosureForm({ unitCode, onAdded }: { unitCode: string; onAdded: (closure: Closure) => void }) {
  const [draft, setDraft, discard] = useDraft<ClosureDraft>(`calendar-closure:${unitCode}`, EMPTY);
  const [errors, setErrors] = useState<ClosureErrors>({});
  const [state, add] = useMutation(UnitClosureAddMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  // The server's refusal stays on its field until the person changes the form.
  const [edited, setEdited] = useState(false);
  const server = edited ? {} : (serverFieldErrors(state.error) as ClosureErrors);
  const shown: ClosureErrors = { ...server, ...errors };

  const set = (patch: Partial<ClosureDraft>) => {
    setDraft({ ...draft, ...patch });
    setErrors({});
    setEdited(true);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateClosure(draft);
    setErrors(found);
    setEdited(false);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    const result = await add({
      input: {
        unitCode,
        firstDay: draft.firstDay,
        lastDay: draft.lastDay || null,
        yearly: draft.yearly,
        reason: draft.reason.trim(),
      },
    });
    if (result.error) {
      focusFirstInvalid();
      return;
    }
    if (result.data) {
      discard();
      onAdded(result.data.addUnitClosure);
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="new-closure-heading" className="mt-4">
      <h3 id="new-closure-heading" className="h5 mb-5">
        Nuova chiusura
      </h3>
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField
            label="Primo giorno"
            type="date"
            value={draft.firstDay}
            onChange={(firstDay) => set({ firstDay })}
            error={shown.firstDay}
            required
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label="Ultimo giorno"
            type="date"
            hint="Facoltativo: vuoto per un giorno solo"
            value={draft.lastDay}
            onChange={(lastDay) => set({ lastDay })}
            error={shown.lastDay}
          />
        </div>
        <div className="col-lg-6">
          <TextField
            label="Motivo"
            value={draft.reason}
            onChange={(reason) => set({ reason })}
            error={shown.reason}
            maxLength={200}
            required
          />
        </div>
      </div>
      <CheckboxField
        label="Ogni anno (per esempio la festa del santo patrono)"
        checked={draft.yearly}
        onChange={(yearly) => set({ yearly })}
      />
      {state.error && !edited && !onlyFieldErrors(state.error, FIELDS) ? <MutationError error={state.error} /> : null}
      <Button color="primary" type="submit" disabled={state.fetching} aria-busy={state.fetching}>
        {state.fetching ? 'Attendere…' : 'Aggiungi chiusura'}
      </Button>
    </form>
  );
}
