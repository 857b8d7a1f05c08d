import type { ComponentProps } from 'react';
import { cn } from './cn';

const tones = {
  neutral: 'border-border bg-bg text-text',
  primary: 'border-primary/30 bg-primary-soft text-primary-hover',
  danger: 'border-danger/30 bg-danger-soft text-danger',
} as const;

type BadgeProps = ComponentProps<'span'> & { tone?: keyof typeof tones };

export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap',
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
