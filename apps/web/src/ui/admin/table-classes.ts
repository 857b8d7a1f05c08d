/** The admin tables' look: one place, so the users and audit tables match. */
export const tableClasses = {
  /** Wraps the table: a wide table scrolls inside it, so the page never scrolls sideways on a tablet. */
  scroll: 'max-w-full overflow-x-auto rounded-card border border-border bg-surface shadow-card',
  table: 'w-full border-collapse text-left',
  headCell:
    'border-b border-border bg-bg px-4 py-2.5 text-sm font-semibold tracking-wide text-muted uppercase',
  cell: 'border-b border-border px-4 py-3 align-middle',
  row: 'last:[&>*]:border-b-0 hover:bg-primary-soft/50',
} as const;
