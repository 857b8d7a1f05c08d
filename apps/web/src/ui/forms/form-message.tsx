import type { ReactNode } from 'react';
import { cn } from '../components/cn';

/** The form's message that belongs to no single field; announced as soon as it appears. */
export function FormError({ message, className }: { message: string | undefined; className?: string }) {
  return message ? <ErrorNotice className={className}>{message}</ErrorNotice> : null;
}

/** An error shown in place (a failed load, a refused action), announced as it appears. */
export function ErrorNotice({
  children,
  className,
}: {
  children: ReactNode;
  className?: string | undefined;
}) {
  return (
    <div
      role="alert"
      className={cn(
        'flex flex-wrap items-center gap-x-3 gap-y-2 rounded-card border border-danger/40 bg-danger-soft px-4 py-3 text-danger',
        className,
      )}
    >
      {children}
    </div>
  );
}
