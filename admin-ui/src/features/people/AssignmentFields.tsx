import type { Role } from '../../gql/graphql';
import { ROLE_LABELS, SECTION_LABELS } from '../auth';
import { SelectField } from '../../shared/components/SelectField';
import { unitChoiceLabel, type UnitChoice } from '../org';
import { SECTIONS, takesSection, type GrantOption } from './grants';

/** A role assignment being chosen: strings as the selects hold them ('' = not chosen). */
export interface AssignmentDraft {
  role: Role | '';
  unitCode: string;
  section: string;
}

export const EMPTY_ASSIGNMENT: AssignmentDraft = { role: '', unitCode: '', section: '' };

export type AssignmentErrors = Partial<Record<'role' | 'unitCode' | 'section', string>>;

/** Checks a draft against what may be granted; returns the messages per field (empty when fine). */
export function validateAssignment(
  draft: AssignmentDraft,
  options: readonly GrantOption<UnitChoice>[],
): AssignmentErrors {
  const errors: AssignmentErrors = {};
  const option = options.find((o) => o.role === draft.role);
  if (!draft.role || !option) {
    errors.role = 'Scegli il ruolo.';
    return errors;
  }
  if (!draft.unitCode) errors.unitCode = "Scegli l'unità.";
  else if (!option.units.some((unit) => unit.code === draft.unitCode))
    errors.unitCode = 'Questo ruolo non può essere assegnato su questa unità.';
  if (draft.section && (!takesSection(draft.role) || !(SECTIONS as readonly string[]).includes(draft.section))) {
    errors.section = 'Sezione non prevista per questo ruolo.';
  }
  return errors;
}

/** The assignment as the API takes it (RoleAssignmentInput); call after validateAssignment. */
export function assignmentInput(draft: AssignmentDraft) {
  return {
    role: draft.role as Role,
    unitCode: draft.unitCode,
    section: takesSection(draft.role) && draft.section ? draft.section : null,
  };
}

interface AssignmentFieldsProps {
  value: AssignmentDraft;
  onChange: (value: AssignmentDraft) => void;
  options: readonly GrantOption<UnitChoice>[];
  errors?: AssignmentErrors;
  disabled?: boolean;
}

/**
 * Role, unit and (for CRIC experts and CCM operators) section. Offers only the
 * roles the person may grant, and for the chosen role only the units it fits.
 */
export function AssignmentFields({ value, onChange, options, errors = {}, disabled }: AssignmentFieldsProps) {
  const option = options.find((o) => o.role === value.role);
  const units = option?.units ?? [];

  const changeRole = (role: string) => {
    const next = options.find((o) => o.role === role);
    const keepUnit = next?.units.some((unit) => unit.code === value.unitCode);
    const onlyUnit = next?.units.length === 1 ? next.units[0].code : '';
    onChange({
      role: (next?.role ?? '') as Role | '',
      unitCode: keepUnit ? value.unitCode : onlyUnit,
      section: takesSection(next?.role) ? value.section : '',
    });
  };

  return (
    <div className="row">
      <div className="col-md-4">
        <SelectField
          label="Ruolo"
          value={value.role}
          onChange={changeRole}
          error={errors.role}
          disabled={disabled}
          required
        >
          <option value="">Scegli un ruolo</option>
          {options.map((o) => (
            <option key={o.role} value={o.role}>
              {ROLE_LABELS[o.role]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-md-5">
        <SelectField
          label="Unità"
          value={value.unitCode}
          onChange={(unitCode) => onChange({ ...value, unitCode })}
          error={errors.unitCode}
          disabled={disabled || !option}
          hint={option ? undefined : 'Scegli prima il ruolo: le unità dipendono dal ruolo.'}
          required
        >
          <option value="">{option ? "Scegli un'unità" : '—'}</option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unitChoiceLabel(unit)}
            </option>
          ))}
        </SelectField>
      </div>
      {takesSection(value.role) ? (
        <div className="col-md-3">
          <SelectField
            label="Sezione"
            value={value.section}
            onChange={(section) => onChange({ ...value, section })}
            error={errors.section}
            disabled={disabled}
          >
            <option value="">Tutte le sezioni</option>
            {SECTIONS.map((section) => (
              <option key={section} value={section}>
                {SECTION_LABELS[section]}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
    </div>
  );
}
