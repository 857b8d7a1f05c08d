import type { InputHTMLAttributes } from 'react';
import { FieldShell } from './field-shell';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'> & {
  name: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  optionalLabel?: string | undefined;
};

export function TextField({
  name,
  label,
  value,
  onValueChange,
  hint,
  error,
  optionalLabel,
  ...inputProps
}: TextFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error} optionalLabel={optionalLabel}>
      {(describedBy) => (
        <input
          id={name}
          name={name}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
      )}
    </FieldShell>
  );
}
