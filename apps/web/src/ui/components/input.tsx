import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Shared by the text controls, so an input, a textarea and a select trigger look alike. */
export const controlClasses =
  'w-full min-h-10 rounded-card border border-border bg-surface px-3 py-2 text-base text-text placeholder:text-muted aria-invalid:border-danger disabled:cursor-not-allowed disabled:opacity-60';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(controlClasses, className)} {...props} />;
}
