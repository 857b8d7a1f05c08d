import type { ReactNode } from 'react';
import { Label } from './label';

/** What the control needs to be tied to its label, hint and error; spread it onto the control. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FormFieldProps {
  /** The control's id; the hint and error ids derive from it. */
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Shown after the label, e.g. "optional", so required fields need no asterisk. */
  optionalLabel?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/** Label, control, hint and error of one form field, tied together for assistive technology. */
export function FormField({ id, label, hint, error, optionalLabel, children }: FormFieldProps) {
  // The error replaces the hint: both at once mostly say the same thing twice.
  const shownHint = error ? undefined : hint;
  const hintId = shownHint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>
        {label}
        {optionalLabel ? <span className="font-normal text-muted"> ({optionalLabel})</span> : null}
      </Label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {shownHint ? (
        <p id={hintId} className="text-sm text-muted">
          {shownHint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
