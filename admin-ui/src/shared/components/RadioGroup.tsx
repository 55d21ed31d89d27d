import { useId } from 'react';

interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  options: readonly V[];
  labels: Record<V, string>;
  value: V | null;
  onChange: (value: V) => void;
}

/** A fieldset of radio buttons in Bootstrap Italia's markup: one closed list. */
export function RadioGroup<V extends string>({ legend, name, options, labels, value, onChange }: RadioGroupProps<V>) {
  const id = useId();
  return (
    <fieldset className="mb-3">
      <legend className="h6 mb-2">{legend}</legend>
      {options.map((option) => (
        <div className="form-check" key={option}>
          <input
            className="form-check-input"
            type="radio"
            name={`${name}-${id}`}
            id={`${id}-${option}`}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <label className="form-check-label" htmlFor={`${id}-${option}`}>
            {labels[option]}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
