import { FormField } from '../components/form-field';
import { Select, type SelectOption } from '../components/select';

interface SelectFieldProps {
  /** The trigger's id and the submitted name: the API's field errors are matched to it by this name. */
  name: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly SelectOption[];
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
    <FormField id={name} label={label} error={error}>
      {(control) => (
        <Select
          name={name}
          value={value}
          onValueChange={onValueChange}
          options={options}
          placeholder={placeholder}
          {...(required ? { required } : {})}
          {...control}
        />
      )}
    </FormField>
  );
}
