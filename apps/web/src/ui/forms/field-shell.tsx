import type { ReactNode } from 'react';

interface FieldShellProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optionalLabel?: string | undefined;
  /** Receives the ids that describe the control (hint, error), for its aria-describedby. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, control, hint and error of one form field, tied together for assistive technology. */
export function FieldShell({ name, label, hint, error, optionalLabel, children }: FieldShellProps) {
  // The error replaces the hint: both at once mostly say the same thing twice.
  const shownHint = error ? undefined : hint;
  const hintId = shownHint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={name}>
        {label}
        {optionalLabel ? <span className="field__optional"> ({optionalLabel})</span> : null}
      </label>
      {children(describedBy)}
      {shownHint ? (
        <p id={hintId} className="field__hint">
          {shownHint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
