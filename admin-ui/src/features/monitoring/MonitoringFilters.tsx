import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { unitChoiceLabel } from '../org';
import { MAX_RANGE_DAYS, validateRange, type RangeErrors } from './range';

type FormErrors = RangeErrors & { unitCode?: string };
import type { StatsUnitChoice } from './scope';
import type { Selection } from './selection';

interface Props {
  initial: Selection;
  units: readonly StatsUnitChoice[];
  unitsLoading: boolean;
  onApply: (selection: Selection) => void;
}

/** Unit (only those whose figures the person may read) and period; applied with "Mostra". */
export function MonitoringFilters({ initial, units, unitsLoading, onApply }: Props) {
  const [form, setForm] = useState<Selection>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const known = units.some((unit) => unit.code === form.unitCode);
  // Until the units arrive the chosen one stays selected; a unit the person
  // may not read (typed in the address) is not offered: "Scegli un'unità".
  const placeholder = unitsLoading ? form.unitCode : '';

  const set = (patch: Partial<Selection>) => {
    setForm({ ...form, ...patch });
    setErrors({});
  };

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormErrors = validateRange(form);
    if (!known && !unitsLoading) found.unitCode = "Scegli un'unità dall'elenco.";
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    onApply(form);
  };

  return (
    <form ref={formRef} onSubmit={apply} noValidate aria-label="Unità e periodo" className="mt-4 mb-2">
      <div className="row">
        <div className="col-lg-6">
          <SelectField
            label="Unità"
            value={known ? form.unitCode : placeholder}
            onChange={(unitCode) => set({ unitCode })}
            error={errors.unitCode}
            hint={unitsLoading ? 'Caricamento delle unità…' : 'I dati comprendono tutte le unità sottostanti'}
          >
            {known ? null : <option value={placeholder}>{unitsLoading ? 'Caricamento…' : "Scegli un'unità"}</option>}
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {'\u00a0\u00a0'.repeat(unit.depth) + unitChoiceLabel(unit)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label="Dal"
            type="date"
            value={form.from}
            onChange={(from) => set({ from })}
            error={errors.from}
            required
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label="Al"
            type="date"
            hint={`Compreso; al massimo ${MAX_RANGE_DAYS} giorni`}
            value={form.to}
            onChange={(to) => set({ to })}
            error={errors.to}
            required
          />
        </div>
      </div>
      <Button color="primary" size="sm" type="submit">
        Mostra
      </Button>
    </form>
  );
}
