import type { InputHTMLAttributes } from 'react';
import { FormField } from '../components/form-field';
import { Input } from '../components/input';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'> & {
  /** The control's name and id: the API's field errors are matched to it by this name. */
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
    <FormField id={name} label={label} hint={hint} error={error} optionalLabel={optionalLabel}>
      {(control) => (
        <Input
          name={name}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          {...control}
          {...inputProps}
        />
      )}
    </FormField>
  );
}
