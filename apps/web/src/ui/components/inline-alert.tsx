import type { ComponentProps } from 'react';
import { cn } from './cn';

// Amber for "needs attention but nothing failed"; 7.9:1 on its tint, so AA holds.
const tones = {
  danger: 'border-danger/30 bg-danger-soft text-danger',
  warning: 'border-[#b26a00] bg-[#fff4e5] text-[#5f3700]',
} as const;

type InlineAlertProps = ComponentProps<'div'> & { tone?: keyof typeof tones };

/**
 * A message that stays next to what it is about until the cause goes away (a failed upload, an
 * edit conflict), unlike a toast that fades. Give it `role="alert"` when it must be announced.
 */
export function InlineAlert({ tone = 'danger', className, ...props }: InlineAlertProps) {
  return <div className={cn('rounded-card border px-4 py-3', tones[tone], className)} {...props} />;
}
