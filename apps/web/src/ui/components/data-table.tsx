import type { ComponentProps } from 'react';
import { cn } from './cn';

/**
 * A plain data table in a card that scrolls sideways on its own when its columns do not fit,
 * so the page never does. Row headers (`<th scope="row">`) read as the row's name.
 */
export function DataTable({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface shadow-card">
      <table
        className={cn(
          'w-full border-collapse text-left',
          '[&_td]:border-b [&_td]:border-border [&_td]:px-4 [&_td]:py-3 [&_th]:border-b [&_th]:border-border [&_th]:px-4 [&_th]:py-3',
          '[&_thead_th]:bg-bg [&_thead_th]:text-sm [&_thead_th]:font-semibold [&_thead_th]:text-muted',
          '[&_tbody_th]:font-medium [&_tbody_tr:last-child>*]:border-b-0 [&_tbody_tr:hover]:bg-primary-soft/40',
          className,
        )}
        {...props}
      />
    </div>
  );
}
