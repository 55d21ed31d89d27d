import { useId, type ReactNode } from 'react';

interface CheckFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown under the label and tied to the checkbox. */
  hint?: string;
  /** Marks the checkbox invalid and is announced with it. */
  error?: string;
  /** Extra ids the checkbox is described by (e.g. a group's error). */
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}

/** A checkbox in Bootstrap Italia's markup with its hint and error tied to it for screen readers. */
export function CheckField({ label, checked, onChange, hint, error, describedBy, invalid, required }: CheckFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-check mb-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={described}
        aria-required={required || undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <small id={hintId} className="form-text d-block">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </div>
  );
}
