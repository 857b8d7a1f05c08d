'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { localeCookieName, locales, type Locale } from './dictionary';
import { useI18n } from './i18n-provider';

// Each language is named in itself, so a reader finds theirs whatever the page is showing now.
const languageNames: Record<Locale, string> = { 'pt-BR': 'Português', en: 'English' };
const oneYearSeconds = 365 * 24 * 3600;

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [switching, startSwitching] = useTransition();

  const choose = (next: Locale) => {
    if (next === locale) return;
    document.cookie = `${localeCookieName}=${next}; path=/; max-age=${oneYearSeconds}; samesite=lax`;
    // The root layout reads the cookie on the server; a refresh re-renders it without losing client state.
    startSwitching(() => router.refresh());
  };

  return (
    <div role="group" aria-label={t.language.label} className="language-switch" aria-busy={switching}>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          disabled={switching}
          onClick={() => choose(option)}
        >
          {languageNames[option]}
        </button>
      ))}
    </div>
  );
}
