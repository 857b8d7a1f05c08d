import type { ReactNode } from 'react';
import { LanguageMenu } from '../i18n/language-menu';
import { Brand } from './brand';

/** Pages for readers without a session: the brand, the language menu and one centred card. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between gap-4 border-b border-border bg-surface px-6 py-3">
        <Brand href="/" />
        <LanguageMenu />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 py-12">{children}</main>
    </div>
  );
}
