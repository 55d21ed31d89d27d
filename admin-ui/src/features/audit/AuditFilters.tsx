import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { localDateTimeToIso } from '../../shared/format/dateTime';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import type { AuditEventFilter } from '../../gql/graphql';
import { unitChoiceLabel, type UnitChoice } from '../org';
import { ActorPicker } from './ActorPicker';
import { ACTION_LABELS, RECORD_TYPE_LABELS } from './labels';

/** The filters as entered; `actor` is the username of the person picked; `from` / `to` are `datetime-local` values (local time). */
export interface AuditFilterForm {
  unitCode: string;
  actor: string;
  action: string;
  recordType: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterForm = {
  unitCode: '',
  actor: '',
  action: '',
  recordType: '',
  from: '',
  to: '',
};

/** The filter as the API takes it: only what was given, dates as RFC 3339 instants. */
export function buildAuditFilter(form: AuditFilterForm): AuditEventFilter {
  const filter: AuditEventFilter = {};
  if (form.unitCode) filter.unitCode = form.unitCode;
  const actor = form.actor.trim();
  if (actor) filter.actor = actor;
  const action = form.action.trim();
  if (action) filter.action = action;
  const recordType = form.recordType.trim();
  if (recordType) filter.recordType = recordType;
  const from = localDateTimeToIso(form.from);
  if (from) filter.from = from;
  const to = localDateTimeToIso(form.to);
  if (to) filter.to = to;
  return filter;
}

export type AuditFilterErrors = Partial<Record<'from' | 'to', string>>;

export function validateAuditFilters(form: AuditFilterForm): AuditFilterErrors {
  const errors: AuditFilterErrors = {};
  if (form.from && !localDateTimeToIso(form.from)) errors.from = 'Data e ora non valide.';
  if (form.to && !localDateTimeToIso(form.to)) errors.to = 'Data e ora non valide.';
  const from = localDateTimeToIso(form.from);
  const to = localDateTimeToIso(form.to);
  if (from && to && from >= to) errors.to = 'La fine deve essere successiva all\u2019inizio.';
  return errors;
}

interface AuditFiltersProps {
  initial: AuditFilterForm;
  units: readonly UnitChoice[];
  unitsLoading?: boolean;
  onApply: (form: AuditFilterForm) => void;
}

/** Unit, actor, action, record type and period; applied with "Applica filtri". */
export function AuditFilters({ initial, units, unitsLoading, onApply }: AuditFiltersProps) {
  const [form, setForm] = useState<AuditFilterForm>(initial);
  const [errors, setErrors] = useState<AuditFilterErrors>({});
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();

  const set = (patch: Partial<AuditFilterForm>) => {
    setForm({ ...form, ...patch });
    setErrors({});
  };

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateAuditFilters(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    onApply(form);
  };

  const reset = () => {
    setForm(EMPTY_AUDIT_FILTERS);
    setErrors({});
    onApply(EMPTY_AUDIT_FILTERS);
  };

  return (
    <form ref={formRef} onSubmit={apply} noValidate role="search" aria-label="Filtra gli eventi" className="mt-4 mb-4">
      <div className="row">
        <div className="col-md-4">
          <SelectField
            label="Unità"
            value={form.unitCode}
            onChange={(unitCode) => set({ unitCode })}
            hint={unitsLoading ? 'Caricamento delle unità…' : 'Eventi sui dati di questa unità (non delle unità sotto)'}
          >
            <option value="">Tutte le unità</option>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unitChoiceLabel(unit)}
              </option>
            ))}
            {form.unitCode && !units.some((unit) => unit.code === form.unitCode) ? (
              <option value={form.unitCode}>{form.unitCode}</option>
            ) : null}
          </SelectField>
        </div>
        <div className="col-md-4">
          <ActorPicker value={form.actor} onChange={(actor) => set({ actor })} />
        </div>
        <div className="col-md-4">
          <CodeField
            label="Azione"
            allLabel="Tutte le azioni"
            value={form.action}
            onChange={(action) => set({ action })}
            labels={ACTION_LABELS}
          />
        </div>
        <div className="col-md-4">
          <CodeField
            label="Tipo di record"
            allLabel="Tutti i tipi"
            value={form.recordType}
            onChange={(recordType) => set({ recordType })}
            labels={RECORD_TYPE_LABELS}
          />
        </div>
        <div className="col-md-4">
          <TextField
            label="Dal"
            type="datetime-local"
            value={form.from}
            onChange={(from) => set({ from })}
            error={errors.from}
          />
        </div>
        <div className="col-md-4">
          <TextField
            label="Al"
            type="datetime-local"
            hint="Escluso"
            value={form.to}
            onChange={(to) => set({ to })}
            error={errors.to}
          />
        </div>
      </div>
      <div className="d-flex gap-2">
        <Button color="primary" size="sm" type="submit">
          Applica filtri
        </Button>
        <Button color="secondary" outline size="sm" type="button" onClick={reset}>
          Azzera filtri
        </Button>
      </div>
    </form>
  );
}

/**
 * A closed list picked by its Italian names, in alphabetical order (the codes the audit stores,
 * e.g. `auth.login`, never shown); a code from the address that the app does not know is kept.
 */
function CodeField({
  label,
  allLabel,
  value,
  onChange,
  labels,
}: {
  label: string;
  allLabel: string;
  value: string;
  onChange: (value: string) => void;
  labels: Readonly<Record<string, string | undefined>>;
}) {
  const choices = Object.entries(labels)
    .map(([code, name]) => [code, name ?? code] as const)
    .sort(([, a], [, b]) => a.localeCompare(b, 'it'));
  return (
    <SelectField label={label} value={value} onChange={onChange}>
      <option value="">{allLabel}</option>
      {choices.map(([code, name]) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
      {value && !(value in labels) ? <option value={value}>{value}</option> : null}
    </SelectField>
  );
}
