import { useQuery } from 'urql';
import { OfficeStaffChoicesQuery } from './operations';

export interface StaffChoice {
  username: string;
  displayName: string;
}

/** The office's active staff, sorted by name (empty while loading or when not allowed to list them). */
export function useOfficeStaff(officeCode: string, pause = false): StaffChoice[] {
  const [{ data }] = useQuery({ query: OfficeStaffChoicesQuery, variables: { officeCode }, pause });
  return [...(data?.officeStaff ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName, 'it'));
}

/**
 * A person of the office picked by name (the username is what the API takes, never typed).
 * A value not among `staff` (someone no longer active there) is kept and shown as it is.
 */
export function StaffPicker({
  id,
  label,
  staff,
  value,
  onChange,
  emptyLabel,
  className = 'select-wrapper',
  hint,
}: {
  id: string;
  label: string;
  staff: readonly StaffChoice[];
  value: string;
  onChange: (username: string) => void;
  /** The choice meaning "nobody" / "everyone" (e.g. "Tutti"); without it a person must be picked. */
  emptyLabel: string;
  className?: string;
  hint?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hintId}>
        <option value="">{emptyLabel}</option>
        {staff.map((person) => (
          <option key={person.username} value={person.username}>
            {person.displayName}
          </option>
        ))}
        {value && !staff.some((person) => person.username === value) ? <option value={value}>{value}</option> : null}
      </select>
      {hint ? (
        <small id={hintId} className="form-text">
          {hint}
        </small>
      ) : null}
    </div>
  );
}
