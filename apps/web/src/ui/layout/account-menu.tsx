'use client';

import { useTranslations } from 'next-intl';
import { useLogOut } from '../auth/use-log-out';
import { Button } from '../components/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../components/dropdown-menu';
import { useSession } from '../session/session-provider';

/** Who is signed in, and the way out: a menu button named after the user ("Conta" until /me answers). */
export function AccountMenu() {
  const t = useTranslations('header');
  const session = useSession();
  const { loggingOut, logOut } = useLogOut();

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="max-w-56">
          <span
            aria-hidden
            className="grid size-6 shrink-0 place-items-center rounded-full bg-primary-soft text-xs font-bold text-primary-hover"
          >
            {session ? initials(session.user.name) : '·'}
          </span>
          {session ? (
            <span className="truncate">
              <span className="sr-only">{t('signedInAs')} </span>
              {session.user.name}
            </span>
          ) : (
            <span>{t('account')}</span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {session ? (
          <>
            <DropdownMenuLabel>
              <span className="block font-medium text-text">{session.user.name}</span>
              <span className="block">{session.user.email}</span>
            </DropdownMenuLabel>
            <DropdownMenuSeparator />
          </>
        ) : null}
        <DropdownMenuItem disabled={loggingOut} onSelect={() => void logOut()}>
          {loggingOut ? t('loggingOut') : t('logOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function initials(name: string): string {
  const words = name
    .replace(/^(dra?|sra?|prof)\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
