import { FieldShell } from './field-shell';

interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder: string;
  required?: boolean;
  error?: string | undefined;
}

export function SelectField({
  name,
  label,
  value,
  onValueChange,
  options,
  placeholder,
  required,
  error,
}: SelectFieldProps) {
  return (
    <FieldShell name={name} label={label} error={error}>
      {(describedBy) => (
        <select
          id={name}
          name={name}
          value={value}
          required={required}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          <option value="" disabled>
            {placeholder}
          </option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
