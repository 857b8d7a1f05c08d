import type { ComponentProps } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn('rounded-card border border-border bg-surface p-6 shadow-card', className)}
      {...props}
    />
  );
}

/** A card that is a landmark of its own, named by its heading. */
export function CardSection({ className, ...props }: ComponentProps<'section'>) {
  return (
    <section
      className={cn('rounded-card border border-border bg-surface p-6 shadow-card', className)}
      {...props}
    />
  );
}
