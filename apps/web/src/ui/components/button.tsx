import { Slot } from '@radix-ui/react-slot';
import type { ComponentProps } from 'react';
import { cn } from './cn';

const variants = {
  primary:
    'border-primary bg-primary text-white hover:border-primary-hover hover:bg-primary-hover hover:text-white',
  secondary: 'border-border bg-surface text-text hover:bg-bg hover:text-text',
  danger: 'border-danger bg-surface text-danger hover:bg-danger-soft hover:text-danger',
  ghost: 'border-transparent bg-transparent text-text hover:bg-bg hover:text-text',
} as const;

const sizes = {
  sm: 'min-h-8 px-3 py-1 text-sm',
  md: 'min-h-10 px-4 py-2',
} as const;

export type ButtonVariant = keyof typeof variants;

type ButtonProps = ComponentProps<'button'> & {
  variant?: ButtonVariant;
  size?: keyof typeof sizes;
  /** Styles the single child (a link, usually) as the button instead of rendering a <button>. */
  asChild?: boolean;
};

export function buttonClasses(variant: ButtonVariant = 'secondary', size: keyof typeof sizes = 'md') {
  return cn(
    'inline-flex cursor-pointer items-center justify-center gap-2 rounded-card border font-medium no-underline transition-colors',
    'disabled:cursor-not-allowed disabled:opacity-60',
    variants[variant],
    sizes[size],
  );
}

export function Button({ variant, size, asChild = false, className, type, ...props }: ButtonProps) {
  const Component = asChild ? Slot : 'button';
  return (
    <Component
      // A plain <button> inside a form submits it; make that a choice, not an accident.
      type={asChild ? undefined : (type ?? 'button')}
      className={cn(buttonClasses(variant, size), className)}
      {...props}
    />
  );
}
