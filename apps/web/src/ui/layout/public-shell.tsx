import Link from 'next/link';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../i18n/language-switch';
import { getRequestDictionary } from '../i18n/request-locale';

/** Pages for readers without a session: the brand, the language switch and one centred card. */
export async function PublicShell({ children }: { children: ReactNode }) {
  const t = await getRequestDictionary();
  return (
    <div className="public-shell">
      <header className="public-shell__header">
        <Link href="/" className="brand">
          {t.appName}
        </Link>
        <LanguageSwitch />
      </header>
      <main className="public-shell__main">{children}</main>
    </div>
  );
}
