import type { ReactNode } from 'react';

/** "Nothing here yet", announced politely when a list turns out empty. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-card border border-dashed border-border bg-surface px-6 py-8 text-center text-muted"
    >
      {children}
    </p>
  );
}
