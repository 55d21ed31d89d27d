import { Button } from 'design-react-kit';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { Weekday } from '../../gql/graphql';
import { MutationError } from '../../shared/components/MutationError';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { useDraft } from '../../shared/forms/useDraft';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';
import {
  intervalKey,
  MAX_INTERVALS_A_DAY,
  validateWeek,
  WEEKDAY_LABELS,
  WEEKDAYS,
  weekFromApi,
  weekToInput,
  type IntervalDraft,
  type WeekErrors,
} from './hours';
import { UnitCalendarSetHoursMutation } from './operations';

interface Props {
  unitCode: string;
  hours: readonly { weekday: Weekday; opens: string; closes: string }[];
  /** After a save, with the hours as saved ("lun 08:30–12:45, …"); the parent reloads and shows it. */
  onSaved: (hoursText: string) => void;
  /** Reloads the calendar (after a conflict). */
  onReload: () => void;
}

/** The weekly hours as rows per weekday: add or remove an interval, then "Salva orari". */
export function HoursEditor({ unitCode, hours, onSaved, onReload }: Props) {
  const [week, setWeek, discard] = useDraft(`calendar-hours:${unitCode}`, weekFromApi(hours));
  const [errors, setErrors] = useState<WeekErrors>({});
  const [state, save] = useMutation(UnitCalendarSetHoursMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const serverErrors = serverFieldErrors(state.error);

  const setDay = (day: Weekday, intervals: IntervalDraft[]) => {
    setWeek({ ...week, [day]: intervals });
    setErrors({});
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateWeek(week);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    const result = await save({ unitCode, hours: weekToInput(week) });
    if (!result.error && result.data) {
      discard();
      onSaved(result.data.setOpeningHours.hoursText);
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="hours-heading" className="my-4">
      <h2 id="hours-heading" className="h4">
        Orario settimanale
      </h2>
      <p className="text-muted">
        Un giorno senza orari è un giorno di chiusura. Al più {MAX_INTERVALS_A_DAY} orari al giorno.
      </p>
      {WEEKDAYS.map((day) => (
        <DayRow
          key={day}
          day={day}
          intervals={week[day]}
          errors={errors}
          onChange={(intervals) => setDay(day, intervals)}
        />
      ))}
      {serverErrors.hours ? (
        <div className="alert alert-danger" role="alert">
          {serverErrors.hours}
        </div>
      ) : null}
      {state.error && !onlyFieldErrors(state.error, ['hours']) ? (
        <MutationError error={state.error} onReload={onReload} />
      ) : null}
      <Button color="primary" type="submit" disabled={state.fetching} aria-busy={state.fetching}>
        {state.fetching ? 'Salvataggio…' : 'Salva orari'}
      </Button>
    </form>
  );
}

function DayRow({
  day,
  intervals,
  errors,
  onChange,
}: {
  day: Weekday;
  intervals: IntervalDraft[];
  errors: WeekErrors;
  onChange: (intervals: IntervalDraft[]) => void;
}) {
  const label = WEEKDAY_LABELS[day];
  const update = (index: number, patch: Partial<IntervalDraft>) =>
    onChange(intervals.map((interval, i) => (i === index ? { ...interval, ...patch } : interval)));
  return (
    <fieldset className="border-bottom py-3">
      <legend className="h6 text-capitalize mb-2">{label}</legend>
      {intervals.length === 0 ? <p className="mb-2">Chiuso</p> : null}
      {intervals.map((interval, index) => (
        <IntervalRow
          key={index}
          day={day}
          index={index}
          interval={interval}
          error={errors[intervalKey(day, index)]}
          onChange={(patch) => update(index, patch)}
          onRemove={() => onChange(intervals.filter((_, i) => i !== index))}
        />
      ))}
      <Button
        color="primary"
        outline
        size="xs"
        type="button"
        disabled={intervals.length >= MAX_INTERVALS_A_DAY}
        onClick={() => onChange([...intervals, { opens: '', closes: '' }])}
      >
        Aggiungi orario<span className="visually-hidden"> a {label}</span>
      </Button>
    </fieldset>
  );
}

function IntervalRow({
  day,
  index,
  interval,
  error,
  onChange,
  onRemove,
}: {
  day: Weekday;
  index: number;
  interval: IntervalDraft;
  error?: string;
  onChange: (patch: Partial<IntervalDraft>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const label = WEEKDAY_LABELS[day];
  const errorId = `${id}-error`;
  const invalid = error ? true : undefined;
  return (
    <div className="mb-3">
      <div className="d-flex flex-wrap align-items-end gap-3">
        <div className="hours-time">
          <label htmlFor={`${id}-opens`} className="d-block small">
            Apre
            <span className="visually-hidden">
              {' '}
              ({label}, orario {index + 1})
            </span>
          </label>
          <input
            id={`${id}-opens`}
            type="time"
            className={error ? 'form-control is-invalid' : 'form-control'}
            value={interval.opens}
            onChange={(event) => onChange({ opens: event.target.value })}
            aria-invalid={invalid}
            aria-describedby={error ? errorId : undefined}
          />
        </div>
        <div className="hours-time">
          <label htmlFor={`${id}-closes`} className="d-block small">
            Chiude
            <span className="visually-hidden">
              {' '}
              ({label}, orario {index + 1})
            </span>
          </label>
          <input
            id={`${id}-closes`}
            type="time"
            className={error ? 'form-control is-invalid' : 'form-control'}
            value={interval.closes}
            onChange={(event) => onChange({ closes: event.target.value })}
            aria-invalid={invalid}
            aria-describedby={error ? errorId : undefined}
          />
        </div>
        <Button color="danger" outline size="xs" type="button" onClick={onRemove}>
          Rimuovi
          <span className="visually-hidden">
            {' '}
            l'orario {index + 1} di {label}
          </span>
        </Button>
      </div>
      {error ? (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </div>
  );
}
