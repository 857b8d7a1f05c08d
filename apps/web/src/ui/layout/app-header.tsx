'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { LogOutButton } from '../auth/log-out-button';
import { useI18n } from '../i18n/i18n-provider';
import { LanguageSwitch } from '../i18n/language-switch';
import { useSession } from '../session/session-provider';

export function AppHeader() {
  const { t } = useI18n();
  const session = useSession();
  const pathname = usePathname();
  return (
    <header className="app-header">
      <div className="app-header__identity">
        <Link href="/today" className="brand">
          {t.appName}
        </Link>
        {session ? <span className="app-header__clinic">{session.clinic.name}</span> : null}
      </div>
      <nav aria-label={t.header.mainNavigation} className="app-header__nav">
        <Link href="/today" aria-current={pathname === '/today' ? 'page' : undefined}>
          {t.header.today}
        </Link>
        <Link href="/patients" aria-current={pathname.startsWith('/patients') ? 'page' : undefined}>
          {t.header.patients}
        </Link>
        {session?.user.role === 'admin' ? (
          <>
            <Link href="/admin/users" aria-current={pathname.startsWith('/admin') ? 'page' : undefined}>
              {t.header.admin}
            </Link>
            <Link href="/settings" aria-current={pathname === '/settings' ? 'page' : undefined}>
              {t.header.settings}
            </Link>
          </>
        ) : null}
      </nav>
      <div className="app-header__account">
        {session ? (
          <span className="app-header__user" title={session.user.email}>
            <span className="visually-hidden">{t.header.signedInAs} </span>
            {session.user.name}
          </span>
        ) : null}
        <LanguageSwitch />
        <LogOutButton />
      </div>
    </header>
  );
}
