'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { LanguageMenu } from '../i18n/language-menu';
import { useSession } from '../session/session-provider';
import { AccountMenu } from './account-menu';
import { Brand } from './brand';

const navLink =
  'rounded-sm py-1 font-medium text-text no-underline decoration-primary decoration-2 underline-offset-[6px] hover:text-primary aria-[current=page]:text-primary-hover aria-[current=page]:underline';

export function AppHeader() {
  const t = useTranslations('header');
  const session = useSession();
  const pathname = usePathname();
  const current = (active: boolean) => (active ? ('page' as const) : undefined);
  return (
    <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-border bg-surface px-6 py-3">
      <div className="flex min-w-0 items-baseline gap-3">
        <Brand href="/today" />
        {session ? (
          <span className="truncate text-muted before:mr-3 before:content-['·']">{session.clinic.name}</span>
        ) : null}
      </div>
      <nav aria-label={t('mainNavigation')} className="flex flex-auto flex-wrap gap-x-5 gap-y-1">
        <Link href="/today" className={navLink} aria-current={current(pathname === '/today')}>
          {t('today')}
        </Link>
        <Link href="/patients" className={navLink} aria-current={current(pathname.startsWith('/patients'))}>
          {t('patients')}
        </Link>
        {session?.user.role === 'admin' ? (
          <>
            <Link
              href="/admin/users"
              className={navLink}
              aria-current={current(pathname.startsWith('/admin'))}
            >
              {t('admin')}
            </Link>
            <Link href="/settings" className={navLink} aria-current={current(pathname === '/settings')}>
              {t('settings')}
            </Link>
          </>
        ) : null}
      </nav>
      <div className="ml-auto flex items-center gap-1">
        <LanguageMenu />
        <AccountMenu />
      </div>
    </header>
  );
}
