'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '../components/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '../components/dropdown-menu';
import { isLocale, localeCookieName, locales, type Locale } from './dictionary';

// Each language is named in itself, so a reader finds theirs whatever the page is showing now.
const languageNames: Record<Locale, string> = { 'pt-BR': 'Português', en: 'English' };
const oneYearSeconds = 365 * 24 * 3600;

/** The language menu: its button reads "Idioma: Português"; the choice lasts a year in a cookie. */
export function LanguageMenu() {
  const locale = useLocale();
  const t = useTranslations('language');
  const router = useRouter();
  const [switching, startSwitching] = useTransition();

  const choose = (next: string) => {
    if (!isLocale(next) || next === locale) return;
    document.cookie = `${localeCookieName}=${next}; path=/; max-age=${oneYearSeconds}; samesite=lax`;
    // The root layout reads the cookie on the server; a refresh re-renders it without losing client state.
    startSwitching(() => router.refresh());
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-busy={switching} disabled={switching}>
          <GlobeIcon />
          <span className="sr-only">{t('label')}: </span>
          <span lang={locale}>{languageNames[locale]}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>{t('label')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={choose}>
          {locales.map((option) => (
            <DropdownMenuRadioItem key={option} value={option} lang={option}>
              {languageNames[option]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function GlobeIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      aria-hidden
    >
      <circle cx="8" cy="8" r="6.5" />
      <path d="M1.5 8h13M8 1.5c1.8 1.9 2.6 4 2.6 6.5S9.8 12.6 8 14.5C6.2 12.6 5.4 10.5 5.4 8S6.2 3.4 8 1.5Z" />
    </svg>
  );
}
